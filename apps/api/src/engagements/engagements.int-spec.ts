import { demoSpec } from '../../test/demo-spec';
const t = demoSpec('esa', 'balkans', 'nansana', 'danilovgrad');
const { as, count } = t;
let esa: string, nansana: string, capeTown: string, partner: string;
beforeAll(async () => {
  [esa, nansana, capeTown] = [t.hub('esa'), t.city('Nansana'), t.city('Cape Town')];
  partner = (await t.dataSource.query(`SELECT id FROM partners ORDER BY name LIMIT 1`))[0].id;
});

const base = () => ({
  title: 'Learning visit to Cape Town',
  type: 'learning_visit',
  hubId: esa,
  startDate: '2023-12-04',
  endDate: '2023-12-06',
  hostCityId: capeTown,
  locationCityId: capeTown,
  participatingCityIds: [nansana],
  partnerIds: [partner],
  participants: { total: 40, mayors: 8, officials: 20, youth: 5, women: 18, communityLeaders: 4 },
  summary: 'Mayors and officials of East and Southern Africa',
  evidenceLinks: ['https://example.org/report'],
});

describe('engagements', () => {
  it('creates the engagement with its cities and partners in one transaction, names resolved', async () => {
    const res = await t.http.post('/api/engagements').set(as('esa')).send(base()).expect(201);
    expect(res.body).toMatchObject({
      hubName: 'East & Southern Africa',
      hostCityName: 'Cape Town',
      participatingCities: [{ id: nansana, name: 'Nansana' }],
      partnerIds: [partner],
      participants: { total: 40, communityLeaders: 4 },
      version: 1,
    });
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'engagement' AND entity_id = $1`, [res.body.id])).toBe(1);
  });

  it('rolls everything back when a partner does not exist: 400 on partnerIds, no engagement, no audit', async () => {
    const rows = await count(`SELECT count(*)::int AS n FROM engagements`);
    const links = await count(`SELECT count(*)::int AS n FROM engagement_cities`);
    const audits = await count(`SELECT count(*)::int AS n FROM audit_log`);
    const res = await t.http
      .post('/api/engagements')
      .set(as('esa'))
      .send({ ...base(), partnerIds: [partner, '00000000-0000-4000-8000-000000000000'] })
      .expect(400);
    expect(res.body.details).toEqual([{ field: 'partnerIds', message: expect.any(String) }]);
    expect(await count(`SELECT count(*)::int AS n FROM engagements`)).toBe(rows);
    expect(await count(`SELECT count(*)::int AS n FROM engagement_cities`)).toBe(links);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log`)).toBe(audits);
  });

  it('validates dates, counts and links, naming each field', async () => {
    const res = await t.http
      .post('/api/engagements')
      .set(as('esa'))
      .send({
        ...base(),
        startDate: '2024-05-10',
        endDate: '2024-05-01',
        participants: { total: 3, mayors: 8, officials: -1, youth: 0, women: 0, communityLeaders: 0 },
        evidenceLinks: ['javascript:alert(1)'],
        hostCityId: 'not-a-uuid',
      })
      .expect(400);
    const fields = (res.body.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining(['endDate', 'participants.total', 'participants.officials', 'evidenceLinks', 'hostCityId']),
    );
  });

  it('shows a liaison the engagements its city took part in, and no others', async () => {
    const created = await t.http.post('/api/engagements').set(as('esa')).send(base()).expect(201);
    await t.http.get(`/api/engagements/${created.body.id}`).set(as('nansana')).expect(200);
    await t.http.get(`/api/engagements/${created.body.id}`).set(as('danilovgrad')).expect(404);
    const mine = await t.http.get('/api/engagements?pageSize=200').set(as('nansana')).expect(200);
    const expected: { id: string }[] = await t.dataSource.query(
      `SELECT e.id FROM engagements e WHERE e.archived_at IS NULL AND (e.host_city_id = $1 OR e.location_city_id = $1
         OR EXISTS (SELECT 1 FROM engagement_cities ec WHERE ec.engagement_id = e.id AND ec.city_id = $1))`,
      [nansana],
    );
    expect(expected.map((e) => e.id)).toContain(created.body.id);
    expect(mine.body.total).toBe(expected.length);
    expect(mine.body.items.map((e: { id: string }) => e.id).sort()).toEqual(expected.map((e) => e.id).sort());
    await t.http.patch(`/api/engagements/${created.body.id}`).set(as('balkans')).send({ version: 1, summary: 'x' }).expect(403);
  });

  it('filters by city, type and dates; q finds Arabic; 409 on a stale version', async () => {
    const created = await t.http
      .post('/api/engagements')
      .set(as('esa'))
      .send({ ...base(), title: 'حوار وطني محلي في كمبالا', type: 'national_local_dialogue', startDate: '2031-04-01', endDate: null })
      .expect(201);
    const q = await t.http
      .get(`/api/engagements?q=${encodeURIComponent('حوار وطني')}`)
      .set(as('esa'))
      .expect(200);
    expect(q.body.items.map((e: { id: string }) => e.id)).toEqual([created.body.id]);
    const byDate = await t.http
      .get(`/api/engagements?from=2031-01-01&to=2031-12-31&type=national_local_dialogue&cityId=${nansana}`)
      .set(as('esa'))
      .expect(200);
    expect(byDate.body).toMatchObject({ total: 1, items: [{ id: created.body.id }] });
    await t.http.get('/api/engagements?from=2031-02-30').set(as('esa')).expect(400);
    await t.http.patch(`/api/engagements/${created.body.id}`).set(as('esa')).send({ version: 1, endDate: '2031-03-01' }).expect(400);
    await t.http.patch(`/api/engagements/${created.body.id}`).set(as('esa')).send({ version: 1, endDate: '2031-04-02' }).expect(200);
    const stale = await t.http
      .patch(`/api/engagements/${created.body.id}`)
      .set(as('esa'))
      .send({ version: 1, summary: 'late' })
      .expect(409);
    expect(stale.body.details.current).toMatchObject({ endDate: '2031-04-02', version: 2 });
  });
});
