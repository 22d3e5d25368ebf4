import { createTestApp, type TestApp } from '../../test/test-app';
import { demoSignIn } from '../../test/demo-sign-in';

let t: TestApp;
let admin: string;
let hubId: string;
let cityId: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  admin = (await demoSignIn(t.http, 'admin@impact.test')).accessToken;
  hubId = (
    await t.dataSource.query(`SELECT id FROM hubs ORDER BY name LIMIT 1`)
  )[0].id;
  cityId = (
    await t.dataSource.query(
      `SELECT id FROM cities WHERE hub_id = $1 LIMIT 1`,
      [hubId],
    )
  )[0].id;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const auth = () => ({ Authorization: `Bearer ${admin}` });

describe('users administration', () => {
  it('creates a user who can then sign in, and never returns the hash', async () => {
    const res = await t.http
      .post('/api/users')
      .set(auth())
      .send({
        email: 'New.Liaison@impact.test',
        name: 'New Liaison',
        password: 'twelve-chars-at-least',
        role: 'city_liaison',
        hubIds: [],
        cityIds: [cityId],
        language: 'fr',
      })
      .expect(201);
    expect(res.body).toMatchObject({
      email: 'New.Liaison@impact.test',
      role: 'city_liaison',
      cityIds: [cityId],
      language: 'fr',
      active: true,
      version: 1,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/password|hash/i);
    const login = await t.http
      .post('/api/auth/login')
      .send({
        email: 'new.liaison@impact.test',
        password: 'twelve-chars-at-least',
      })
      .expect(200);
    expect(login.body.user.cityIds).toEqual([cityId]);

    const audit = await t.dataSource.query(
      `SELECT action, changes FROM audit_log WHERE entity = 'user' AND entity_id = $1`,
      [res.body.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toContain('create');
    expect(JSON.stringify(audit)).not.toMatch(/twelve-chars-at-least/);
  });

  it('refuses a second account with the same e-mail in another case (409), writing nothing', async () => {
    const before = (
      await t.dataSource.query(`SELECT count(*)::int AS n FROM users`)
    )[0].n;
    const res = await t.http
      .post('/api/users')
      .set(auth())
      .send({
        email: 'ADMIN@impact.test',
        name: 'Clash',
        password: 'twelve-chars-at-least',
        role: 'leadership',
        hubIds: [],
        cityIds: [],
      });
    expect(res.status).toBe(409);
    expect(
      (await t.dataSource.query(`SELECT count(*)::int AS n FROM users`))[0].n,
    ).toBe(before);
  });

  it('names every field at fault in a 400', async () => {
    const res = await t.http
      .post('/api/users')
      .set(auth())
      .send({
        email: 'nope',
        name: '',
        password: 'short',
        role: 'boss',
        hubIds: ['not-a-uuid'],
        cityIds: [],
        passwordHash: 'x',
      })
      .expect(400);
    const fields = (res.body.details as { field: string }[]).map(
      (d) => d.field,
    );
    expect(fields).toEqual(
      expect.arrayContaining([
        'email',
        'name',
        'password',
        'role',
        'hubIds',
        'passwordHash',
      ]),
    );
  });

  it('requires a hub for a hub manager and a city for a liaison', async () => {
    const res = await t.http
      .post('/api/users')
      .set(auth())
      .send({
        email: 'lonely@impact.test',
        name: 'Lonely',
        password: 'twelve-chars-at-least',
        role: 'hub_manager',
        hubIds: [],
        cityIds: [],
      })
      .expect(400);
    expect(res.body.details).toEqual([
      { field: 'hubIds', message: expect.any(String) },
    ]);
  });

  it('refuses a stale version with 409 and the current record, and writes nothing', async () => {
    const created = (
      await t.http
        .post('/api/users')
        .set(auth())
        .send({
          email: 'stale@impact.test',
          name: 'Stale',
          password: 'twelve-chars-at-least',
          role: 'hub_manager',
          hubIds: [hubId],
          cityIds: [],
        })
        .expect(201)
    ).body;
    await t.http
      .patch(`/api/users/${created.id}`)
      .set(auth())
      .send({ version: 1, name: 'First edit' })
      .expect(200);
    const stale = await t.http
      .patch(`/api/users/${created.id}`)
      .set(auth())
      .send({ version: 1, name: 'Second edit' })
      .expect(409);
    expect(stale.body.details.current).toMatchObject({
      id: created.id,
      name: 'First edit',
      version: 2,
    });
    const now = (
      await t.http.get(`/api/users/${created.id}`).set(auth()).expect(200)
    ).body;
    expect(now.name).toBe('First edit');
  });

  it('lists users with search and paging', async () => {
    const res = await t.http
      .get('/api/users?q=manager&pageSize=2&page=1')
      .set(auth())
      .expect(200);
    expect(res.body.pageSize).toBe(2);
    expect(res.body.items.length).toBeLessThanOrEqual(2);
    expect(res.body.total).toBeGreaterThanOrEqual(res.body.items.length);
    for (const u of res.body.items)
      expect(`${u.name} ${u.email}`.toLowerCase()).toContain('manager');
  });

  it('does not let an admin deactivate itself', async () => {
    const meRes = await t.http.get('/api/auth/me').set(auth()).expect(200);
    await t.http.delete(`/api/users/${meRes.body.id}`).set(auth()).expect(403);
  });
});

describe('people lookup', () => {
  it('gives any signed-in user active names and roles, never e-mails', async () => {
    const liaison = (await demoSignIn(t.http, 'nansana.liaison@impact.test')).accessToken;
    const res = await t.http.get('/api/users/lookup?q=otieno').set('Authorization', `Bearer ${liaison}`).expect(200);
    expect(res.body).toEqual([{ id: expect.any(String), name: 'Amani Otieno', role: 'hub_manager' }]);
  });
});
