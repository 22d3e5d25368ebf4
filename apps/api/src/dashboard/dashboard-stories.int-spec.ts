import type { DashboardStories } from '@impact/contracts';
import { demoSignIn, getOk } from '../../test/demo-sign-in';
import { createTestApp, type TestApp } from '../../test/test-app';

describe('dashboard stories (demo data)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const get = <T>(who: string, path: string): Promise<T> => getOk<T>(t.http, tokens[who], path, who);
  const LEAD = 'leadership@impact.test';
  const ESA = 'esa.manager@impact.test';
  const NANSANA = 'nansana.liaison@impact.test';
  let hubs: Record<string, string>;
  let cities: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ demo: true });
    for (const email of [LEAD, ESA, NANSANA]) tokens[email] = (await demoSignIn(t.http, email)).accessToken;
    hubs = Object.fromEntries(
      (await t.dataSource.query(`SELECT code, id FROM hubs`)).map((h: { code: string; id: string }) => [h.code, h.id]),
    );
    cities = Object.fromEntries(
      (await t.dataSource.query(`SELECT name, id FROM cities`)).map((c: { name: string; id: string }) => [c.name, c.id]),
    );
  });
  afterAll(() => t?.close());

  const withoutStorySql = `SELECT c.id FROM commitments c
     WHERE c.archived_at IS NULL AND c.status = 'achieved'
       AND NOT EXISTS (SELECT 1 FROM story_commitments x JOIN stories s ON s.id = x.story_id
                        WHERE x.commitment_id = c.id AND s.archived_at IS NULL AND s.status <> 'archived')`;

  it('counts live stories by category and status exactly as the table holds them, whole network and per hub', async () => {
    const all = await get<DashboardStories>(LEAD, '/api/dashboard/stories');
    const expected: { category: string; status: string; count: number }[] = await t.dataSource.query(
      `SELECT category, status, count(*)::int AS count FROM stories WHERE archived_at IS NULL AND status <> 'archived'
        GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(all.byCategoryAndStatus).toEqual(expected);
    expect(all.byCategoryAndStatus.some((c) => c.status === 'archived')).toBe(false);

    const esa = await get<DashboardStories>(LEAD, `/api/dashboard/stories?hubId=${hubs['esa']}`);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM stories WHERE archived_at IS NULL AND status <> 'archived' AND hub_id = $1`,
      [hubs['esa']],
    );
    expect(esa.byCategoryAndStatus.reduce((s, c) => s + c.count, 0)).toBe(n);

    const ids: { id: string }[] = await t.dataSource.query(withoutStorySql);
    expect(all.achievedWithoutStory.length).toBe(Math.min(50, ids.length));
    const known = new Set(ids.map((r) => r.id));
    expect(all.achievedWithoutStory.every((c) => known.has(c.id))).toBe(true);
    const order = all.achievedWithoutStory.map((c) => c.achievedAt ?? c.updatedAt);
    expect(order).toEqual([...order].sort().reverse());
    expect(esa.achievedWithoutStory.every((c) => c.hubId === hubs['esa'])).toBe(true);
  });

  it('drops an achieved commitment from the list once a story is drafted from it', async () => {
    // An achieved ESA commitment whose stories are all archived: it is waiting for a story again.
    const [achieved] = await t.dataSource.query(
      `SELECT c.id FROM commitments c WHERE c.archived_at IS NULL AND c.status = 'achieved' AND c.hub_id = $1 ORDER BY c.id LIMIT 1`,
      [hubs['esa']],
    );
    expect(achieved).toBeDefined();
    await t.dataSource.query(
      `UPDATE stories SET archived_at = now() WHERE archived_at IS NULL AND id IN (SELECT story_id FROM story_commitments WHERE commitment_id = $1)`,
      [achieved.id],
    );
    const before = await get<DashboardStories>(ESA, `/api/dashboard/stories?hubId=${hubs['esa']}`);
    const target = before.achievedWithoutStory.find((c) => c.id === achieved.id);
    expect(target).toBeDefined();
    if (!target) return;
    const res = await t.http.post(`/api/stories/draft-from-commitment/${target.id}`).set('Authorization', `Bearer ${tokens[ESA]}`).send({});
    expect(res.status).toBe(201);
    const after = await get<DashboardStories>(ESA, `/api/dashboard/stories?hubId=${hubs['esa']}`);
    expect(after.achievedWithoutStory.map((c) => c.id)).not.toContain(target.id);
    const drafts = (s: DashboardStories) => s.byCategoryAndStatus.filter((c) => c.status === 'draft').reduce((n, c) => n + c.count, 0);
    expect(drafts(after)).toBe(drafts(before) + 1);
  });

  it('gives a liaison its cities only', async () => {
    // One achieved commitment in Nansana and one elsewhere wait for a story again (their stories
    // archived), so the network's list holds both and a liaison's list has something to get wrong.
    for (const [where, ids] of [
      ['c.city_id = $1', [cities['Nansana']]],
      ['c.city_id <> $1', [cities['Nansana']]],
    ] as const) {
      const [achieved] = await t.dataSource.query(
        `SELECT c.id FROM commitments c WHERE c.archived_at IS NULL AND c.status = 'achieved' AND ${where} ORDER BY c.id LIMIT 1`,
        [...ids],
      );
      expect(achieved).toBeDefined();
      await t.dataSource.query(
        `UPDATE stories SET archived_at = now() WHERE archived_at IS NULL AND id IN (SELECT story_id FROM story_commitments WHERE commitment_id = $1)`,
        [achieved.id],
      );
    }
    const mine = await get<DashboardStories>(NANSANA, '/api/dashboard/stories');
    // Exactly the achieved commitments of Nansana that wait for a story; the network's list holds
    // others too, so a liaison shown them would fail here.
    const nansanaWaiting: { id: string }[] = await t.dataSource.query(
      `SELECT w.id FROM (${withoutStorySql}) w JOIN commitments c USING (id) WHERE c.city_id = $1`,
      [cities['Nansana']],
    );
    expect(nansanaWaiting.length).toBeGreaterThan(0);
    expect(nansanaWaiting.length).toBeLessThanOrEqual(50);
    expect(mine.achievedWithoutStory.map((c) => c.id).sort()).toEqual(nansanaWaiting.map((c) => c.id).sort());
    const network = await get<DashboardStories>(LEAD, '/api/dashboard/stories');
    expect(network.achievedWithoutStory.some((c) => c.cityId !== cities['Nansana'])).toBe(true);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM stories s WHERE s.archived_at IS NULL AND s.status <> 'archived'
          AND EXISTS (SELECT 1 FROM story_cities sc WHERE sc.story_id = s.id AND sc.city_id = $1)`,
      [cities['Nansana']],
    );
    expect(mine.byCategoryAndStatus.reduce((s, c) => s + c.count, 0)).toBe(n);
    expect(network.byCategoryAndStatus.reduce((s, c) => s + c.count, 0)).toBeGreaterThan(n);
  });
});
