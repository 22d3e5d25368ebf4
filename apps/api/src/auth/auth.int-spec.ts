import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { createHmac } from 'node:crypto';
import { createTestApp, type TestApp } from '../../test/test-app';
import { demoSignIn } from '../../test/demo-sign-in';
import { AuthService } from './auth.service';
import { COMMON_PASSWORD_MESSAGE } from './common-passwords';
import { ARGON2_PARAMS } from './passwords';

let t: TestApp;
let secret: string;

const BOOTSTRAP = { email: 'owner@example.org', password: 'bootstrap-passphrase-for-tests-2026' };

beforeAll(async () => {
  t = await createTestApp({ demo: true, env: { ADMIN_EMAIL: BOOTSTRAP.email, ADMIN_PASSWORD: BOOTSTRAP.password } });
  secret = t.config.jwt.secret;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** Signs a token by hand, so the test can forge exactly the flaw it is about. */
function forge(header: object, payload: object, key = secret): string {
  const unsigned = `${b64(header)}.${b64(payload)}`;
  return `${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`;
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
}

const me = (token: string) => t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`);

describe('sign-in', () => {
  it('returns a 15-minute access token, a refresh token and the user, never a hash', async () => {
    const s = await demoSignIn(t.http, 'leadership@impact.test');
    expect(s.expiresIn).toBe(900);
    const c = claimsOf(s.accessToken);
    expect(Number(c['exp']) - Number(c['iat'])).toBe(900);
    expect(c['iss']).toBe(t.config.jwt.issuer);
    expect(c['aud']).toBe(t.config.jwt.audience);
    expect(s.user).toMatchObject({
      email: 'leadership@impact.test',
      role: 'leadership',
    });
    expect(JSON.stringify(s)).not.toMatch(/hash|argon/i);
    const res = await me(s.accessToken).expect(200);
    expect(res.body).toMatchObject({
      email: 'leadership@impact.test',
      role: 'leadership',
      hubIds: [],
      cityIds: [],
    });
  });

  it('answers an unknown e-mail and a wrong password with the same 401', async () => {
    const unknown = await t.http.post('/api/auth/login').send({ email: 'nobody@impact.test', password: 'whatever-password' });
    const wrong = await t.http.post('/api/auth/login').send({ email: 'admin@impact.test', password: 'whatever-password' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const strip = (b: Record<string, unknown>) => ({
      ...b,
      requestId: undefined,
    });
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
  });

  it('treats the e-mail case-insensitively', async () => {
    const s = await demoSignIn(t.http, 'admin@impact.test');
    expect(s.user.role).toBe('admin');
    const demo = await t.http.post('/api/auth/login').send({ email: 'ADMIN@Impact.Test', password: 'x' });
    expect(demo.status).toBe(401); // wrong password, but the account is found: same body as above
  });

  it('names the fields of a malformed sign-in', async () => {
    const res = await t.http.post('/api/auth/login').send({ email: 'not-an-email', extra: 1 }).expect(400);
    const fields = (res.body.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password', 'extra']));
  });
});

describe('access tokens', () => {
  let good: string;
  beforeAll(async () => {
    good = (await demoSignIn(t.http, 'leadership@impact.test')).accessToken;
  });

  it('refuses a token whose payload was tampered with', async () => {
    const [h, , s] = good.split('.');
    const payload = { ...claimsOf(good), role: 'admin' };
    await me(`${h}.${b64(payload)}.${s}`).expect(401);
  });

  it('refuses alg none', async () => {
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claimsOf(good))}.`;
    await me(unsigned).expect(401);
  });

  it('refuses an expired token', async () => {
    const c = claimsOf(good);
    const now = Math.floor(Date.now() / 1000);
    await me(forge({ alg: 'HS256', typ: 'JWT' }, { ...c, iat: now - 1000, exp: now - 10 })).expect(401);
  });

  it('refuses a wrong audience and a wrong issuer', async () => {
    const c = claimsOf(good);
    await me(forge({ alg: 'HS256', typ: 'JWT' }, { ...c, aud: 'someone-else' })).expect(401);
    await me(forge({ alg: 'HS256', typ: 'JWT' }, { ...c, iss: 'someone-else' })).expect(401);
    // The same claims, correctly signed, pass: the forge itself is sound.
    await me(forge({ alg: 'HS256', typ: 'JWT' }, c)).expect(200);
  });

  it('refuses a token signed with another key or algorithm', async () => {
    await me(forge({ alg: 'HS256', typ: 'JWT' }, claimsOf(good), 'another-secret-of-sufficient-length-123')).expect(401);
    await me(forge({ alg: 'HS512', typ: 'JWT' }, claimsOf(good))).expect(401);
  });

  it('refuses a refresh token used as an access token', async () => {
    const s = await demoSignIn(t.http, 'leadership@impact.test');
    await me(s.refreshToken).expect(401);
  });

  it('refuses a token without exp, correctly signed', async () => {
    const c = claimsOf(good);
    delete c['exp'];
    await me(forge({ alg: 'HS256', typ: 'JWT' }, c)).expect(401);
    // The same claims with their exp pass: it is the missing exp that is refused.
    await me(forge({ alg: 'HS256', typ: 'JWT' }, claimsOf(good))).expect(200);
  });

  it('refuses a token without a session id, or with a session that is not the user’s', async () => {
    const c = claimsOf(good);
    delete c['sid'];
    await me(forge({ alg: 'HS256', typ: 'JWT' }, c)).expect(401);
    const other = await demoSignIn(t.http, 'esa.manager@impact.test');
    await me(forge({ alg: 'HS256', typ: 'JWT' }, { ...claimsOf(good), sid: claimsOf(other.accessToken)['sid'] })).expect(401);
  });

  it('refuses a token without typ access', async () => {
    const c = claimsOf(good);
    await me(forge({ alg: 'HS256', typ: 'JWT' }, { ...c, typ: 'refresh' })).expect(401);
  });
});

