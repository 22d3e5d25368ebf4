import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMITMENT_STATUSES } from './enums';
import { furthestStatus, KPI_IDS, KPIS, kpiListRoute, share, STATUSES_BY_RANK } from './kpis';

/** The web's translation files: a KPI's keys must name real text there, in every language. */
const LANGUAGES = ['en', 'fr', 'ar', 'es'] as const;
const translations = Object.fromEntries(
  LANGUAGES.map((lang) => [
    lang,
    JSON.parse(readFileSync(join(__dirname, '../../../../apps/web/public/i18n', `${lang}.json`), 'utf8')) as unknown,
  ]),
);
const lookUp = (tree: unknown, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);

describe('KPI definitions', () => {
  it('gives every KPI its own label and tooltip, translated into every language', () => {
    expect(Object.keys(KPIS).sort()).toEqual([...KPI_IDS].sort());
    const keys = KPI_IDS.flatMap((id) => [KPIS[id].labelKey, KPIS[id].descriptionKey]);
    expect(new Set(keys).size).toBe(keys.length);
    for (const lang of LANGUAGES) {
      const texts = KPI_IDS.map((id) => [
        lookUp(translations[lang], KPIS[id].labelKey),
        lookUp(translations[lang], KPIS[id].descriptionKey),
      ]);
      for (const [label, description] of texts) {
        expect(typeof label === 'string' && label.trim().length > 0).toBe(true);
        expect(typeof description === 'string' && description.trim().length > 0).toBe(true);
        expect(description).not.toBe(label);
      }
      // No two cards share a label in one language.
      expect(new Set(texts.map(([label]) => label)).size).toBe(KPI_IDS.length);
    }
  });

  it('drills down with only the filters that are set', () => {
    expect(KPIS.engagements.drillDown({})).toEqual({});
    expect(KPIS.engagements.drillDown({ hubId: 'h', from: '2024-01-01', to: '2024-12-31' })).toEqual({
      hubId: 'h',
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(KPIS.participants.drillDown({ to: '2024-12-31' })).toEqual({ to: '2024-12-31' });
    expect(KPIS.activeCities.drillDown({ hubId: 'h', from: '2024-01-01' })).toEqual({
      hubId: 'h',
      active: 'true',
      activeFrom: '2024-01-01',
    });
    expect(KPIS.commitmentsAchieved.drillDown({ to: '2024-12-31' })).toEqual({ status: 'achieved', achievedTo: '2024-12-31' });
    expect(KPIS.medianDaysToAchievement.drillDown({ hubId: 'h', from: '2024-01-01', to: '2024-06-30' })).toEqual({
      hubId: 'h',
      status: 'achieved',
      achievedFrom: '2024-01-01',
      achievedTo: '2024-06-30',
    });
    expect(KPIS.engagementsLedToCommitment.drillDown({ from: '2024-01-01' })).toEqual({ from: '2024-01-01', ledToCommitment: 'true' });
    expect(KPIS.engagements.drillDown({ hubId: '', from: '' })).toEqual({});
  });

  it('ignores the date range for snapshot figures, and only for them', () => {
    const f = { hubId: 'h', from: '2024-01-01', to: '2024-12-31' };
    expect(KPIS.commitmentsAtRisk.drillDown(f)).toEqual({ hubId: 'h', atRisk: 'true' });
    expect(KPIS.followUpsOverdue.drillDown(f)).toEqual({ hubId: 'h', overdue: 'true' });
    expect(KPIS.commitmentsByStatus.drillDown(f, 'stalled')).toEqual({ hubId: 'h', status: 'stalled' });
    // A figure marked as a snapshot opens the same list whatever the range; any other figure's list follows the range.
    const snapshots = KPI_IDS.filter((id) => KPIS[id].snapshot);
    expect(snapshots.sort()).toEqual(['commitmentsAtRisk', 'commitmentsByStatus', 'followUpsOverdue']);
    for (const id of KPI_IDS) {
      const ranged = KPIS[id].drillDown(f, 'pledged');
      const open = KPIS[id].drillDown({ hubId: 'h' }, 'pledged');
      if (KPIS[id].snapshot) expect(ranged).toEqual(open);
      else expect(ranged).not.toEqual(open);
      expect(ranged['hubId']).toBe('h');
    }
  });

  it('opens list routes of the web app', () => {
    expect(kpiListRoute('followUpsOverdue')).toBe('/follow-ups');
    expect(kpiListRoute('activeCities')).toBe('/cities');
    expect(kpiListRoute('participants')).toBe('/engagements');
    expect(kpiListRoute('medianDaysToAchievement')).toBe('/commitments');
  });

  it('computes shares and the furthest status', () => {
    expect(share(1, 4)).toBe(0.25);
    expect(share(3, 3)).toBe(1);
    expect(share(0, 0)).toBeNull();
    expect(furthestStatus([])).toBeNull();
    expect(furthestStatus(['cancelled', 'stalled', 'pledged'])).toBe('stalled');
    expect(furthestStatus(['in_progress', 'achieved'])).toBe('achieved');
    expect(furthestStatus(['pledged', 'cancelled'])).toBe('pledged');
    expect(STATUSES_BY_RANK[0]).toBe('achieved');
    expect([...STATUSES_BY_RANK].sort()).toEqual([...COMMITMENT_STATUSES].sort());
  });
});
