import { demoSpec } from '../../test/demo-spec';
const t = demoSpec('esa', 'balkans', 'nansana', 'danilovgrad');
const { as } = t;
let nansana: string, danilovgrad: string, commitment: string;
beforeAll(async () => {
  [nansana, danilovgrad] = [t.city('Nansana'), t.city('Danilovgrad')];
  commitment = (
    await t.http.post('/api/commitments').set(as('esa')).send({ title: 'Youth desk', kind: 'youth_council', cityId: nansana }).expect(201)
  ).body.id;
});

describe('follow-ups', () => {
  it('lets a liaison add one to its city’s commitment; overdue and completedAt follow the facts', async () => {
    const res = await t.http
      .post('/api/follow-ups')
      .set(as('nansana'))
      .send({ commitmentId: commitment, title: 'Check in with the youth desk', kind: 'check_in', dueDate: '2020-01-10' })
      .expect(201);
    expect(res.body).toMatchObject({
      status: 'open',
      overdue: true,
      cityId: nansana,
      cityName: 'Nansana',
      commitmentTitle: 'Youth desk',
      completedAt: null,
    });
    const overdue = await t.http.get(`/api/follow-ups?overdue=true&cityId=${nansana}&pageSize=200`).set(as('esa')).expect(200);
    expect(overdue.body.items.map((f: { id: string }) => f.id)).toContain(res.body.id);
    const done = await t.http.patch(`/api/follow-ups/${res.body.id}`).set(as('nansana')).send({ version: 1, status: 'done' }).expect(200);
    expect(done.body).toMatchObject({ status: 'done', overdue: false, version: 2 });
    expect(done.body.completedAt).toMatch(/Z$/);
    const reopened = await t.http.patch(`/api/follow-ups/${res.body.id}`).set(as('esa')).send({ version: 2, status: 'open' }).expect(200);
    expect(reopened.body.completedAt).toBeNull();
    await t.http.patch(`/api/follow-ups/${res.body.id}`).set(as('esa')).send({ version: 2, note: 'stale' }).expect(409);
    await t.http.patch(`/api/follow-ups/${res.body.id}`).set(as('balkans')).send({ version: 3, note: 'x' }).expect(403);
    await t.http.get(`/api/follow-ups/${res.body.id}`).set(as('danilovgrad')).expect(404);
  });

  it('needs a parent it can read; names the fields otherwise and writes nothing', async () => {
    const none = await t.http.post('/api/follow-ups').set(as('esa')).send({ title: 'Orphan', kind: 'other' }).expect(400);
    expect(none.body.details.map((d: { field: string }) => d.field)).toEqual(['commitmentId', 'engagementId']);
    const hidden = await t.http
      .post('/api/follow-ups')
      .set(as('danilovgrad'))
      .send({ commitmentId: commitment, title: 'x', kind: 'other' })
      .expect(400);
    expect(hidden.body.details).toEqual([{ field: 'commitmentId', message: expect.any(String) }]);
    const bad = await t.http
      .post('/api/follow-ups')
      .set(as('esa'))
      .send({ commitmentId: commitment, title: '', kind: 'nap', dueDate: '2024-04-31', status: 'late' })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['title', 'kind', 'dueDate', 'status']));
  });
});

describe('outcomes', () => {
  it('records an outcome with evidence for the liaison’s city; verifying is the hub’s', async () => {
    const res = await t.http
      .post('/api/outcomes')
      .set(as('nansana'))
      .send({
        cityId: nansana,
        commitmentId: commitment,
        date: '2024-05-01',
        type: 'people_trained',
        value: 150,
        unit: 'people',
        evidenceUrl: 'https://example.org/x',
      })
      .expect(201);
    expect(res.body).toMatchObject({ cityName: 'Nansana', commitmentTitle: 'Youth desk', verifiedById: null });
    await t.http.patch(`/api/outcomes/${res.body.id}`).set(as('nansana')).send({ version: 1, verified: true }).expect(403);
    const verified = await t.http.patch(`/api/outcomes/${res.body.id}`).set(as('esa')).send({ version: 1, verified: true }).expect(200);
    expect(verified.body).toMatchObject({ verifiedByName: 'Amani Otieno', version: 2 });
    expect(verified.body.verifiedAt).toMatch(/Z$/);
    const list = await t.http
      .get(`/api/outcomes?commitmentId=${commitment}&type=people_trained&from=2024-01-01&to=2024-12-31`)
      .set(as('nansana'))
      .expect(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: res.body.id }] });
  });

  it('refuses an outcome whose commitment is another city’s, a bad URL, or a city out of reach', async () => {
    const wrong = await t.http
      .post('/api/outcomes')
      .set(as('esa'))
      .send({ cityId: danilovgrad, commitmentId: commitment, date: '2024-05-01', type: 'other' })
      .expect(400);
    expect(wrong.body.details).toEqual([{ field: 'commitmentId', message: expect.any(String) }]);
    const url = await t.http
      .post('/api/outcomes')
      .set(as('esa'))
      .send({ cityId: nansana, date: '2024-05-01', type: 'other', evidenceUrl: 'ftp://x.org/a' })
      .expect(400);
    expect(url.body.details.map((d: { field: string }) => d.field)).toEqual(['evidenceUrl']);
    await t.http.post('/api/outcomes').set(as('danilovgrad')).send({ cityId: nansana, date: '2024-05-01', type: 'other' }).expect(400);
    await t.http.post('/api/outcomes').set(as('balkans')).send({ cityId: nansana, date: '2024-05-01', type: 'other' }).expect(403);
  });
});