describe('refresh tokens', () => {
  it('rotates: a refresh token is spent on use, and re-use revokes the whole family', async () => {
    const first = await demoSignIn(t.http, 'capetown.liaison@impact.test');
    const second = (await t.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await me(second.accessToken).expect(200);

    // The spent token comes back (a thief's copy): 401, and the family dies with it.
    await t.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);

    const [row] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE revoked_at IS NULL)::int AS live FROM refresh_tokens WHERE id = $1`,
      [second.refreshToken.split('.')[0]],
    );
    expect(row.live).toBe(0);
  });

  it('refuses an access token presented as a refresh token', async () => {
    const s = await demoSignIn(t.http, 'capetown.liaison@impact.test');
    await t.http.post('/api/auth/refresh').send({ refreshToken: s.accessToken }).expect(401);
  });

  it('stores only a hash of the refresh token', async () => {
    const s = await demoSignIn(t.http, 'capetown.liaison@impact.test');
    const [id, secretPart] = s.refreshToken.split('.');
    const [row] = await t.dataSource.query('SELECT token_hash FROM refresh_tokens WHERE id = $1', [id]);
    expect(row.token_hash).not.toContain(secretPart);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('logout revokes the refresh token', async () => {
    const s = await demoSignIn(t.http, 'capetown.liaison@impact.test');
    await t.http
      .post('/api/auth/logout')
      .set('Authorization', `Bearer ${s.accessToken}`)
      .send({ refreshToken: s.refreshToken })
      .expect(204);
    await t.http.post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
  });
});

describe('sessions', () => {
  const logout = (accessToken: string, refreshToken?: string) =>
    t.http
      .post('/api/auth/logout')
      .set('Authorization', `Bearer ${accessToken}`)
      .send(refreshToken ? { refreshToken } : {});

  it('logout ends the access token too, and only that session of the user', async () => {
    const laptop = await demoSignIn(t.http, 'balkans.manager@impact.test');
    const phone = await demoSignIn(t.http, 'balkans.manager@impact.test');
    expect(claimsOf(laptop.accessToken)['sid']).not.toEqual(claimsOf(phone.accessToken)['sid']);
    await me(laptop.accessToken).expect(200);

    await logout(laptop.accessToken, laptop.refreshToken).expect(204);
    await me(laptop.accessToken).expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: laptop.refreshToken }).expect(401);

    await me(phone.accessToken).expect(200);
    const renewed = (await t.http.post('/api/auth/refresh').send({ refreshToken: phone.refreshToken }).expect(200)).body;
    await me(renewed.accessToken).expect(200);
  });

  it('a refreshed token keeps its session: logging out with the new refresh token ends the older access token', async () => {
    const s = await demoSignIn(t.http, 'danilovgrad.liaison@impact.test');
    const renewed = (await t.http.post('/api/auth/refresh').send({ refreshToken: s.refreshToken }).expect(200)).body;
    expect(claimsOf(renewed.accessToken)['sid']).toBe(claimsOf(s.accessToken)['sid']);
    await me(s.accessToken).expect(200);
    await logout(renewed.accessToken, renewed.refreshToken).expect(204);
    await me(s.accessToken).expect(401);
    await me(renewed.accessToken).expect(401);
  });

  it('logout with another session’s refresh token still ends the calling session', async () => {
    const a = await demoSignIn(t.http, 'nansana.liaison@impact.test');
    const b = await demoSignIn(t.http, 'nansana.liaison@impact.test');
    const c = await demoSignIn(t.http, 'nansana.liaison@impact.test');
    await logout(a.accessToken, b.refreshToken).expect(204);
    await me(a.accessToken).expect(401);
    await me(b.accessToken).expect(401);
    await me(c.accessToken).expect(200);
  });

  it('logout without a refresh token ends the calling session, and only that one', async () => {
    const a = await demoSignIn(t.http, 'rajshahi.liaison@impact.test');
    const b = await demoSignIn(t.http, 'rajshahi.liaison@impact.test');
    await logout(a.accessToken).expect(204);
    await me(a.accessToken).expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: a.refreshToken }).expect(401);
    await me(b.accessToken).expect(200);
  });

  it('logout cannot end another user’s session with that user’s refresh token', async () => {
    const mine = await demoSignIn(t.http, 'rajshahi.liaison@impact.test');
    const theirs = await demoSignIn(t.http, 'leadership@impact.test');
    await logout(mine.accessToken, theirs.refreshToken).expect(204);
    await me(mine.accessToken).expect(401);
    await me(theirs.accessToken).expect(200);
  });
});

describe('password hashes', () => {
  const PREFIX = `$argon2id$v=19$m=${ARGON2_PARAMS.memoryCost},t=${ARGON2_PARAMS.timeCost},p=${ARGON2_PARAMS.parallelism}$`;
  const params = (h: string) => h.split('$').slice(0, 4).join('$') + '$';

  it('demo users, the ADMIN_EMAIL bootstrap, a created user and the dummy hash all use the same argon2id parameters', async () => {
    const admin = await demoSignIn(t.http, 'admin@impact.test');
    await t.http
      .post('/api/users')
      .set('Authorization', `Bearer ${admin.accessToken}`)
      .send({
        email: 'new.colleague@example.org',
        name: 'New Colleague',
        password: 'a-fresh-long-passphrase-2026',
        role: 'leadership',
        hubIds: [],
        cityIds: [],
      })
      .expect(201);
    const rows: { email: string; password_hash: string }[] = await t.dataSource.query(
      `SELECT email, password_hash FROM users WHERE email LIKE '%@impact.test' OR email IN ($1, 'new.colleague@example.org')`,
      [BOOTSTRAP.email],
    );
    expect(rows.map((r) => r.email)).toEqual(expect.arrayContaining(['admin@impact.test', BOOTSTRAP.email, 'new.colleague@example.org']));
    expect(rows.length).toBeGreaterThan(10);
    const dummy = (t.app.get(AuthService) as unknown as { dummyHash: string }).dummyHash;
    expect(new Set([...rows.map((r) => params(r.password_hash)), params(dummy)])).toEqual(new Set([PREFIX]));
    // The bootstrap account signs in with its password.
    await t.http.post('/api/auth/login').send(BOOTSTRAP).expect(200);
  });

  it('rehashes on sign-in a hash made with other parameters, in the sign-in transaction', async () => {
    const email = 'strasbourg.liaison@impact.test';
    const password = 'liaison-demo-2026';
    const old = await argon2Hash(password, { algorithm: 2, memoryCost: 65536, timeCost: 3, parallelism: 1 });
    expect(params(old)).not.toBe(PREFIX);
    await t.dataSource.query('UPDATE users SET password_hash = $2 WHERE email = $1', [email, old]);

    const s = await demoSignIn(t.http, email);
    const [row] = await t.dataSource.query('SELECT password_hash, version FROM users WHERE email = $1', [email]);
    expect(params(row.password_hash)).toBe(PREFIX);
    expect(await argon2Verify(row.password_hash, password)).toBe(true);
    const [audit] = await t.dataSource.query(
      `SELECT note FROM audit_log WHERE entity = 'user' AND entity_id = $1 AND action = 'sign_in' ORDER BY at DESC, id DESC LIMIT 1`,
      [s.user.id],
    );
    expect(audit.note).toMatch(/hash renewed/i);
    // Signs in again with the new hash, and a wrong password is still wrong.
    await demoSignIn(t.http, email);
    await t.http.post('/api/auth/login').send({ email, password: 'not-the-password' }).expect(401);
  });
});

describe('common passwords', () => {
  let admin: string;
  beforeAll(async () => {
    admin = (await demoSignIn(t.http, 'admin@impact.test')).accessToken;
  });

  it('refuses a common password on create, naming the field, case-insensitively, and writes nothing', async () => {
    const res = await t.http
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ email: 'weak.password@example.org', name: 'Weak', password: 'QWERTY123456', role: 'leadership', hubIds: [], cityIds: [] })
      .expect(400);
    expect(res.body.details).toEqual([{ field: 'password', message: COMMON_PASSWORD_MESSAGE }]);
    expect(COMMON_PASSWORD_MESSAGE).toMatch(/password is too common; choose a longer passphrase/);
    const rows = await t.dataSource.query(`SELECT 1 FROM users WHERE email = 'weak.password@example.org'`);
    expect(rows).toHaveLength(0);
  });

  it('refuses a common password on update, and accepts an uncommon one', async () => {
    const user = (await t.http.get('/api/users').query({ q: 'esa.manager' }).set('Authorization', `Bearer ${admin}`).expect(200)).body
      .items[0];
    const res = await t.http
      .patch(`/api/users/${user.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ version: user.version, password: 'password1234' })
      .expect(400);
    expect(res.body.details).toEqual([{ field: 'password', message: COMMON_PASSWORD_MESSAGE }]);
    await t.http
      .patch(`/api/users/${user.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ version: user.version, password: 'an-uncommon-passphrase-2026' })
      .expect(200);
    await t.http.post('/api/auth/login').send({ email: 'esa.manager@impact.test', password: 'an-uncommon-passphrase-2026' }).expect(200);
  });
});

describe('changes to a user take effect at once', () => {
  it('a deactivated user is refused with the token it already holds', async () => {
    const admin = await demoSignIn(t.http, 'admin@impact.test');
    const victim = await demoSignIn(t.http, 'mena.manager@impact.test');
    await me(victim.accessToken).expect(200);
    await t.http.delete(`/api/users/${victim.user.id}`).set('Authorization', `Bearer ${admin.accessToken}`).expect(204);
    await me(victim.accessToken).expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: victim.refreshToken }).expect(401);
    const again = await t.http.post('/api/auth/login').send({ email: 'mena.manager@impact.test', password: 'x'.repeat(12) });
    expect(again.status).toBe(401);
  });

  it('a change of role ends the tokens issued under the old role', async () => {
    const admin = await demoSignIn(t.http, 'admin@impact.test');
    const user = await demoSignIn(t.http, 'southasia.manager@impact.test');
    const current = (await t.http.get(`/api/users/${user.user.id}`).set('Authorization', `Bearer ${admin.accessToken}`).expect(200)).body;
    await t.http
      .patch(`/api/users/${user.user.id}`)
      .set('Authorization', `Bearer ${admin.accessToken}`)
      .send({ version: current.version, role: 'leadership', hubIds: [] })
      .expect(200);
    await me(user.accessToken).expect(401);
  });
});

describe('own preferences', () => {
  it('lets a user change its preferred language, audited, and refuses an unknown one', async () => {
    const s = await demoSignIn(t.http, 'trincomalee.liaison@impact.test');
    const res = await t.http.patch('/api/auth/me').set('Authorization', `Bearer ${s.accessToken}`).send({ language: 'ar' }).expect(200);
    expect(res.body.language).toBe('ar');
    expect((await me(s.accessToken).expect(200)).body.language).toBe('ar');
    const bad = await t.http
      .patch('/api/auth/me')
      .set('Authorization', `Bearer ${s.accessToken}`)
      .send({ language: 'de', role: 'admin' })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['language', 'role']);
    const audit = await t.dataSource.query(`SELECT changes FROM audit_log WHERE entity = 'user' AND entity_id = $1 AND action = 'update'`, [
      s.user.id,
    ]);
    expect(audit[0].changes).toEqual({ language: { old: 'en', new: 'ar' } });
  });
});
