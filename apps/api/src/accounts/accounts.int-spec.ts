import type { ParsedMail } from 'mailparser';
import type { InviteSent, LoginResponse, PasswordLink, User } from '@impact/contracts';
import { demoSignIn } from '../../test/demo-sign-in';
import type { TestApp } from '../../test/test-app';
import { MAX_RESET_MAILS_PER_EMAIL, MAX_RESET_REQUESTS_PER_ADDRESS } from './password-link-limiter';
import { closeMailingTestApp, createMailingTestApp, SmtpInbox, until } from '../../test/smtp-inbox';

/** A real SMTP server in this process: every mail it accepts. */
const smtp = new SmtpInbox();

let t: TestApp;
let admin: string;
let address = 0;
const NEW_PASSWORD = 'violet-harbour-lantern-42';

/** Each case its own client address, so the per-address limits of one case do not touch another. */
const from = () => ({ 'X-Forwarded-For': `203.0.113.${++address}` });
const asAdmin = () => ({ Authorization: `Bearer ${admin}` });
const mailsTo = (email: string) => smtp.mailsTo(email);
const tokenIn = (mail: ParsedMail) => /\/set-password\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1] ?? '';
/** Waits for the `n`th mail to `email` and gives the token of its link. */
async function nthToken(email: string, n: number): Promise<{ token: string; mail: ParsedMail }> {
  await until(() => mailsTo(email).length >= n);
  const mail = mailsTo(email)[n - 1];
  return { token: tokenIn(mail), mail };
}

const signIn = (email: string, password: string) => t.http.post('/api/auth/login').set(from()).send({ email, password });

async function createUser(email: string, body: Record<string, unknown> = {}): Promise<User> {
  return (
    await t.http
      .post('/api/users')
      .set(asAdmin())
      .send({ email, name: 'Nadia Benali', role: 'leadership', hubIds: [], cityIds: [], language: 'fr', ...body })
      .expect(201)
  ).body as User;
}

const auditOf = async (id: string) =>
  (await t.dataSource.query(`SELECT action, actor_id, changes, note FROM audit_log WHERE entity_id = $1 ORDER BY at, action`, [id])) as {
    action: string;
    actor_id: string | null;
    changes: Record<string, unknown> | null;
    note: string | null;
  }[];

beforeAll(async () => {
  t = await createMailingTestApp(smtp, { demo: true });
  admin = (await demoSignIn(t.http, 'admin@impact.test')).accessToken;
}, 120_000);

afterAll(() => closeMailingTestApp(t, smtp));

