import type { ParsedMail } from 'mailparser';
import type { CityContact, ContactLink, ContactLinkCreated, NotificationPage, PublicFollowUpLink } from '@impact/contracts';
import { addDays, followThroughWorld, insertCommitment, insertFollowUp, type Person, type World } from '../../../test/follow-through-world';
import type { TestApp } from '../../../test/test-app';
import { MAX_LINK_REQUESTS_PER_ADDRESS } from './contact-link-limiter';
import { closeMailingTestApp, createMailingTestApp, SmtpInbox, until } from '../../../test/smtp-inbox';

/** A real SMTP server in this process: every mail it accepts. */
const smtp = new SmtpInbox();
const received = smtp.received;

let t: TestApp;
let w: World;
let commitmentId: string;
let address = 0;
const today = new Date().toISOString().slice(0, 10);

const as = (who: Person) => ({ Authorization: `Bearer ${w.tokens[who]}` });
/** Each case its own client address, so the per-address limit of one case does not touch another. */
const from = () => ({ 'X-Forwarded-For': `198.51.100.${++address}` });
const mailTo = (email: string) => smtp.mailsTo(email)[0];
const tokenIn = (mail: ParsedMail) => /\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1] ?? '';

const followUp = (title: string, ownerId: string | null = w.users.liaisonA) =>
  insertFollowUp(t.dataSource, { title, commitmentId, ownerId, dueDate: addDays(today, 5) });

/** Sends a link as the manager of hub X and reads the token out of the mail the contact receives. */
async function sendLink(
  followUpId: string,
  email: string,
  language = 'en',
): Promise<{ created: ContactLinkCreated; token: string; mail: ParsedMail }> {
  const created = (
    await t.http
      .post(`/api/follow-ups/${followUpId}/contact-links`)
      .set(as('managerX'))
      .send({ name: 'Amina Haddad', email, language })
      .expect(201)
  ).body as ContactLinkCreated;
  await until(() => !!mailTo(email));
  const mail = mailTo(email) as ParsedMail;
  return { created, token: tokenIn(mail), mail };
}

const linksOf = async (followUpId: string) =>
  (await t.http.get(`/api/follow-ups/${followUpId}/contact-links`).set(as('managerX')).expect(200)).body as ContactLink[];

beforeAll(async () => {
  t = await createMailingTestApp(smtp, { demo: true, env: { CONTACT_LINK_DAYS: '10' } });
  w = await followThroughWorld(t);
  commitmentId = await insertCommitment(t.dataSource, { title: 'Youth council', cityId: w.cityA, ownerId: w.users.liaisonA });
  await t.http.patch('/api/notification-settings').set(as('liaisonA')).send({ email: 'immediate' }).expect(200);
}, 120_000);

afterAll(() => closeMailingTestApp(t, smtp));

