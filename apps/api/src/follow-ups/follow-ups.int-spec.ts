import { demoSpec } from '../../test/demo-spec';
const t = demoSpec('admin', 'esa', 'balkans', 'nansana', 'danilovgrad');
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

  it('lists every status with open ones first by due date, done and cancelled last', async () => {
    const early = await t.http
      .post('/api/follow-ups')
      .set(as('esa'))
      .send({ commitmentId: commitment, title: 'Done long ago', kind: 'check_in', dueDate: '2000-01-01' })
      .expect(201);
    await t.http.patch(`/api/follow-ups/${early.body.id}`).set(as('esa')).send({ version: 1, status: 'done' }).expect(200);
    const res = await t.http.get(`/api/follow-ups?cityId=${nansana}&pageSize=200`).set(as('esa')).expect(200);
    const items: { id: string; status: string; dueDate: string | null }[] = res.body.items;
    const firstClosed = items.findIndex((f) => f.status !== 'open');
    expect(firstClosed).toBeGreaterThan(0);
    expect(items.slice(firstClosed).every((f) => f.status !== 'open')).toBe(true);
    expect(items.slice(firstClosed).map((f) => f.id)).toContain(early.body.id);
    const due = items.slice(0, firstClosed).map((f) => f.dueDate ?? '9999');
    expect(due).toEqual([...due].sort());
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

  it('sits in its parent’s hub, and moves when its parent, or its parent’s city, moves to another hub', async () => {
    const [esa, balkans] = [t.hub('esa'), t.hub('balkans')];
    const post = async (path: string, body: object) => (await t.http.post(path).set(as('admin')).send(body).expect(201)).body;
    const city = await post('/api/cities', { name: 'Hubmove', countryCode: 'UG', hubId: esa, kind: 'city', membershipStatus: 'member' });
    const pledge = await post('/api/commitments', { title: 'Hubmove council', kind: 'local_safety_council', cityId: city.id });
    const forum = await post('/api/engagements', {
      title: 'Hubmove forum',
      type: 'roundtable',
      hubId: esa,
      startDate: '2024-03-01',
      online: true,
    });
    const onPledge = await post('/api/follow-ups', {
      commitmentId: pledge.id,
      title: 'Hubmove minutes',
      kind: 'other',
      dueDate: '2020-02-01',
    });
    const onForum = await post('/api/follow-ups', { engagementId: forum.id, title: 'Hubmove notes', kind: 'other', dueDate: '2020-02-02' });
    const overdueOf = async (hub: string) =>
      (await t.http.get(`/api/follow-ups?hubId=${hub}&overdue=true&q=Hubmove&pageSize=200`).set(as('admin')).expect(200)).body as {
        total: number;
        items: { id: string; hubId: string }[];
      };
    expect((await overdueOf(esa)).items.map((f) => [f.id, f.hubId])).toEqual([
      [onPledge.id, esa],
      [onForum.id, esa],
    ]);

    // The engagement moves: its follow-up goes with it; the commitment's stays.
    await t.http.patch(`/api/engagements/${forum.id}`).set(as('admin')).send({ version: forum.version, hubId: balkans }).expect(200);
    expect((await overdueOf(esa)).items.map((f) => f.id)).toEqual([onPledge.id]);
    expect(await overdueOf(balkans)).toMatchObject({ total: 1, items: [{ id: onForum.id, hubId: balkans }] });
    expect((await t.http.get(`/api/follow-ups/${onForum.id}`).set(as('balkans')).expect(200)).body).toMatchObject({ hubId: balkans });
    // Its writers are now the new hub's.
    await t.http.patch(`/api/follow-ups/${onForum.id}`).set(as('esa')).send({ version: onForum.version, note: 'x' }).expect(403);

    // The commitment's city moves hub: its commitments, and their follow-ups, go with it.
    await t.http.patch(`/api/cities/${city.id}`).set(as('admin')).send({ version: city.version, hubId: balkans }).expect(200);
    expect(await overdueOf(esa)).toMatchObject({ total: 0, items: [] });
    expect((await overdueOf(balkans)).items.map((f) => [f.id, f.hubId])).toEqual([
      [onPledge.id, balkans],
      [onForum.id, balkans],
    ]);

    // A follow-up moved from the engagement to a commitment takes the commitment's hub.
    const esaPledge = await post('/api/commitments', { title: 'Hubmove desk', kind: 'local_safety_council', cityId: nansana });
    const moved = await t.http
      .patch(`/api/follow-ups/${onForum.id}`)
      .set(as('admin'))
      .send({ version: onForum.version, engagementId: null, commitmentId: esaPledge.id })
      .expect(200);
    expect(moved.body).toMatchObject({ hubId: esa, cityId: nansana });
    expect((await overdueOf(esa)).items.map((f) => f.id)).toEqual([onForum.id]);
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