describe('invitations', () => {
  it('a user created without a password gets a 72-hour link in their language, sets a password once and signs in', async () => {
    const email = 'invitee@impact.test';
    const before = Date.now();
    const user = await createUser(email);
    expect(user.invitationPending).toBe(true);
    // No password yet: nothing lets the invitee in, not even an empty one.
    await signIn(email, 'any-password-at-all').expect(401);

    const { token, mail } = await nthToken(email, 1);
    expect(mail.subject).toBe('Vous êtes invité·e sur Impact Tracker');
    expect(mail.text).toContain(`https://impact.example.org/set-password/${token}`);
    expect(mail.text).toContain('Bonjour Nadia Benali');
    expect(mail.html).toContain('lang="fr"');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const link = (await t.http.get(`/api/auth/password-links/${token}`).set(from()).expect(200)).body as PasswordLink;
    expect(link).toEqual({ purpose: 'invite', name: 'Nadia Benali', email, language: 'fr', expiresAt: expect.any(String) });
    const hours = (Date.parse(link.expiresAt) - before) / 3_600_000;
    expect(hours).toBeGreaterThan(71.99);
    expect(hours).toBeLessThan(72.01);
    const stored = (await t.dataSource.query(`SELECT token_hash FROM password_links WHERE user_id = $1`, [user.id])) as {
      token_hash: string;
    }[];
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0].token_hash).not.toContain(token);

    await t.http.post('/api/auth/password').set(from()).send({ token, password: NEW_PASSWORD }).expect(204);
    const login = (await signIn(email, NEW_PASSWORD).expect(200)).body as LoginResponse;
    expect(login.user.email).toBe(email);
    expect(((await t.http.get(`/api/users/${user.id}`).set(asAdmin()).expect(200)).body as User).invitationPending).toBe(false);

    // Single use: the same link again is refused, for reading and for setting.
    const reuse = await t.http.post('/api/auth/password').set(from()).send({ token, password: 'another-long-passphrase' }).expect(410);
    expect(reuse.body).toMatchObject({ statusCode: 410, details: { reason: 'used' } });
    await t.http.get(`/api/auth/password-links/${token}`).set(from()).expect(410);
    await signIn(email, 'another-long-passphrase').expect(401);

    const audit = await auditOf(user.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'invite', 'password_set', 'sign_in']);
    const set = audit.find((a) => a.action === 'password_set');
    expect(set).toMatchObject({ actor_id: user.id, changes: { password: { old: '[redacted]', new: '[redacted]' } } });
    // No password in any mail, nor in the audit.
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
  }, 60_000);

  it('a password given at creation is used as before: no invitation is mailed', async () => {
    const email = 'typed@impact.test';
    const user = await createUser(email, { password: 'typed-by-the-admin-77' });
    expect(user.invitationPending).toBe(false);
    await signIn(email, 'typed-by-the-admin-77').expect(200);
    const outbox = (await t.dataSource.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE to_address = $1`, [email])) as {
      n: number;
    }[];
    expect(outbox[0].n).toBe(0);
  }, 60_000);

  it('inviting again mails a new link in the language asked for; the earlier link stops working', async () => {
    const email = 'again@impact.test';
    const user = await createUser(email);
    const first = await nthToken(email, 1);
    const sent = (await t.http.post(`/api/users/${user.id}/invite`).set(asAdmin()).send({ language: 'ar' }).expect(201)).body as InviteSent;
    expect(Date.parse(sent.expiresAt)).toBeGreaterThan(Date.now() + 71.9 * 3_600_000);
    const second = await nthToken(email, 2);
    expect(second.mail.subject).toBe('دعوة للانضمام إلى Impact Tracker');
    expect(second.mail.html).toContain('dir="rtl"');
    const gone = await t.http.get(`/api/auth/password-links/${first.token}`).set(from()).expect(410);
    expect(gone.body.details).toEqual({ reason: 'used' });
    expect(((await t.http.get(`/api/auth/password-links/${second.token}`).set(from()).expect(200)).body as PasswordLink).language).toBe(
      'ar',
    );
  }, 60_000);

  it('a password an admin sets spends the pending invitation', async () => {
    const email = 'admin-typed@impact.test';
    const user = await createUser(email);
    const { token } = await nthToken(email, 1);
    await t.http
      .patch(`/api/users/${user.id}`)
      .set(asAdmin())
      .send({ version: user.version, password: 'typed-later-by-admin-5' })
      .expect(200);
    await t.http.get(`/api/auth/password-links/${token}`).set(from()).expect(410);
    await signIn(email, 'typed-later-by-admin-5').expect(200);
  }, 60_000);

  it('refuses to invite a deactivated user (409) and an unknown one (404); only admins invite', async () => {
    const user = await createUser('gone@impact.test', { password: 'typed-by-the-admin-77' });
    await t.http.delete(`/api/users/${user.id}`).set(asAdmin()).expect(204);
    await t.http.post(`/api/users/${user.id}/invite`).set(asAdmin()).send({}).expect(409);
    await t.http.post('/api/users/00000000-0000-4000-8000-000000000000/invite').set(asAdmin()).send({}).expect(404);
    const leadership = (await demoSignIn(t.http, 'leadership@impact.test')).accessToken;
    await t.http.post(`/api/users/${user.id}/invite`).set('Authorization', `Bearer ${leadership}`).send({}).expect(403);
  }, 60_000);
});

describe('password reset', () => {
  it('answers the same for an unknown e-mail and mails nothing', async () => {
    const known = await t.http.post('/api/auth/password-reset').set(from()).send({ email: 'leadership@impact.test' });
    const unknown = await t.http.post('/api/auth/password-reset').set(from()).send({ email: 'nobody-here@impact.test' });
    expect(known.status).toBe(204);
    expect(unknown.status).toBe(204);
    expect(unknown.text).toBe(known.text);
    expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(known.headers).sort());
    await nthToken('leadership@impact.test', 1);
    const outbox = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM mail_outbox WHERE to_address = 'nobody-here@impact.test'`,
    )) as {
      n: number;
    }[];
    expect(outbox[0].n).toBe(0);
  }, 60_000);

  it('a reset link lasts 1 hour, sets the password once and ends every session of the user', async () => {
    const email = 'reset-me@impact.test';
    await createUser(email, { password: 'the-old-passphrase-11', language: 'es' });
    const phone = (await signIn(email, 'the-old-passphrase-11').expect(200)).body as LoginResponse;
    const laptop = (await signIn(email, 'the-old-passphrase-11').expect(200)).body as LoginResponse;
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${phone.accessToken}`).expect(200);

    const before = Date.now();
    await t.http.post('/api/auth/password-reset').set(from()).send({ email: 'RESET-me@impact.test' }).expect(204);
    const { token, mail } = await nthToken(email, 1);
    expect(mail.subject).toBe('Restablecer su contraseña de Impact Tracker');
    expect(mail.text).not.toContain('the-old-passphrase-11');
    const link = (await t.http.get(`/api/auth/password-links/${token}`).set(from()).expect(200)).body as PasswordLink;
    expect(link.purpose).toBe('reset');
    const minutes = (Date.parse(link.expiresAt) - before) / 60_000;
    expect(minutes).toBeGreaterThan(59.9);
    expect(minutes).toBeLessThan(60.1);

    await t.http.post('/api/auth/password').set(from()).send({ token, password: NEW_PASSWORD }).expect(204);
    // Both sessions are over: their access tokens and their refresh tokens.
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${phone.accessToken}`).expect(401);
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${laptop.accessToken}`).expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: laptop.refreshToken }).expect(401);
    await signIn(email, 'the-old-passphrase-11').expect(401);
    await signIn(email, NEW_PASSWORD).expect(200);
    await t.http.post('/api/auth/password').set(from()).send({ token, password: 'yet-another-passphrase' }).expect(410);
    const audit = await auditOf(phone.user.id);
    expect(audit.filter((a) => a.action === 'password_reset_request')).toHaveLength(1);
    expect(audit.find((a) => a.action === 'password_set')?.note).toBe('via reset link; every session ended');
  }, 60_000);

  it('refuses an expired link (410) and an unknown one (404); a weak password is refused and the link stays usable', async () => {
    const email = 'expired@impact.test';
    await createUser(email, { password: 'the-old-passphrase-11' });
    await t.http.post('/api/auth/password-reset').set(from()).send({ email }).expect(204);
    const { token } = await nthToken(email, 1);

    const weak = await t.http.post('/api/auth/password').set(from()).send({ token, password: 'short' }).expect(400);
    expect(JSON.stringify(weak.body)).toContain('password');
    await t.http.get(`/api/auth/password-links/${token}`).set(from()).expect(200);

    const owner = await t.ownerDataSource();
    await owner.query(
      `UPDATE password_links SET expires_at = now() - interval '1 second' WHERE used_at IS NULL AND user_id = (SELECT id FROM users WHERE email = $1)`,
      [email],
    );
    const expired = await t.http.post('/api/auth/password').set(from()).send({ token, password: NEW_PASSWORD }).expect(410);
    expect(expired.body).toMatchObject({ statusCode: 410, details: { reason: 'expired' } });
    await signIn(email, NEW_PASSWORD).expect(401);
    await t.http
      .get(`/api/auth/password-links/${'A'.repeat(43)}`)
      .set(from())
      .expect(404);
    await t.http
      .post('/api/auth/password')
      .set(from())
      .send({ token: 'A'.repeat(43), password: NEW_PASSWORD })
      .expect(404);
  }, 60_000);

  it('a newer reset link replaces the earlier one', async () => {
    const email = 'twice@impact.test';
    await createUser(email, { password: 'the-old-passphrase-11' });
    await t.http.post('/api/auth/password-reset').set(from()).send({ email }).expect(204);
    const first = await nthToken(email, 1);
    await t.http.post('/api/auth/password-reset').set(from()).send({ email }).expect(204);
    const second = await nthToken(email, 2);
    await t.http.get(`/api/auth/password-links/${first.token}`).set(from()).expect(410);
    await t.http.post('/api/auth/password').set(from()).send({ token: second.token, password: NEW_PASSWORD }).expect(204);
  }, 60_000);

  it(`mails one address at most ${MAX_RESET_MAILS_PER_EMAIL} times an hour, answering the same; one client address gets 429 past ${MAX_RESET_REQUESTS_PER_ADDRESS}`, async () => {
    const email = 'flooded@impact.test';
    await createUser(email, { password: 'the-old-passphrase-11' });
    for (let i = 0; i < MAX_RESET_MAILS_PER_EMAIL + 2; i++) {
      await t.http.post('/api/auth/password-reset').set(from()).send({ email }).expect(204);
    }
    await nthToken(email, MAX_RESET_MAILS_PER_EMAIL);
    const queued = (await t.dataSource.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE to_address = $1`, [email])) as {
      n: number;
    }[];
    expect(queued[0].n).toBe(MAX_RESET_MAILS_PER_EMAIL);

    const one = from();
    for (let i = 0; i < MAX_RESET_REQUESTS_PER_ADDRESS; i++) {
      await t.http
        .post('/api/auth/password-reset')
        .set(one)
        .send({ email: `someone-${i}@impact.test` })
        .expect(204);
    }
    const refused = await t.http.post('/api/auth/password-reset').set(one).send({ email: 'someone-else@impact.test' }).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  }, 60_000);
});
