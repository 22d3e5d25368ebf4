import { COMMITMENT_STATUSES } from './enums';
import { furthestStatus, KPI_IDS, KPIS, kpiListRoute, share, STATUSES_BY_RANK } from './kpis';

describe('KPI definitions', () => {
  it('defines every KPI once, with its own label and tooltip keys', () => {
    expect(Object.keys(KPIS).sort()).toEqual([...KPI_IDS].sort());
    for (const id of KPI_IDS) {
      expect(KPIS[id].id).toBe(id);
      expect(KPIS[id].labelKey).toBe(`dashboard.kpi.${id}.label`);
      expect(KPIS[id].descriptionKey).toBe(`dashboard.kpi.${id}.description`);
    }
  });

  it('drills down with only the filters that are set', () => {
    expect(KPIS.engagements.drillDown({})).toEqual({});
    expect(KPIS.engagements.drillDown({ hubId: 'h', from: '2024-01-01', to: '2024-12-31' })).toEqual({ hubId: 'h', from: '2024-01-01', to: '2024-12-31' });
    expect(KPIS.activeCities.drillDown({ hubId: 'h', from: '2024-01-01' })).toEqual({ hubId: 'h', active: 'true', activeFrom: '2024-01-01' });
    expect(KPIS.commitmentsAchieved.drillDown({ to: '2024-12-31' })).toEqual({ status: 'achieved', achievedTo: '2024-12-31' });
    expect(KPIS.engagementsLedToCommitment.drillDown({ from: '2024-01-01' })).toEqual({ from: '2024-01-01', ledToCommitment: 'true' });
  });

  it('ignores the date range for snapshot figures', () => {
    const f = { hubId: 'h', from: '2024-01-01', to: '2024-12-31' };
    expect(KPIS.commitmentsAtRisk.drillDown(f)).toEqual({ hubId: 'h', atRisk: 'true' });
    expect(KPIS.followUpsOverdue.drillDown(f)).toEqual({ hubId: 'h', overdue: 'true' });
    expect(KPIS.commitmentsByStatus.drillDown(f, 'stalled')).toEqual({ hubId: 'h', status: 'stalled' });
    for (const id of KPI_IDS) expect(KPIS[id].snapshot).toBe(['commitmentsByStatus', 'commitmentsAtRisk', 'followUpsOverdue'].includes(id));
  });

  it('opens list routes of the web app', () => {
    expect(kpiListRoute('followUpsOverdue')).toBe('/follow-ups');
    expect(kpiListRoute('activeCities')).toBe('/cities');
  });

  it('computes shares and the furthest status', () => {
    expect(share(1, 4)).toBe(0.25);
    expect(share(0, 0)).toBeNull();
    expect(furthestStatus([])).toBeNull();
    expect(furthestStatus(['cancelled', 'stalled', 'pledged'])).toBe('stalled');
    expect(furthestStatus(['in_progress', 'achieved'])).toBe('achieved');
    expect(STATUSES_BY_RANK[0]).toBe('achieved');
    expect([...STATUSES_BY_RANK].sort()).toEqual([...COMMITMENT_STATUSES].sort());
  });
});
