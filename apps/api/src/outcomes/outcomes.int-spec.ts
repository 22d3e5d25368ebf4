import { demoSpec } from '../../test/demo-spec';
const t = demoSpec('admin', 'esa', 'balkans', 'nansana');
const { as, count } = t;
let esa: string, nansana: string, masaka: string, commitment: string;
beforeAll(async () => {
  [esa, nansana, masaka] = [t.hub('esa'), t.city('Nansana'), t.city('Masaka')];
  commitment = (
    await t.http.post('/api/commitments').set(as('esa')).send({ title: 'Peace clubs', kind: 'other', cityId: nansana }).expect(201)
  ).body.id;
});

const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe('outcomes', () => {
  it('filters by hub through the city (true total, newest first); a liaison lists its city’s only', async () => {
    const inEsa: { id: string }[] = await t.dataSource.query(
      `SELECT o.id FROM outcomes o JOIN cities c ON c.id = o.city_id WHERE c.hub_id = $1 AND o.archived_at IS NULL ORDER BY o.date DESC, o.id DESC`,
      [esa],
    );
    expect(inEsa.length).toBeGreaterThan(1);
    const byHub = await t.http.get(`/api/outcomes?hubId=${esa}&pageSize=200`).set(as('admin')).expect(200);
    expect(byHub.body.total).toBe(inEsa.length);
    expect(ids(byHub.body.items)).toEqual(ids(inEsa));
    expect(byHub.body.items).toEqual(inEsa.map(() => expect.objectContaining({ hubId: esa })));
    await t.http
      .post('/api/outcomes')
      .set(as('nansana'))
      .send({ cityId: nansana, date: '2025-02-01', type: 'other', description: 'Dialogue circle' })
      .expect(201);
    const own: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM outcomes WHERE city_id = $1 AND archived_at IS NULL ORDER BY date DESC, id DESC`,
      [nansana],
    );
    const mine = await t.http.get('/api/outcomes?pageSize=200').set(as('nansana')).expect(200);
    expect(mine.body.total).toBe(own.length);
    expect(ids(mine.body.items)).toEqual(ids(own));
    const elsewhere = await t.http.get(`/api/outcomes?cityId=${masaka}`).set(as('nansana')).expect(200);
    expect(elsewhere.body).toMatchObject({ total: 0, items: [] });
  });

  it('sorts by value and pages stably; q searches description and unit', async () => {
    const all = await t.http.get('/api/outcomes?sort=value:desc&pageSize=200').set(as('admin')).expect(200);
    expect(all.body.total).toBeGreaterThan(4);
    const page = await t.http.get('/api/outcomes?sort=value:desc&pageSize=2&page=2').set(as('admin')).expect(200);
    expect(page.body).toMatchObject({ total: all.body.total, page: 2, pageSize: 2 });
    expect(page.body.items).toEqual(all.body.items.slice(2, 4));
    await t.http.get('/api/outcomes?sort=cityName:asc').set(as('admin')).expect(400);
    const created = await t.http
      .post('/api/outcomes')
      .set(as('esa'))
      .send({
        cityId: masaka,
        date: '2025-03-02',
        type: 'other',
        value: 7,
        unit: 'kiosques_50%',
        description: 'Sept kiosques de médiation',
      })
      .expect(201);
    const byUnit = await t.http
      .get(`/api/outcomes?q=${encodeURIComponent('kiosques_50%')}`)
      .set(as('esa'))
      .expect(200);
    expect(ids(byUnit.body.items)).toEqual([created.body.id]);
    const byDescription = await t.http
      .get(`/api/outcomes?q=${encodeURIComponent('médiation')}`)
      .set(as('esa'))
      .expect(200);
    expect(ids(byDescription.body.items)).toEqual([created.body.id]);
    // The wildcard is a character, not "anything".
    const wildcard = await t.http
      .get(`/api/outcomes?q=${encodeURIComponent('kiosques%50')}`)
      .set(as('esa'))
      .expect(200);
    expect(wildcard.body.total).toBe(0);
  });

  it('moves an outcome to its commitment, unverifies, refuses a stale version, archives; every write audited', async () => {
    const created = await t.http
      .post('/api/outcomes')
      .set(as('esa'))
      .send({ cityId: nansana, date: '2025-01-15', type: 'people_trained', value: 40, unit: ' people ', verified: true })
      .expect(201);
    expect(created.body).toMatchObject({
      unit: 'people',
      verifiedByName: 'Amani Otieno',
      commitmentId: null,
      commitmentTitle: null,
      version: 1,
    });
    expect(created.body.verifiedAt).toMatch(/Z$/);
    const linked = await t.http
      .patch(`/api/outcomes/${created.body.id}`)
      .set(as('esa'))
      .send({ version: 1, commitmentId: commitment, verified: false })
      .expect(200);
    expect(linked.body).toMatchObject({
      commitmentId: commitment,
      commitmentTitle: 'Peace clubs',
      verifiedById: null,
      verifiedAt: null,
      verifiedByName: null,
      version: 2,
    });
    const moved = await t.http.patch(`/api/outcomes/${created.body.id}`).set(as('esa')).send({ version: 2, cityId: masaka }).expect(400);
    expect(moved.body.details).toEqual([{ field: 'commitmentId', message: expect.any(String) }]);
    const stale = await t.http.patch(`/api/outcomes/${created.body.id}`).set(as('esa')).send({ version: 1, value: 41 }).expect(409);
    expect(stale.body.details.current).toMatchObject({ version: 2, commitmentId: commitment });
    const byCommitment = await t.http
      .get(`/api/outcomes?commitmentId=${commitment}&from=2025-01-15&to=2025-01-15`)
      .set(as('nansana'))
      .expect(200);
    expect(byCommitment.body).toMatchObject({ total: 1, items: [{ id: created.body.id }] });
    await t.http.delete(`/api/outcomes/${created.body.id}`).set(as('nansana')).expect(403);
    await t.http.delete(`/api/outcomes/${created.body.id}`).set(as('esa')).expect(204);
    await t.http.get(`/api/outcomes/${created.body.id}`).set(as('esa')).expect(404);
    const audit: { action: string }[] = await t.dataSource.query(
      `SELECT action FROM audit_log WHERE entity = 'outcome' AND entity_id = $1 ORDER BY at, id`,
      [created.body.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'archive']);
  });

  it('exports the filtered list as CSV', async () => {
    const expected = await count(`SELECT count(*)::int AS n FROM outcomes WHERE city_id = $1 AND archived_at IS NULL`, [masaka]);
    expect(expected).toBeGreaterThan(0);
    const res = await t.http.get(`/api/outcomes/export.csv?cityId=${masaka}`).set(as('esa')).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('id,date,type,value,unit,city,commitment,description,evidenceUrl,verifiedBy,verifiedAt,version');
    expect(lines).toHaveLength(expected + 1);
    expect(lines.slice(1).every((l) => l.includes(',Masaka,'))).toBe(true);
  });
});
