import { CityTimeline, CommitmentStatus, FollowUpStatus } from '@impact/contracts';

export type TimelineKind = 'engagement' | 'commitment' | 'followUp' | 'outcome';

export interface TimelineEntry {
  kind: TimelineKind;
  id: string;
  /** `YYYY-MM-DD` the entry is placed at. */
  date: string;
  title: string;
  /** Translation key of what kind of thing it is (type, kind). */
  typeKey: string;
  link: unknown[] | null;
  status?: CommitmentStatus | FollowUpStatus | 'overdue';
  /** Engagements: whether the city hosted it or took part. */
  role?: 'hosted' | 'tookPart';
  detail?: string | null;
  value?: number | null;
  unit?: string | null;
}

/**
 * The city's whole story as one list, newest first: engagements it hosted or took part in (at their
 * start), commitments (when made), follow-ups (when due, or done) and outcomes (when they happened).
 */
export function buildTimeline(t: CityTimeline): TimelineEntry[] {
  const cityId = t.city.id;
  // What every entry has (`typeKey` names its type or kind), then what only its kind has.
  const at = (
    kind: TimelineKind,
    id: string,
    date: string,
    title: string,
    typeKey: string,
    link: unknown[] | null,
    more: Partial<TimelineEntry>,
  ) => ({ kind, id, date, title, typeKey, link, ...more }) satisfies TimelineEntry;
  const commitmentLink = (id: string | null) => (id ? ['/commitments', id] : null);
  const entries: TimelineEntry[] = [
    ...t.engagements.map((e) =>
      at('engagement', e.id, e.startDate, e.title, `enums.engagementType.${e.type}`, ['/engagements', e.id], {
        role: e.hostCityId === cityId ? 'hosted' : 'tookPart',
        detail: e.online ? null : e.locationCityName,
      }),
    ),
    ...t.commitments.map((c) =>
      at('commitment', c.id, (c.createdAt ?? '').slice(0, 10), c.title, `enums.commitmentKind.${c.kind}`, commitmentLink(c.id), {
        status: c.status,
      }),
    ),
    ...t.followUps.map((f) => {
      const date = (f.status === 'done' && f.completedAt ? f.completedAt.slice(0, 10) : f.dueDate) ?? '';
      const status = f.overdue ? 'overdue' : f.status;
      return at('followUp', f.id, date, f.title, `enums.followUpKind.${f.kind}`, commitmentLink(f.commitmentId), {
        status,
        detail: f.ownerName,
      });
    }),
    ...t.outcomes.map((o) =>
      at('outcome', o.id, o.date, o.description, `enums.outcomeType.${o.type}`, commitmentLink(o.commitmentId), {
        value: o.value,
        unit: o.unit,
      }),
    ),
  ];
  const order: Record<TimelineKind, number> = { engagement: 0, commitment: 1, followUp: 2, outcome: 3 };
  return entries.sort((a, b) => (a.date === b.date ? order[a.kind] - order[b.kind] : a.date < b.date ? 1 : -1));
}
