import { createTestApp, type TestApp } from '../../test/test-app';
import { demoSignIn } from '../../test/demo-sign-in';
import { hashPassword } from '../auth/passwords';

let t: TestApp;
let admin: string;
let hubId: string;
let cityId: string;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  admin = (await demoSignIn(t.http, 'admin@impact.test')).accessToken;
  hubId = (await t.dataSource.query(`SELECT id FROM hubs ORDER BY name LIMIT 1`))[0].id;
  cityId = (await t.dataSource.query(`SELECT id FROM cities WHERE hub_id = $1 LIMIT 1`, [hubId]))[0].id;
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

    const audit = await t.dataSource.query(`SELECT action, changes FROM audit_log WHERE entity = 'user' AND entity_id = $1`, [res.body.id]);
    expect(audit.map((a: { action: string }) => a.action)).toContain('create');
    expect(JSON.stringify(audit)).not.toMatch(/twelve-chars-at-least/);
  });

  it('refuses a second account with the same e-mail in another case (409), writing nothing', async () => {
    const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM users`))[0].n;
    const res = await t.http.post('/api/users').set(auth()).send({
      email: 'ADMIN@impact.test',
      name: 'Clash',
      password: 'twelve-chars-at-least',
      role: 'leadership',
      hubIds: [],
      cityIds: [],
    });
    expect(res.status).toBe(409);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM users`))[0].n).toBe(before);
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
    const fields = (res.body.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'name', 'password', 'role', 'hubIds', 'passwordHash']));
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
    expect(res.body.details).toEqual([{ field: 'hubIds', message: expect.any(String) }]);
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
    await t.http.patch(`/api/users/${created.id}`).set(auth()).send({ version: 1, name: 'First edit' }).expect(200);
    const stale = await t.http.patch(`/api/users/${created.id}`).set(auth()).send({ version: 1, name: 'Second edit' }).expect(409);
    expect(stale.body.details.current).toMatchObject({
      id: created.id,
      name: 'First edit',
      version: 2,
    });
    const now = (await t.http.get(`/api/users/${created.id}`).set(auth()).expect(200)).body;
    expect(now.name).toBe('First edit');
  });

  it('lists users with search and paging', async () => {
    const res = await t.http.get('/api/users?q=manager&pageSize=2&page=1').set(auth()).expect(200);
    expect(res.body.pageSize).toBe(2);
    expect(res.body.items.length).toBeLessThanOrEqual(2);
    expect(res.body.total).toBeGreaterThanOrEqual(res.body.items.length);
    for (const u of res.body.items) expect(`${u.name} ${u.email}`.toLowerCase()).toContain('manager');
  });

  it('does not let an admin deactivate itself', async () => {
    const meRes = await t.http.get('/api/auth/me').set(auth()).expect(200);
    await t.http.delete(`/api/users/${meRes.body.id}`).set(auth()).expect(403);
  });
});

