import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { OutboxItem, Page } from '@impact/contracts';
import { addDays, followThroughWorld, insertCommitment, insertFollowUp, type World } from '../../test/follow-through-world';
import { createTestApp, type TestApp } from '../../test/test-app';
import { JobsService } from '../jobs/jobs.service';
import { renderMail } from './mail-render';
import { MailService } from './mail.service';

/** A real SMTP server in this process: every mail it accepts, parsed as a mail client would. */
const received: ParsedMail[] = [];
let delayMs = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (address.address.startsWith('bounce@')) return callback(Object.assign(new Error('5.1.1 No such mailbox'), { responseCode: 550 }));
    if (address.address.startsWith('busy@')) return callback(Object.assign(new Error('4.2.1 Try again later'), { responseCode: 451 }));
    callback();
  },
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then(async (mail) => {
        if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
        received.push(mail);
        callback();
      })
      .catch(callback);
  },
});

const AS_OF = '2031-05-20';
let holder: TestApp;
let sender: TestApp | null = null;
let smtpEnv: Record<string, string>;
let w: World;

/** Another app instance on the holder's database, sending to the SMTP server. */
const startSender = () => createTestApp({ databaseUrl: holder.databaseUrl, migrationUrl: holder.ownerUrl, env: smtpEnv });

const until = async (check: () => boolean | Promise<boolean>, ms = 40_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
};
const to = (address: string) => received.filter((m) => m.to && !Array.isArray(m.to) && m.to.value.some((a) => a.address === address));
const statusOf = async (id: string) =>
  (
    (await holder.dataSource.query(`SELECT status, error, attempts, sent_at FROM mail_outbox WHERE id = $1`, [id])) as {
      status: string;
      error: string | null;
      attempts: number;
      sent_at: Date | null;
    }[]
  )[0];

/** Writes a mail to the outbox through the holder, in a transaction, as a domain would. */
async function enqueue(address: string, subject: string, language: 'en' | 'ar' = 'en'): Promise<string> {
  const mail = holder.app.get(MailService);
  const rendered = renderMail(language, {
    subject,
    name: 'Test',
    items: [{ title: subject, body: 'Body', url: 'https://impact.example.org/x' }],
    settingsUrl: 'https://impact.example.org/s',
  });
  const id = await holder.dataSource.transaction((m) =>
    mail.enqueue(m, { dedupeKey: `test:${subject}`, to: address, language, ...rendered }),
  );
  if (!id) throw new Error('not enqueued');
  return id;
}

beforeAll(async () => {
  await new Promise<void>((ok) => smtp.listen(0, '127.0.0.1', ok));
  const { port } = smtp.server.address() as AddressInfo;
  smtpEnv = {
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    MAIL_FROM: 'Impact Tracker <tracker@impact.example.org>',
    PUBLIC_URL: 'https://impact.example.org',
  };
  // The holder owns the database and sends nothing (no SMTP_URL), like the embedded default.
  holder = await createTestApp({ demo: true, env: { PUBLIC_URL: 'https://impact.example.org' } });
  w = await followThroughWorld(holder);
}, 120_000);

afterAll(async () => {
  await sender?.close();
  await holder?.close();
  await new Promise<void>((ok) => smtp.close(() => ok()));
});

