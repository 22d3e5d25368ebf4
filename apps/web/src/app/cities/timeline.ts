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
  const entries: TimelineEntry[] = [
    ...t.engagements.map(
      (e): TimelineEntry => ({
        kind: 'engagement',
        id: e.id,
        date: e.startDate,
        title: e.title,
        typeKey: `enums.engagementType.${e.type}`,
        link: ['/engagements'],
        role: e.hostCityId === cityId ? 'hosted' : 'tookPart',
        detail: e.online ? null : e.locationCityName,
      }),
    ),
    ...t.commitments.map(
      (c): TimelineEntry => ({
        kind: 'commitment',
        id: c.id,
        date: (c.createdAt ?? '').slice(0, 10),
        title: c.title,
        typeKey: `enums.commitmentKind.${c.kind}`,
        link: ['/commitments', c.id],
        status: c.status,
      }),
    ),
    ...t.followUps.map(
      (f): TimelineEntry => ({
        kind: 'followUp',
        id: f.id,
        date: (f.status === 'done' && f.completedAt ? f.completedAt.slice(0, 10) : f.dueDate) ?? '',
        title: f.title,
        typeKey: `enums.followUpKind.${f.kind}`,
        link: f.commitmentId ? ['/commitments', f.commitmentId] : null,
        status: f.overdue ? 'overdue' : f.status,
        detail: f.ownerName,
      }),
    ),
    ...t.outcomes.map(
      (o): TimelineEntry => ({
        kind: 'outcome',
        id: o.id,
        date: o.date,
        title: o.description,
        typeKey: `enums.outcomeType.${o.type}`,
        link: o.commitmentId ? ['/commitments', o.commitmentId] : null,
        value: o.value,
        unit: o.unit,
      }),
    ),
  ];
  const order: Record<TimelineKind, number> = { engagement: 0, commitment: 1, followUp: 2, outcome: 3 };
  return entries.sort((a, b) => (a.date === b.date ? order[a.kind] - order[b.kind] : a.date < b.date ? 1 : -1));
}