describe('people lookup', () => {
  const lookup = async (email: string, q: string): Promise<{ id: string; name: string; role: string }[]> => {
    const token = (await demoSignIn(t.http, email)).accessToken;
    const res = await t.http.get('/api/users/lookup').query({ q }).set('Authorization', `Bearer ${token}`).expect(200);
    return res.body;
  };
  const names = async (email: string, q: string) => (await lookup(email, q)).map((p) => p.name).sort();

  it('gives any signed-in user active names, roles and where they work, never e-mails', async () => {
    const [esa] = await t.dataSource.query(
      `SELECT uh.hub_id AS id FROM user_hubs uh JOIN users u ON u.id = uh.user_id WHERE u.email = 'esa.manager@impact.test'`,
    );
    expect(await lookup('nansana.liaison@impact.test', 'otieno')).toEqual([
      { id: expect.any(String), name: 'Amani Otieno', role: 'hub_manager', cityNames: [], hubIds: [esa.id] },
    ]);
  });

  it("names a liaison's cities, but to a liaison only the cities it reads itself", async () => {
    const [grace] = await t.dataSource.query(`SELECT id FROM users WHERE email = 'nansana.liaison@impact.test'`);
    const [cape] = await t.dataSource.query(`SELECT id FROM cities WHERE name = 'Cape Town'`);
    // Grace also liaises for Cape Town for a moment: Thandi (Cape Town only) is not told about Nansana.
    await t.dataSource.query(`INSERT INTO city_liaisons (city_id, user_id) VALUES ($1, $2)`, [cape.id, grace.id]);
    try {
      const seen = async (email: string) =>
        (await lookup(email, 'Grace')).map((p) => ({ role: p.role, cityNames: (p as { cityNames?: string[] }).cityNames }));
      expect(await seen('admin@impact.test')).toEqual([{ role: 'city_liaison', cityNames: ['Cape Town', 'Nansana'] }]);
      expect(await seen('capetown.liaison@impact.test')).toEqual([{ role: 'city_liaison', cityNames: ['Cape Town'] }]);
    } finally {
      await t.dataSource.query(`DELETE FROM city_liaisons WHERE city_id = $1 AND user_id = $2`, [cape.id, grace.id]);
    }
  });

  it('shows a liaison the people of its cities and their hub managers, nobody else', async () => {
    const liaison = 'nansana.liaison@impact.test';
    expect(await names(liaison, 'Grace')).toEqual(['Grace Nakato']); // itself
    expect(await names(liaison, 'Amani')).toEqual(['Amani Otieno']); // the manager of Nansana's hub
    // Another hub's manager, another city's liaison, leadership and the admin are not its colleagues.
    for (const other of ['Yasmine', 'Thandi', 'Marko', 'Lena', 'Ada']) expect(await names(liaison, other)).toEqual([]);
    // Whoever owns a commitment of its city works with it.
    const [c] = await t.dataSource.query(
      `SELECT cm.id, cm.owner_id FROM commitments cm JOIN cities ci ON ci.id = cm.city_id WHERE ci.name = 'Nansana' AND cm.archived_at IS NULL LIMIT 1`,
    );
    const [yasmine] = await t.dataSource.query(`SELECT id FROM users WHERE email = 'mena.manager@impact.test'`);
    await t.dataSource.query(`UPDATE commitments SET owner_id = $2 WHERE id = $1`, [c.id, yasmine.id]);
    try {
      expect(await names(liaison, 'Yasmine')).toEqual(['Yasmine Benali']);
    } finally {
      await t.dataSource.query(`UPDATE commitments SET owner_id = $2 WHERE id = $1`, [c.id, c.owner_id]);
    }
    expect(await names(liaison, 'Yasmine')).toEqual([]);
  });

  it('shows a hub manager the people of its hubs and leadership, not other hubs or admins', async () => {
    const manager = 'esa.manager@impact.test';
    expect(await names(manager, 'Grace')).toEqual(['Grace Nakato']); // liaison of Nansana (ESA)
    expect(await names(manager, 'Thandi')).toEqual(['Thandi Mokoena']); // liaison of Cape Town (ESA)
    expect(await names(manager, 'Lena')).toEqual(['Lena Leadership']);
    for (const other of ['Yasmine', 'Marko', 'Julien', 'Ada']) expect(await names(manager, other)).toEqual([]);
  });

  it('shows leadership and admins everyone', async () => {
    for (const who of ['leadership@impact.test', 'admin@impact.test']) {
      expect(await names(who, 'Yasmine')).toEqual(['Yasmine Benali']);
      expect(await names(who, 'Marko')).toEqual(['Marko Vukovic']);
    }
  });

  it('matches e-mail fragments for admins only', async () => {
    for (const who of ['nansana.liaison@impact.test', 'esa.manager@impact.test', 'leadership@impact.test']) {
      expect(await names(who, 'esa.manager')).toEqual([]);
      expect(await names(who, 'impact.test')).toEqual([]);
      expect(await names(who, 'nansana.liaison')).toEqual([]);
    }
    expect(await names('admin@impact.test', 'esa.manager')).toEqual(['Amani Otieno']);
    expect((await lookup('admin@impact.test', 'impact.test')).length).toBeGreaterThan(10);
  });

  it('never lists deactivated people', async () => {
    const [thandi] = await t.dataSource.query(`SELECT id FROM users WHERE email = 'capetown.liaison@impact.test'`);
    await t.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [thandi.id]);
    try {
      expect(await names('admin@impact.test', 'Thandi')).toEqual([]);
      expect(await names('esa.manager@impact.test', 'Thandi')).toEqual([]);
    } finally {
      await t.dataSource.query(`UPDATE users SET active = true WHERE id = $1`, [thandi.id]);
    }
  });
});

