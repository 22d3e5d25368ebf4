import { ENGAGEMENT_TYPES, type EngagementType } from '@impact/contracts';
import type { DemoCity, DemoEngagement } from './demo-data';

/** Small deterministic PRNG (mulberry32): the same history on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const THEMES = [
  'online hate and disinformation',
  'social cohesion after local crises',
  'early warning and referral',
  'working with faith leaders',
  'youth participation in prevention',
  'gender and prevention',
  'mental health and violence prevention',
  'municipal prevention plans',
  'data for local risk profiles',
  'polarisation around elections',
];
const LABEL: Record<EngagementType, string> = {
  regional_workshop: 'Regional workshop',
  learning_visit: 'Learning visit',
  summit: 'Conference',
  roundtable: 'Roundtable',
  national_local_dialogue: 'National-local dialogue',
  transatlantic_dialogue: 'Transatlantic dialogue',
  webinar: 'Webinar',
  technical_assistance: 'Technical assistance',
  training: 'Training',
  grant: 'Grant',
  youth_programme: 'Youth programme',
  other: 'Exchange',
};

/**
 * Extra engagements spread over 2022–2026 in every hub, so dashboards show monthly trends.
 * Deterministic: same seed, same engagements.
 */
export function syntheticEngagements(cities: DemoCity[], hubs: string[], until = '2026-11-01', seed = 20261125): DemoEngagement[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const types = ENGAGEMENT_TYPES.filter((t) => t !== 'summit' && t !== 'grant');
  const out: DemoEngagement[] = [];
  let n = 0;
  for (let year = 2022; year <= 2026; year++) {
    for (let month = 1; month <= 12; month++) {
      const startDate = `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(rand() * 27)).padStart(2, '0')}`;
      if (startDate > until) break;
      // One to three engagements a month, a little more activity every year.
      const count = 1 + Math.floor(rand() * (2 + (year - 2022) * 0.4));
      for (let i = 0; i < count; i++) {
        const hub = pick(hubs);
        const hubCities = cities.filter((c) => c.hub === hub && c.kind !== 'working_group');
        let type = pick(types);
        if (type === 'transatlantic_dialogue' && hub !== 'europe') type = 'webinar';
        const online = type === 'webinar';
        const host = online ? null : pick(hubCities);
        const participating = [...new Set([host?.key, pick(hubCities).key, pick(hubCities).key].filter((k): k is string => !!k))];
        const total = online ? 30 + Math.floor(rand() * 120) : 12 + Math.floor(rand() * 60);
        const mayors = Math.floor(total * (0.05 + rand() * 0.1));
        const youth = Math.floor(total * rand() * 0.25);
        const communityLeaders = Math.floor(total * rand() * 0.15);
        const officials = Math.max(0, total - mayors - youth - communityLeaders);
        const theme = pick(THEMES);
        n++;
        out.push({
          key: `synthetic-${n}`,
          title: `${LABEL[type]}: ${theme}${host ? `, ${host.name}` : ''}`,
          type,
          hub,
          startDate,
          location: host?.key ?? null,
          host: host?.key ?? null,
          online,
          cities: participating,
          participants: {
            total,
            mayors,
            officials,
            youth,
            women: Math.floor(total * (0.35 + rand() * 0.2)),
            communityLeaders,
          },
          summary: `Synthetic demo record: peers discussed ${theme}.`,
        });
      }
    }
  }
  return out;
}