describe('contact links', () => {
  it('mails the contact a link in Arabic (text and right-to-left HTML) that expires after CONTACT_LINK_DAYS', async () => {
    const id = await followUp('Share the youth survey');
    const before = Date.now();
    const { created, token, mail } = await sendLink(id, 'amina@city.test', 'ar');
    const days = (Date.parse(created.expiresAt) - before) / 86_400_000;
    expect(days).toBeGreaterThan(9.99);
    expect(days).toBeLessThan(10.01);
    expect(mail.subject).toBe('يرجى التأكيد: Share the youth survey');
    expect(mail.text).toContain(`https://impact.example.org/confirm/${token}`);
    expect(mail.html).toContain('dir="rtl"');
    expect(mail.html).toContain('lang="ar"');
    // 256 random bits, base64url: 43 characters; only the hash is stored.
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = (await t.dataSource.query(`SELECT token_hash FROM follow_up_contact_links WHERE id = $1`, [created.id])) as {
      token_hash: string;
    }[];
    expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0].token_hash).not.toContain(token);
    const audit = (await t.dataSource.query(`SELECT action, note FROM audit_log WHERE entity_id = $1 ORDER BY at`, [id])) as {
      action: string;
      note: string;
    }[];
    expect(audit).toEqual([{ action: 'contact_link', note: 'link sent to Amina Haddad <amina@city.test>' }]);
  }, 60_000);

  it('shows the contact only what they need, and the link becomes opened', async () => {
    const id = await followUp('Book the hall');
    const { token } = await sendLink(id, 'open@city.test', 'fr');
    expect((await linksOf(id))[0].state).toBe('sent');
    const res = await t.http.get(`/api/public/follow-up-links/${token}`).set(from()).expect(200);
    expect(res.body).toEqual({
      title: 'Book the hall',
      dueDate: addDays(today, 5),
      status: 'open',
      cityName: 'Nansana',
      commitmentTitle: 'Youth council',
      language: 'fr',
      expiresAt: expect.any(String),
    } satisfies PublicFollowUpLink);
    expect(JSON.stringify(res.body)).not.toMatch(/@|liaison|manager/i);
    expect((await linksOf(id))[0]).toMatchObject({
      state: 'opened',
      name: 'Amina Haddad',
      email: 'open@city.test',
      openedAt: expect.any(String),
    });
  }, 60_000);

  it('done closes the follow-up, audits "via link", and tells the owner and the hub managers (mail to those who chose immediate)', async () => {
    const id = await followUp('Send the plan');
    const { token } = await sendLink(id, 'done@city.test');
    const res = await t.http
      .post(`/api/public/follow-up-links/${token}`)
      .set(from())
      .send({ done: true, note: 'Sent on Monday' })
      .expect(200);
    expect(res.body).toEqual({ done: true, note: 'Sent on Monday', proposedDueDate: null, status: 'done' });
    const fu = (await t.http.get(`/api/follow-ups/${id}`).set(as('managerX')).expect(200)).body as { status: string; completedAt: string };
    expect(fu.status).toBe('done');
    expect(fu.completedAt).toEqual(expect.any(String));
    const audit = (await t.dataSource.query(
      `SELECT action, actor_id, note, changes FROM audit_log WHERE entity_id = $1 AND action = 'update'`,
      [id],
    )) as {
      actor_id: string | null;
      note: string;
      changes: Record<string, { old: unknown; new: unknown }>;
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: null, note: 'via link: Amina Haddad <done@city.test> — Sent on Monday' });
    expect(audit[0].changes['status']).toEqual({ old: 'open', new: 'done' });
    for (const who of ['managerX', 'liaisonA'] as const) {
      const page = (await t.http.get('/api/notifications').set(as(who)).expect(200)).body as NotificationPage;
      const mine = page.items.filter((n) => n.title.includes('Send the plan'));
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ kind: 'follow_up_confirmed', readAt: null });
      expect(mine[0].body).toContain('Amina Haddad <done@city.test>');
    }
    // Not the other hub's manager.
    const other = (await t.http.get('/api/notifications').set(as('managerY')).expect(200)).body as NotificationPage;
    expect(other.items.filter((n) => n.title.includes('Send the plan'))).toEqual([]);
    // The owner chose immediate mail: it arrives over SMTP.
    await until(() => received.some((m) => m.subject === 'Confirmed done by the city: Send the plan'));
    expect((await linksOf(id))[0]).toMatchObject({ state: 'confirmed', answer: { done: true, note: 'Sent on Monday' } });
    // The follow-up is closed now: the link answers 410 with a clear message.
    const gone = await t.http.get(`/api/public/follow-up-links/${token}`).set(from()).expect(410);
    expect(gone.body.message).toMatch(/already closed/);
  }, 60_000);

  it('not yet keeps the follow-up open and records the note and the proposed date', async () => {
    const id = await followUp('Call the mayor');
    const { token } = await sendLink(id, 'later@city.test');
    const proposed = addDays(today, 30);
    const res = await t.http
      .post(`/api/public/follow-up-links/${token}`)
      .set(from())
      .send({ done: false, note: 'Council meets next month', proposedDueDate: proposed })
      .expect(200);
    expect(res.body).toEqual({ done: false, note: 'Council meets next month', proposedDueDate: proposed, status: 'open' });
    const fu = (await t.http.get(`/api/follow-ups/${id}`).set(as('managerX')).expect(200)).body as { status: string };
    expect(fu.status).toBe('open');
    const page = (await t.http.get('/api/notifications').set(as('managerX')).expect(200)).body as NotificationPage;
    const mine = page.items.find((n) => n.title.includes('Call the mayor'));
    expect(mine).toMatchObject({ kind: 'follow_up_not_done' });
    expect(mine?.body).toContain(proposed);
    // Read in Spanish, the answer is worded in Spanish, the note and the proposed date included.
    const es = (await t.http.get('/api/notifications').set(as('managerX')).set('Accept-Language', 'es').expect(200))
      .body as NotificationPage;
    expect(es.items.find((n) => n.id === mine?.id)).toMatchObject({
      title: 'Aún no está hecho, según la ciudad: Call the mayor',
      body: expect.stringContaining(`Nueva fecha propuesta: ${proposed}. Nota: Council meets next month`),
    });
    expect((await linksOf(id))[0].answer).toMatchObject({ done: false, proposedDueDate: proposed });
  }, 60_000);

  it("offers the city's contacts already asked, one per address with the name used last; another city's are not offered", async () => {
    const first = await followUp('Print the leaflets');
    const second = await followUp('Book the venue');
    const call = async (id: string, name: string, email: string, language: string) =>
      t.http.post(`/api/follow-ups/${id}/contact-links`).set(as('managerX')).send({ name, email, language }).expect(201);
    await call(first, 'Joseph Okello', 'okello@city.test', 'en');
    await call(second, 'Joseph O. Okello', 'OKELLO@city.test', 'fr');
    await call(second, 'Grace Nakato', 'nakato@city.test', 'ar');
    const fresh = await followUp('Count the volunteers');
    const contacts = (await t.http.get(`/api/follow-ups/${fresh}/contact-links/contacts`).set(as('managerX')).expect(200))
      .body as CityContact[];
    const ours = contacts.filter((c) => /okello|nakato/i.test(c.email));
    expect(ours.map(({ name, email, language }) => ({ name, email, language }))).toEqual([
      { name: 'Grace Nakato', email: 'nakato@city.test', language: 'ar' },
      { name: 'Joseph O. Okello', email: 'OKELLO@city.test', language: 'fr' },
    ]);
    expect(Date.parse(ours[0].lastAskedAt)).toBeGreaterThanOrEqual(Date.parse(ours[1].lastAskedAt));
    // A follow-up of city B: none of city A's contacts, and city A's liaison cannot ask there at all.
    const inB = await insertCommitment(t.dataSource, { title: 'Other city', cityId: w.cityB, ownerId: w.users.liaisonB });
    const followUpB = await insertFollowUp(t.dataSource, {
      title: 'Elsewhere',
      commitmentId: inB,
      ownerId: w.users.liaisonB,
      dueDate: today,
    });
    const ofB = (await t.http.get(`/api/follow-ups/${followUpB}/contact-links/contacts`).set(as('admin')).expect(200))
      .body as CityContact[];
    expect(ofB.filter((c) => /okello|nakato/i.test(c.email))).toEqual([]);
    await t.http.get(`/api/follow-ups/${followUpB}/contact-links/contacts`).set(as('liaisonA')).expect(404);
  }, 60_000);

  it('answers 404 for an unknown token and 410 for a revoked or expired link; revoking is for editors', async () => {
    await t.http
      .get(`/api/public/follow-up-links/${'x'.repeat(43)}`)
      .set(from())
      .expect(404);
    const id = await followUp('Share minutes');
    const { created, token } = await sendLink(id, 'revoked@city.test');
    await t.http.delete(`/api/follow-ups/${id}/contact-links/${created.id}`).set(as('managerY')).expect(403);
    await t.http.delete(`/api/follow-ups/${id}/contact-links/${created.id}`).set(as('managerX')).expect(204);
    expect((await linksOf(id))[0].state).toBe('revoked');
    const revoked = await t.http.post(`/api/public/follow-up-links/${token}`).set(from()).send({ done: true }).expect(410);
    expect(revoked.body.message).toMatch(/withdrawn/);
    const expiring = await sendLink(await followUp('Old task'), 'expired@city.test');
    await t.dataSource.query(`UPDATE follow_up_contact_links SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      expiring.created.id,
    ]);
    const expired = await t.http.get(`/api/public/follow-up-links/${expiring.token}`).set(from()).expect(410);
    expect(expired.body.message).toMatch(/expired/);
  }, 60_000);

  it('refuses bad input with 400 naming the fields, and writes nothing', async () => {
    const id = await followUp('Validate me');
    const bad = await t.http
      .post(`/api/follow-ups/${id}/contact-links`)
      .set(as('managerX'))
      .send({ name: '', email: 'not-an-address', language: 'de' })
      .expect(400);
    const fields = (bad.body.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['email', 'language', 'name']);
    expect(await linksOf(id)).toEqual([]);
    const { token } = await sendLink(id, 'validate@city.test');
    const answer = await t.http
      .post(`/api/public/follow-up-links/${token}`)
      .set(from())
      .send({ done: 'yes', proposedDueDate: '2031-02-30' })
      .expect(400);
    expect([...new Set((answer.body.details as { field: string }[]).map((d) => d.field))].sort()).toEqual(['done', 'proposedDueDate']);
    expect((await linksOf(id))[0].answer).toBeNull();
  }, 60_000);

  it('limits the public link routes per address (429 with Retry-After), not for other addresses', async () => {
    const one = from();
    const codes: number[] = [];
    for (let i = 0; i < MAX_LINK_REQUESTS_PER_ADDRESS + 3; i++)
      codes.push((await t.http.get(`/api/public/follow-up-links/guess${i}`).set(one)).status);
    expect(codes.filter((c) => c === 404)).toHaveLength(MAX_LINK_REQUESTS_PER_ADDRESS);
    expect(codes.slice(-3)).toEqual([429, 429, 429]);
    const blocked = await t.http.get('/api/public/follow-up-links/guess').set(one).expect(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    await t.http.get('/api/public/follow-up-links/guess').set(from()).expect(404);
  }, 60_000);
});