describe('the last active admin', () => {
  const PASSWORD = 'race-admin-password-2026';
  let hash: string;
  let seq = 0;
  let parked: string[] = [];

  beforeAll(async () => {
    hash = await hashPassword(PASSWORD);
    // The demo admin steps aside so that each pair below is the whole admin set; it comes back after.
    parked = (await t.dataSource.query(`UPDATE users SET active = false WHERE role = 'admin' AND active RETURNING id`)).map(
      (r: { id: string }) => r.id,
    );
  });
  afterAll(async () => {
    await t.dataSource.query(`UPDATE users SET active = true WHERE id = ANY($1::uuid[])`, [parked]);
  });

  interface Admin {
    id: string;
    token: string;
  }

  /** Two fresh admins, signed in, who are then the only active admins. */
  async function freshPair(): Promise<[Admin, Admin]> {
    const made: Admin[] = [];
    for (let i = 0; i < 2; i++) {
      const email = `race-${++seq}@impact.test`;
      const [{ id }] = await t.dataSource.query(
        `INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, 'admin', $3) RETURNING id`,
        [email, `Race Admin ${seq}`, hash],
      );
      const login = await t.http.post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
      made.push({ id, token: login.body.accessToken });
    }
    await t.dataSource.query(`UPDATE users SET active = false WHERE role = 'admin' AND active AND id <> ALL($1::uuid[])`, [
      made.map((a) => a.id),
    ]);
    return [made[0], made[1]];
  }

  type Removal = 'demote' | 'deactivate' | 'delete';
  const remove = (by: Admin, target: Admin, how: Removal) => {
    const auth = { Authorization: `Bearer ${by.token}` };
    if (how === 'delete') return t.http.delete(`/api/users/${target.id}`).set(auth);
    // version 1: a fresh account; a stale version would be a 409 of its own, which this test must not mistake.
    return t.http
      .patch(`/api/users/${target.id}`)
      .set(auth)
      .send(how === 'demote' ? { version: 1, role: 'leadership' } : { version: 1, active: false });
  };
  const activeAdmins = async (): Promise<number> =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active`))[0].n;

  it('survives two admins removing each other at the same moment, 20 times over', async () => {
    const ways: [Removal, Removal][] = [
      ['demote', 'demote'],
      ['deactivate', 'deactivate'],
      ['delete', 'delete'],
      ['demote', 'delete'],
      ['deactivate', 'demote'],
    ];
    const refusals: Record<number, number> = {};
    for (let run = 0; run < 20; run++) {
      const [a, b] = await freshPair();
      const [howA, howB] = ways[run % ways.length];
      const answers = await Promise.all([remove(a, b, howA), remove(b, a, howB)]);
      expect(await activeAdmins()).toBe(1);
      const succeeded = answers.filter((r) => r.status === 200 || r.status === 204);
      const refused = answers.filter((r) => r.status >= 400);
      expect(succeeded).toHaveLength(1);
      expect(refused).toHaveLength(1);
      const [no] = refused;
      refusals[no.status] = (refusals[no.status] ?? 0) + 1;
      // 409 when both were under way together; 401 when the loser's own removal had already ended its session.
      expect([409, 401]).toContain(no.status);
      if (no.status === 409) expect(no.body.message).toMatch(/last active admin/);
    }
    expect(Object.values(refusals).reduce((x, y) => x + y, 0)).toBe(20);
  }, 240_000);

  it('makes the second of two simultaneous removals wait for the first, then refuses it with 409', async () => {
    const [a, b] = await freshPair();
    // Hold the admin set: both requests must get past sign-in and block inside their transactions.
    const blocker = t.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query(`SELECT id FROM users WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`);
    let answers: Promise<{ status: number; body: { message?: string } }[]>;
    try {
      answers = Promise.all([remove(a, b, 'demote'), remove(b, a, 'delete')]);
      let waiting = 0;
      for (let i = 0; i < 200 && waiting < 2; i++) {
        await new Promise((r) => setTimeout(r, 50));
        // Waiting in the admin-set lock itself (a SELECT … FOR UPDATE of users), not in a later UPDATE.
        [{ n: waiting }] = await t.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'SELECT%"users"%FOR UPDATE%'`,
        );
      }
      expect(waiting).toBe(2);
    } finally {
      await blocker.commitTransaction();
      await blocker.release();
    }
    const [byA, byB] = await answers;
    // Either may get the lock first: the demotion answers 200, the deletion 204; the other is refused.
    const refused = byA.status === 409 ? byA : byB;
    const accepted = refused === byA ? byB : byA;
    expect(refused.status).toBe(409);
    expect([200, 204]).toContain(accepted.status);
    expect(refused.body.message).toMatch(/last active admin/);
    expect(await activeAdmins()).toBe(1);
  });
});