describe('mail through the outbox, over real SMTP', () => {
  it('without SMTP_URL mail stays queued; an instance with SMTP_URL sends it', async () => {
    const id = await enqueue('waiting@example.org', 'Queued while no sender ran');
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await statusOf(id)).toMatchObject({ status: 'queued', attempts: 0, sent_at: null });
    expect(to('waiting@example.org')).toEqual([]);
    sender = await startSender();
    await until(async () => (await statusOf(id)).status === 'sent');
    const [mail] = to('waiting@example.org');
    expect(mail.subject).toBe('Queued while no sender ran');
    expect(mail.from?.value[0]).toEqual({ address: 'tracker@impact.example.org', name: 'Impact Tracker' });
    expect(mail.messageId).toBe(`<${id}@impact-tracker>`);
    expect(await statusOf(id)).toMatchObject({ status: 'sent', attempts: 1, error: null, sent_at: expect.any(Date) });
  }, 60_000);

  it('sends what the reminders write, in the recipient’s language: text and HTML, Arabic right to left', async () => {
    const db = holder.dataSource;
    await db.query(`UPDATE users SET language = 'ar' WHERE id = $1`, [w.users.managerX]);
    await holder.http
      .patch('/api/notification-settings')
      .set({ Authorization: `Bearer ${w.tokens.managerX}` })
      .send({ email: 'immediate' })
      .expect(200);
    const work = await insertCommitment(db, { title: 'Youth desk', cityId: w.cityA, ownerId: w.users.liaisonA });
    await insertFollowUp(db, { title: 'Report to council', commitmentId: work, ownerId: w.users.liaisonA, dueDate: addDays(AS_OF, -15) });
    await holder.http
      .post('/api/reminders/run')
      .set({ Authorization: `Bearer ${w.tokens.admin}` })
      .send({ asOf: AS_OF })
      .expect(200);

    const escalation = () => to('esa.manager@impact.test').find((m) => m.text?.includes('Report to council'));
    await until(() => escalation() !== undefined);
    const ar = escalation() as ParsedMail;
    expect(ar.subject).toBe('تصعيد: متابعة متأخرة 15 يومًا في Nansana');
    expect(ar.text).toContain('مرحبًا');
    expect(ar.text).toContain(`فتح في Impact Tracker: https://impact.example.org/commitments/${work}`);
    expect(ar.html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(ar.html).toContain(`<a href="https://impact.example.org/commitments/${work}">`);
    expect(ar.headers.get('content-language')).toBe('ar');

    // The liaison (English, daily) gets one digest for the day, left to right.
    await until(() => to('nansana.liaison@impact.test').some((m) => m.subject?.endsWith(AS_OF)));
    const digests = to('nansana.liaison@impact.test').filter((m) => m.subject?.endsWith(AS_OF));
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toMatch(new RegExp(`^Impact Tracker: your \\d+ notifications for ${AS_OF}$`));
    expect(digests[0].text).toContain('Overdue follow-up: Report to council');
    expect(digests[0].html).toMatch(/<html lang="en" dir="ltr">/);

    const outbox = (
      await holder.http
        .get('/api/outbox?status=sent&pageSize=200')
        .set({ Authorization: `Bearer ${w.tokens.admin}` })
        .expect(200)
    ).body as Page<OutboxItem>;
    expect(outbox.items.find((m) => m.subject === ar.subject)).toMatchObject({
      to: 'esa.manager@impact.test',
      status: 'sent',
      language: 'ar',
      sentAt: expect.any(String),
      error: null,
    });
  }, 60_000);

  it('records a permanent refusal as failed with the error, and a temporary one as queued for a retry', async () => {
    const bounced = await enqueue('bounce@example.org', 'To nobody');
    const busy = await enqueue('busy@example.org', 'To a busy server');
    await until(
      async () =>
        (await statusOf(bounced)).status === 'failed' &&
        (await statusOf(busy)).attempts === 1 &&
        (await statusOf(busy)).status === 'queued',
    );
    expect(await statusOf(bounced)).toMatchObject({
      status: 'failed',
      attempts: 1,
      sent_at: null,
      error: expect.stringContaining('No such mailbox'),
    });
    expect(await statusOf(busy)).toMatchObject({ status: 'queued', sent_at: null, error: expect.stringContaining('Try again later') });
    const failed = (
      await holder.http
        .get('/api/outbox?status=failed')
        .set({ Authorization: `Bearer ${w.tokens.admin}` })
        .expect(200)
    ).body as Page<OutboxItem>;
    expect(failed.items.map((m) => m.to)).toEqual(['bounce@example.org']);
  }, 60_000);

  it('a restart in the middle of sending loses nothing and sends nothing twice', async () => {
    delayMs = 400;
    const subjects = Array.from({ length: 8 }, (_, i) => `Restart ${i}`);
    const ids: string[] = [];
    for (const s of subjects) ids.push(await enqueue('restart@example.org', s));
    await until(() => to('restart@example.org').length >= 2);
    // Stop the sending instance while mails remain; its mail in flight finishes or is retried.
    await sender?.close();
    sender = null;
    const sentBeforeRestart = to('restart@example.org').length;
    expect(sentBeforeRestart).toBeLessThan(subjects.length);
    // A sender that died after claiming a mail, before SMTP took it: its claim is old, the mail unsent.
    const orphan = await enqueue('restart@example.org', 'Claimed by a sender that died');
    await holder.dataSource.query(
      `UPDATE mail_outbox SET status = 'sending', attempts = 1, claimed_at = now() - interval '10 minutes' WHERE id = $1`,
      [orphan],
    );
    // And a mail already sent whose job comes again: not sent twice.
    const sent = ids[0];
    await holder.app.get(JobsService).send('mail-send', { id: sent });

    sender = await startSender();
    await until(async () => {
      const rows = (await holder.dataSource.query(
        `SELECT count(*)::int AS n FROM mail_outbox WHERE id = ANY($1::uuid[]) AND status = 'sent'`,
        [[...ids, orphan]],
      )) as { n: number }[];
      return rows[0].n === ids.length + 1;
    });
    await new Promise((r) => setTimeout(r, 2_500)); // time for a duplicate to show, if any
    expect(
      to('restart@example.org')
        .map((m) => m.subject)
        .sort(),
    ).toEqual([...subjects, 'Claimed by a sender that died'].sort());
    delayMs = 0;
  }, 90_000);

  it('two sending instances deliver each mail exactly once', async () => {
    const second = await startSender();
    try {
      const subjects = Array.from({ length: 10 }, (_, i) => `Pair ${i}`);
      for (const s of subjects) await enqueue('pair@example.org', s);
      await until(() => to('pair@example.org').length >= subjects.length);
      await new Promise((r) => setTimeout(r, 2_500));
      expect(
        to('pair@example.org')
          .map((m) => m.subject)
          .sort(),
      ).toEqual([...subjects].sort());
    } finally {
      await second.close();
    }
  }, 60_000);
});
