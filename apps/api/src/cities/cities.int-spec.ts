import { demoSpec } from '../../test/demo-spec';
const t = demoSpec('admin', 'esa', 'balkans', 'nansana');
const { as, count } = t;
let esa: string, balkans: string, nansana: string;
beforeAll(() => ([esa, balkans, nansana] = [t.hub('esa'), t.hub('balkans'), t.city('Nansana')]));

const newCity = {
  name: 'Mombasa',
  countryCode: 'ke',
  kind: 'city',
  membershipStatus: 'member',
  memberSince: '2021-06-01',
  latitude: -4.04,
  longitude: 39.67,
};

describe('hubs', () => {
  it('lists hubs as a plain array to every signed-in user; admins write, with audit', async () => {
    const list = await t.http.get('/api/hubs').set(as('nansana')).expect(200);
    expect(Array.isArray(list.body)).toBe(true);
    expect(list.body.map((h: { code: string }) => h.code)).toContain('esa');
    const created = await t.http.post('/api/hubs').set(as('admin')).send({ code: 'pacific', name: 'Pacific' }).expect(201);
    await t.http.post('/api/hubs').set(as('admin')).send({ code: 'pacific', name: 'Again' }).expect(409);
    await t.http.patch(`/api/hubs/${created.body.id}`).set(as('admin')).send({ version: 1, name: 'Pacific Islands' }).expect(200);
    await t.http.patch(`/api/hubs/${created.body.id}`).set(as('admin')).send({ version: 1, name: 'Stale' }).expect(409);
    await t.http.delete(`/api/hubs/${esa}`).set(as('admin')).expect(409);
    await t.http.delete(`/api/hubs/${created.body.id}`).set(as('admin')).expect(204);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'hub' AND entity_id = $1`, [created.body.id])).toBe(3);
  });

  it('carries each hub’s name in the four languages; an admin sets them, a bad language or blank-only name is a 400', async () => {
    const list = await t.http.get('/api/hubs').set(as('nansana')).expect(200);
    const hub = list.body.find((h: { code: string }) => h.code === 'esa');
    expect(hub).toEqual({
      id: esa,
      code: 'esa',
      name: 'East & Southern Africa',
      names: { en: 'East & Southern Africa', fr: 'Afrique de l’Est et australe', ar: 'شرق وجنوب أفريقيا', es: 'África Oriental y Austral' },
      version: 1,
    });
    const created = await t.http
      .post('/api/hubs')
      .set(as('admin'))
      .send({ code: 'andes', name: 'Andes', names: { es: ' Andes (región) ', fr: '' } })
      .expect(201);
    expect(created.body.names).toEqual({ es: 'Andes (región)' });
    const bad = await t.http
      .patch(`/api/hubs/${created.body.id}`)
      .set(as('admin'))
      .send({ version: 1, names: { de: 'Anden', ar: 'x'.repeat(201) } })
      .expect(400);
    expect(JSON.stringify(bad.body)).toMatch(/names\.de|de/);
    expect(JSON.stringify(bad.body)).toMatch(/names\.ar|ar/);
    const updated = await t.http
      .patch(`/api/hubs/${created.body.id}`)
      .set(as('admin'))
      .send({ version: 1, names: { ar: 'جبال الأنديز' } })
      .expect(200);
    expect(updated.body).toMatchObject({ name: 'Andes', names: { ar: 'جبال الأنديز' }, version: 2 });
  });
});

describe('cities', () => {
  it('creates a city in the manager’s hub (country upper-cased), refuses another hub with 403', async () => {
    const res = await t.http
      .post('/api/cities')
      .set(as('esa'))
      .send({ ...newCity, hubId: esa })
      .expect(201);
    expect(res.body).toMatchObject({
      name: 'Mombasa',
      countryCode: 'KE',
      hubId: esa,
      hubName: 'East & Southern Africa',
      memberSince: '2021-06-01',
      liaisonIds: [],
      version: 1,
    });
    await t.http
      .post('/api/cities')
      .set(as('balkans'))
      .send({ ...newCity, hubId: esa })
      .expect(403);
    await t.http.patch(`/api/cities/${res.body.id}`).set(as('balkans')).send({ version: 1, name: 'x' }).expect(403);
    // Moving the city to a hub the manager does not keep is refused too.
    await t.http.patch(`/api/cities/${res.body.id}`).set(as('esa')).send({ version: 1, hubId: balkans }).expect(403);
  });

  it('names every invalid field and writes nothing', async () => {
    const before = await count(`SELECT count(*)::int AS n FROM cities`);
    const res = await t.http
      .post('/api/cities')
      .set(as('esa'))
      .send({
        name: '',
        countryCode: 'XX',
        hubId: esa,
        kind: 'village',
        membershipStatus: 'member',
        memberSince: '2024-02-30',
        latitude: 91,
        extra: 1,
      })
      .expect(400);
    const fields = (res.body.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'countryCode', 'kind', 'memberSince', 'latitude', 'extra']));
    const missingHub = await t.http
      .post('/api/cities')
      .set(as('admin'))
      .send({ ...newCity, hubId: '00000000-0000-4000-8000-000000000000' })
      .expect(400);
    expect(missingHub.body.details).toEqual([{ field: 'hubId', message: expect.any(String) }]);
    expect(await count(`SELECT count(*)::int AS n FROM cities`)).toBe(before);
  });

  it('reads only a liaison’s own cities; others answer 404', async () => {
    const list = await t.http.get('/api/cities').set(as('nansana')).expect(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: nansana }] });
    const other = (await t.dataSource.query(`SELECT id FROM cities WHERE name = 'Danilovgrad'`))[0].id;
    await t.http.get(`/api/cities/${other}`).set(as('nansana')).expect(404);
    await t.http.get(`/api/cities/${other}/timeline`).set(as('nansana')).expect(404);
  });

  it('filters, sorts and pages with true totals; q finds an Arabic name', async () => {
    const arabic = await t.http
      .post('/api/cities')
      .set(as('admin'))
      .send({ ...newCity, name: 'الرباط الجديدة', countryCode: 'MA', hubId: esa })
      .expect(201);
    const q = await t.http
      .get(`/api/cities?q=${encodeURIComponent('الرباط')}`)
      .set(as('esa'))
      .expect(200);
    expect(q.body.items.map((c: { id: string }) => c.id)).toEqual([arabic.body.id]);
    const expected = await count(`SELECT count(*)::int AS n FROM cities WHERE hub_id = $1 AND archived_at IS NULL`, [esa]);
    const page = await t.http.get(`/api/cities?hubId=${esa}&pageSize=3&page=2&sort=name:desc`).set(as('esa')).expect(200);
    expect(page.body).toMatchObject({ total: expected, page: 2, pageSize: 3 });
    const all = await t.http.get(`/api/cities?hubId=${esa}&pageSize=200&sort=name:desc`).set(as('esa')).expect(200);
    expect(page.body.items).toEqual(all.body.items.slice(3, 6));
    // The expected rows come from the table itself, and there must be some: a filter that matched
    // nothing (or everything) would fail here.
    const ugMembers: { id: string }[] = await t.dataSource.query(
      `SELECT c.id FROM cities c JOIN user_hubs uh ON uh.hub_id = c.hub_id JOIN users u ON u.id = uh.user_id
        WHERE u.email = 'esa.manager@impact.test' AND c.country_code = 'UG' AND c.membership_status = 'member' AND c.archived_at IS NULL
        ORDER BY c.name, c.id`,
    );
    expect(ugMembers.length).toBeGreaterThan(1);
    const ug = await t.http.get('/api/cities?countryCode=ug&membershipStatus=member&pageSize=200').set(as('esa')).expect(200);
    expect(ug.body.total).toBe(ugMembers.length);
    expect(ug.body.items.map((c: { id: string }) => c.id)).toEqual(ugMembers.map((c) => c.id));
    expect(ug.body.items).toEqual(ugMembers.map(() => expect.objectContaining({ countryCode: 'UG', membershipStatus: 'member' })));
    await t.http.get('/api/cities?sort=hubId:asc').set(as('esa')).expect(400);
  });

  it('exports CSV with BOM, header and Arabic intact', async () => {
    const res = await t.http
      .get(`/api/cities/export.csv?q=${encodeURIComponent('الرباط')}`)
      .set(as('esa'))
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="cities-/);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const lines = res.text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('id,name,countryCode,hub,kind,membershipStatus,memberSince,leadOfficial,latitude,longitude');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('الرباط الجديدة');
  });

  it('answers a stale version with 409 and the current city', async () => {
    const c = await t.http
      .post('/api/cities')
      .set(as('esa'))
      .send({ ...newCity, name: 'Kisumu', hubId: esa })
      .expect(201);
    await t.http.patch(`/api/cities/${c.body.id}`).set(as('esa')).send({ version: 1, leadOfficial: 'Mayor A' }).expect(200);
    const stale = await t.http.patch(`/api/cities/${c.body.id}`).set(as('esa')).send({ version: 1, leadOfficial: 'Mayor B' }).expect(409);
    expect(stale.body.details.current).toMatchObject({ leadOfficial: 'Mayor A', version: 2 });
    const audit = await t.http.get(`/api/audit?entity=city&entityId=${c.body.id}`).set(as('admin')).expect(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'update', changes: { leadOfficial: { old: null, new: 'Mayor A' } } });
    await t.http.delete(`/api/cities/${c.body.id}`).set(as('esa')).expect(204);
    await t.http.get(`/api/cities/${c.body.id}`).set(as('esa')).expect(404);
  });

  it('tells a city’s whole chain in one call', async () => {
    const capeTown = (await t.dataSource.query(`SELECT id FROM cities WHERE name = 'Cape Town'`))[0].id;
    const started = Date.now();
    const res = await t.http.get(`/api/cities/${capeTown}/timeline`).set(as('esa')).expect(200);
    console.log(`timeline of Cape Town: ${Date.now() - started} ms`);
    expect(res.body.city).toMatchObject({ id: capeTown, name: 'Cape Town' });
    expect(res.body.engagements.length).toBeGreaterThan(0);
    expect(Array.isArray(res.body.taught)).toBe(true);
    expect(Array.isArray(res.body.learnedFrom)).toBe(true);
    for (const key of ['liaisons', 'commitments', 'followUps', 'outcomes']) expect(Array.isArray(res.body[key])).toBe(true);
    const outcomes: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM outcomes WHERE city_id = $1 AND archived_at IS NULL ORDER BY date, id`,
      [capeTown],
    );
    expect(outcomes.length).toBeGreaterThan(0);
    expect(res.body.outcomes.map((o: { id: string }) => o.id)).toEqual(outcomes.map((o) => o.id));
  });

  it('tells who learned from whom, both ways, each pair once', async () => {
    // Every live "inspired by" link between two different cities, from the tables.
    const pairs: { learner: string; teacher: string; engagement: string }[] = await t.dataSource.query(
      `SELECT DISTINCT c.city_id AS learner, e.host_city_id AS teacher, e.id AS engagement
         FROM commitments c JOIN commitment_engagements ce ON ce.commitment_id = c.id JOIN engagements e ON e.id = ce.engagement_id
        WHERE c.archived_at IS NULL AND e.archived_at IS NULL AND e.host_city_id <> c.city_id`,
    );
    expect(pairs.length).toBeGreaterThan(0);
    const key = (l: { city: { id: string }; engagement: { id: string } }) => `${l.city.id}/${l.engagement.id}`;
    const { learner, teacher } = pairs[0];
    const learnerTimeline = await t.http.get(`/api/cities/${learner}/timeline`).set(as('admin')).expect(200);
    const learned = pairs.filter((p) => p.learner === learner).map((p) => `${p.teacher}/${p.engagement}`);
    expect(learnerTimeline.body.learnedFrom.map(key).sort()).toEqual(learned.sort());
    const teacherTimeline = await t.http.get(`/api/cities/${teacher}/timeline`).set(as('admin')).expect(200);
    const taught = pairs.filter((p) => p.teacher === teacher).map((p) => `${p.learner}/${p.engagement}`);
    expect(teacherTimeline.body.taught.map(key).sort()).toEqual(taught.sort());
    expect(teacherTimeline.body.taught[0]).toEqual({
      city: { id: expect.any(String), name: expect.any(String) },
      engagement: { id: expect.any(String), name: expect.any(String) },
    });
  });
});

describe('partners', () => {
  it('lets hub managers add and edit partners, only admins archive', async () => {
    const p = await t.http
      .post('/api/partners')
      .set(as('balkans'))
      .send({ name: 'OSCE Mission', kind: 'international_organisation', countryCode: 'me' })
      .expect(201);
    expect(p.body).toMatchObject({ countryCode: 'ME', version: 1 });
    await t.http.patch(`/api/partners/${p.body.id}`).set(as('esa')).send({ version: 1, countryCode: null }).expect(200);
    await t.http.delete(`/api/partners/${p.body.id}`).set(as('esa')).expect(403);
    await t.http.delete(`/api/partners/${p.body.id}`).set(as('admin')).expect(204);
    await t.http.post('/api/partners').set(as('esa')).send({ name: 'x', kind: 'friend' }).expect(400);
    const list = await t.http.get('/api/partners?q=osce').set(as('nansana')).expect(200);
    expect(list.body.total).toBe(0);
  });
});
