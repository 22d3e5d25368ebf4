import type { DashboardAtRisk, DashboardGraph, DashboardSummary } from '@impact/contracts';
import { demoSignIn, getOk } from '../../test/demo-sign-in';
import { createTestApp, type TestApp } from '../../test/test-app';
import { DashboardRefresher } from './dashboard-refresher';

describe('dashboard (demo data)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const get = <T>(who: string, path: string): Promise<T> => getOk<T>(t.http, tokens[who], path, who);
  let hubs: Record<string, string>;
  let cities: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    for (const email of ['leadership@impact.test', 'nansana.liaison@impact.test', 'esa.manager@impact.test']) {
      tokens[email] = (await demoSignIn(t.http, email)).accessToken;
    }
    hubs = Object.fromEntries(
      (await t.dataSource.query(`SELECT code, id FROM hubs`)).map((h: { code: string; id: string }) => [h.code, h.id]),
    );
    cities = Object.fromEntries(
      (await t.dataSource.query(`SELECT name, id FROM cities`)).map((c: { name: string; id: string }) => [c.name, c.id]),
    );
  });
  afterAll(() => t?.close());

  it('gives leadership the whole network, per hub, with the time the rollups were built', async () => {
    const s = await get<DashboardSummary>('leadership@impact.test', '/api/dashboard/summary');
    expect(s.totals.engagements).toBeGreaterThan(10);
    expect(s.totals.activeCities).toBeGreaterThan(5);
    expect(s.byHub.map((h) => h.hubId).sort()).toEqual(Object.values(hubs).sort());
    expect(s.byHub.reduce((n, h) => n + h.engagements, 0)).toBe(s.totals.engagements);
    expect(s.byHub.reduce((n, h) => n + h.activeCities, 0)).toBe(s.totals.activeCities);
    expect(s.refreshedAt).not.toBeNull();
    const esa = await get<DashboardSummary>('leadership@impact.test', `/api/dashboard/summary?hubId=${hubs['esa']}`);
    expect(esa.totals.engagements).toBe(s.byHub.find((h) => h.hubId === hubs['esa'])?.engagements);
  });

  it('gives a liaison the figures of its cities only, equal to what its lists hold', async () => {
    const who = 'nansana.liaison@impact.test';
    const s = await get<DashboardSummary>(who, '/api/dashboard/summary');
    // Per hub: the liaison's rows hold exactly what its own lists hold for that hub, and a hub its
    // records do not reach has no row (other hubs' figures would make a row, or a bigger one).
    const total = async (path: string) => (await get<{ total: number }>(who, path)).total;
    const reached: string[] = [];
    for (const hubId of Object.values(hubs)) {
      const engagements = await total(`/api/engagements?pageSize=1&hubId=${hubId}`);
      const commitments = await total(`/api/commitments?pageSize=1&hubId=${hubId}`);
      const row = s.byHub.find((h) => h.hubId === hubId);
      expect({
        hubId,
        engagements: row?.engagements ?? 0,
        commitments: Object.values(row?.commitmentsByStatus ?? {}).reduce((a, b) => a + b, 0),
      }).toEqual({
        hubId,
        engagements,
        commitments,
      });
      if (engagements + commitments > 0) reached.push(hubId);
    }
    expect(reached).toContain(hubs['esa']);
    expect(s.byHub.map((h) => h.hubId).sort()).toEqual(reached.sort());
    expect(s.byHub.length).toBeLessThan(Object.keys(hubs).length);

    expect(s.totals.activeCities).toBe(1);
    const lead = await get<DashboardSummary>('leadership@impact.test', '/api/dashboard/summary');
    expect(s.totals.engagements).toBeLessThan(lead.totals.engagements);
    expect(s.totals.engagements).toBe(await total('/api/engagements?pageSize=1'));
    expect(Object.values(s.totals.commitmentsByStatus).reduce((a, b) => a + b, 0)).toBe(await total('/api/commitments?pageSize=1'));
    expect(s.totals.commitmentsAtRisk).toBe(await total('/api/commitments?pageSize=1&atRisk=true'));
    expect(s.totals.followUpsOverdue).toBe(await total('/api/follow-ups?pageSize=1&overdue=true'));
    const map = await get<{ cities: { id: string }[] }>(who, '/api/dashboard/map');
    expect(map.cities.map((c) => c.id)).toEqual([cities['Nansana']]);

    // The at-risk panel lists the liaison's own at-risk commitments (all of them, 20 at most), none of
    // the network's others, which exist outside Nansana.
    const risk = await get<DashboardAtRisk>(who, '/api/dashboard/at-risk');
    const own = await get<{ items: { id: string }[]; total: number }>(who, '/api/commitments?pageSize=100&atRisk=true');
    expect(own.total).toBeLessThanOrEqual(20);
    expect(risk.commitments.map((c) => c.id).sort()).toEqual(own.items.map((c) => c.id).sort());
    const network = await get<DashboardAtRisk>('leadership@impact.test', '/api/dashboard/at-risk');
    expect(network.commitments.some((c) => c.cityId !== cities['Nansana'])).toBe(true);
  });

  it('draws the peer-learning edges of the seed', async () => {
    const g = await get<DashboardGraph>('leadership@impact.test', '/api/dashboard/graph');
    const has = (from: string, to: string) => g.edges.some((e) => e.source === cities[from] && e.target === cities[to]);
    expect(has('Cape Town', 'Nansana')).toBe(true);
    expect(has('Kumanovo', 'Danilovgrad')).toBe(true);
  });

  it('gives trends month by month across the range, zeros included', async () => {
    const tr = await get<{ months: { month: string; engagements: number }[] }>(
      'esa.manager@impact.test',
      `/api/dashboard/trends?hubId=${hubs['esa']}&from=2023-01-01&to=2023-12-31`,
    );
    expect(tr.months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`));
    const s = await get<DashboardSummary>(
      'esa.manager@impact.test',
      `/api/dashboard/summary?hubId=${hubs['esa']}&from=2023-01-01&to=2023-12-31`,
    );
    expect(tr.months.reduce((n, m) => n + m.engagements, 0)).toBe(s.totals.engagements);
  });

  it('rebuilds the rollups shortly after a write (and says when)', async () => {
    const who = 'esa.manager@impact.test';
    const path = `/api/dashboard/summary?hubId=${hubs['esa']}&from=2026-01-01&to=2026-12-31`;
    const before = await get<DashboardSummary>(who, path);
    const res = await t.http
      .post('/api/engagements')
      .set('Authorization', `Bearer ${tokens[who]}`)
      .send({ title: 'Freshness check', type: 'webinar', hubId: hubs['esa'], startDate: '2026-06-01', online: true });
    expect(res.status).toBe(201);
    let after = before;
    for (let i = 0; i < 40 && after.totals.engagements === before.totals.engagements; i++) {
      await new Promise((ok) => setTimeout(ok, 250));
      after = await get<DashboardSummary>(who, path);
    }
    expect(after.totals.engagements).toBe(before.totals.engagements + 1);
    expect(Date.parse(after.refreshedAt ?? '')).toBeGreaterThan(Date.parse(before.refreshedAt ?? ''));
  });

  it('judges overdue and at risk against today, whatever day the per-hub totals were last moved to', async () => {
    const who = 'leadership@impact.test';
    const total = async (path: string) => (await get<{ total: number }>(who, path)).total;
    const everyHub = [undefined, ...Object.values(hubs)];
    const lists = async () => {
      const out: Record<string, { atRisk: number; overdue: number }> = {};
      for (const hubId of everyHub) {
        const q = hubId ? `&hubId=${hubId}` : '';
        out[hubId ?? 'all'] = {
          atRisk: await total(`/api/commitments?pageSize=1&atRisk=true${q}`),
          overdue: await total(`/api/follow-ups?pageSize=1&overdue=true${q}`),
        };
      }
      return out;
    };
    const figures = async () => {
      const out: Record<string, { atRisk: number; overdue: number }> = {};
      for (const hubId of everyHub) {
        const s = await get<DashboardSummary>(who, `/api/dashboard/summary${hubId ? `?hubId=${hubId}` : ''}`);
        out[hubId ?? 'all'] = { atRisk: s.totals.commitmentsAtRisk, overdue: s.totals.followUpsOverdue };
      }
      return out;
    };
    const refresher = t.app.get(DashboardRefresher);
    await refresher.fold();
    const expected = await lists();
    expect(expected['all'].atRisk).toBeGreaterThan(0);
    expect(expected['all'].overdue).toBeGreaterThan(0);
    expect(await figures()).toEqual(expected);

    // The totals as a fold would have left them on another day (ten years back, ten years ahead as
    // after a clock set back, yesterday): the summary adds or takes off the rollup rows between that
    // day and today; the next fold moves the day to today.
    const owner = await t.ownerDataSource();
    for (const days of [-3650, 3650, -1]) {
      await owner.transaction(async (m) => {
        await m.query(`SELECT pg_advisory_xact_lock(hashtext('impact-tracker:dashboard-refresh'))`);
        await m.query(`UPDATE dashboard_totals_day SET as_of = (now() AT TIME ZONE 'UTC')::date + $1::int`, [days]);
        await m.query(`UPDATE dashboard_hub_totals t SET overdue_before = COALESCE((SELECT sum(f.follow_ups) FROM dashboard_follow_up_due f
                        WHERE f.hub_id = t.hub_id AND f.due_date < (SELECT as_of FROM dashboard_totals_day)), 0)`);
        await m.query(`UPDATE dashboard_hub_statuses t SET at_risk_before = COALESCE((SELECT sum(s.commitments) FROM dashboard_commitment_status s
                        WHERE s.hub_id = t.hub_id AND s.status = t.status AND (s.status = 'stalled'
                          OR (s.status IN ('pledged', 'in_progress') AND s.target_date < (SELECT as_of FROM dashboard_totals_day)))), 0)`);
      });
      expect({ days, figures: await figures() }).toEqual({ days, figures: expected });
      await refresher.fold();
      const [{ today }] = await owner.query(`SELECT as_of = (now() AT TIME ZONE 'UTC')::date AS today FROM dashboard_totals_day`);
      expect(today).toBe(true);
      expect({ days, figures: await figures() }).toEqual({ days, figures: expected });
    }
  });

  it('refuses a range that ends before it starts', async () => {
    const res = await t.http
      .get('/api/dashboard/summary?from=2024-02-01&to=2024-01-01')
      .set('Authorization', `Bearer ${tokens['leadership@impact.test']}`);
    expect(res.status).toBe(400);
  });
});
