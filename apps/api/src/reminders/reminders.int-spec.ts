import type { Language, NotificationKind, NotificationPage, OutboxItem, Page, ReminderRunResult } from '@impact/contracts';
import { wordNotification } from '../notifications/notification-messages';
import { addDays, followThroughWorld, insertCommitment, insertFollowUp, type Person, type World } from '../../test/follow-through-world';
import { createTestApp, type TestApp } from '../../test/test-app';

/** A day far from the demo data's dates, so the clock is ours. */
const AS_OF = '2031-03-10';

let t: TestApp;
let w: World;
const ids: Record<string, string> = {};

const as = (who: Person) => ({ Authorization: `Bearer ${w.tokens[who]}` });
const run = async (asOf: string): Promise<ReminderRunResult> =>
  (await t.http.post('/api/reminders/run').set(as('admin')).send({ asOf }).expect(200)).body as ReminderRunResult;

/** Our records' notifications as `kind record-name recipient`, sorted: what each rule fired, for whom. */
async function fired(): Promise<string[]> {
  const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  const byUser = new Map(Object.entries(w.users).map(([who, id]) => [id, who]));
  const rows = (await t.dataSource.query(`SELECT kind, record_id, user_id, key_day FROM notifications WHERE record_id = ANY($1::uuid[])`, [
    Object.values(ids),
  ])) as {
    kind: string;
    record_id: string;
    user_id: string;
  }[];
  return rows.map((r) => `${r.kind} ${byId.get(r.record_id)} ${byUser.get(r.user_id) ?? r.user_id}`).sort();
}

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  w = await followThroughWorld(t);
  const db = t.dataSource;
  // The liaison of city A reads French; the manager of hub X wants every notification by mail at once.
  await db.query(`UPDATE users SET language = 'fr' WHERE id = $1`, [w.users.liaisonA]);
  await t.http.patch('/api/notification-settings').set(as('managerX')).send({ email: 'immediate' }).expect(200);
  await t.http.patch('/api/notification-settings').set(as('liaisonB')).send({ email: 'off' }).expect(200);

  ids.work = await insertCommitment(db, { title: 'Youth desk', cityId: w.cityA, ownerId: w.users.liaisonA });
  // Commitments by title, city, owner and status; `target` and `stalled` are days from AS_OF.
  const pledge = (title: string, cityId: string, ownerId: string | null, status: string, days: { target?: number; stalled?: number }) =>
    insertCommitment(db, {
      title,
      cityId,
      ownerId,
      status,
      targetDate: days.target === undefined ? null : addDays(AS_OF, days.target),
      stalledSince: days.stalled === undefined ? undefined : addDays(AS_OF, days.stalled),
    });
  ids.late = await pledge('Safety council', w.cityA, w.users.liaisonA, 'pledged', { target: -1 });
  ids.stalled = await pledge('Watch scheme', w.cityA, null, 'stalled', { stalled: -31 });
  ids.stalledRecently = await pledge('Mediation', w.cityA, null, 'stalled', { stalled: -29 });
  ids.achieved = await pledge('Done pledge', w.cityA, w.users.liaisonA, 'achieved', { target: -40 });
  ids.inB = await pledge('City B desk', w.cityB, w.users.liaisonB, 'pledged', { target: -2 });
  const fu = (title: string, dueIn: number, ownerId: string | null, status = 'open', commitmentId = ids.work) =>
    insertFollowUp(db, { title, commitmentId, ownerId, dueDate: addDays(AS_OF, dueIn), status });
  ids.in7 = await fu('Send the plan', 7, w.users.liaisonA);
  ids.in1 = await fu('Book the hall', 1, w.users.liaisonA);
  ids.in3 = await fu('Call the mayor', 3, w.users.liaisonA);
  ids.late3 = await fu('Share minutes', -3, w.users.liaisonA);
  ids.late20 = await fu('Report to council', -20, w.users.liaisonA);
  ids.done20 = await fu('Old report', -20, w.users.liaisonA, 'done');
  // Owned by the liaison of city B, who cannot read city A's follow-up: not told.
  ids.outOfScope = await fu('Not mine', 7, w.users.liaisonB);
  ids.inB7 = await fu('City B task', 7, w.users.liaisonB, 'open', ids.inB);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the daily reminder rules, against a clock we set', () => {
  let first: ReminderRunResult;

  it('each rule fires for the right people, in scope', async () => {
    first = await run(AS_OF);
    expect(first.asOf).toBe(AS_OF);
    expect(await fired()).toEqual(
      [
        'commitment_past_target inB liaisonB',
        'commitment_past_target inB managerY',
        'commitment_past_target late liaisonA',
        'commitment_past_target late managerX',
        'commitment_stalled stalled managerX',
        'follow_up_due_soon in7 liaisonA',
        'follow_up_due_soon inB7 liaisonB',
        'follow_up_due_tomorrow in1 liaisonA',
        'follow_up_escalated late20 managerX',
        'follow_up_overdue late20 liaisonA',
        'follow_up_overdue late3 liaisonA',
      ].sort(),
    );
    for (const kind of Object.keys(first.notifications) as (keyof ReminderRunResult['notifications'])[])
      expect(first.notifications[kind]).toBeGreaterThanOrEqual(0);
    expect(first.notifications.follow_up_escalated).toBeGreaterThanOrEqual(1);
  });

  it('running the same day again notifies nobody twice', async () => {
    const again = await run(AS_OF);
    expect(again.notifications).toEqual({
      follow_up_due_soon: 0,
      follow_up_due_tomorrow: 0,
      follow_up_overdue: 0,
      follow_up_escalated: 0,
      commitment_past_target: 0,
      commitment_stalled: 0,
    });
    expect(again.mails).toBe(0);
  });

  it('the next day: overdue again for the owner, every once-only rule quiet', async () => {
    const before = await fired();
    await run(addDays(AS_OF, 1));
    const added = [...(await fired())];
    for (const x of before) added.splice(added.indexOf(x), 1);
    // …and the commitment stalled 29 days ago reaches 30 days today.
    expect(added.sort()).toEqual([
      'commitment_stalled stalledRecently managerX',
      'follow_up_overdue late20 liaisonA',
      'follow_up_overdue late3 liaisonA',
    ]);
  });

  it('writes each notification in its recipient’s language, with a link into the app', async () => {
    const page = (await t.http.get('/api/notifications?unread=true&pageSize=200').set(as('liaisonA')).expect(200)).body as NotificationPage;
    const soon = page.items.find((n) => n.kind === 'follow_up_due_soon' && n.title.endsWith('Send the plan'));
    expect(soon).toMatchObject({
      title: 'Suivi à rendre dans 7 jours : Send the plan',
      body: `« Send the plan » (Nansana) est à rendre le ${addDays(AS_OF, 7)}.`,
      link: `/commitments/${ids.work}`,
      readAt: null,
    });
    const escalation = (await t.http.get('/api/notifications').set(as('managerX')).expect(200)).body as NotificationPage;
    expect(escalation.items.find((n) => n.kind === 'follow_up_escalated' && n.body.includes('Report to council'))).toMatchObject({
      title: 'Escalation: follow-up overdue for 20 days in Nansana',
      body: `“Report to council” was due on ${addDays(AS_OF, -20)} and is still open. Its owner has been reminded; please step in.`,
    });
  });

  it('words each notification again in the language its reader uses now (Accept-Language), and stores the same text SQL wrote', async () => {
    const list = async (language?: string) => {
      const req = t.http.get('/api/notifications?pageSize=200').set(as('liaisonA'));
      if (language) req.set('Accept-Language', language);
      const page = (await req.expect(200)).body as NotificationPage;
      return page.items.find(
        (n) => n.kind === 'follow_up_due_soon' && n.link === `/commitments/${ids.work}` && n.body.includes('Send the plan'),
      );
    };
    // The web app sends the language chosen on the device; the notification was written in French.
    expect(await list('ar')).toMatchObject({
      title: 'متابعة مستحقة خلال 7 أيام: Send the plan',
      body: `موعد استحقاق «Send the plan» (Nansana) هو ${addDays(AS_OF, 7)}.`,
    });
    expect((await list('es-MX,es;q=0.9'))?.title).toBe('Seguimiento con vencimiento en 7 días: Send the plan');
    // No header, or one naming no language the product speaks: the user's preferred language.
    expect((await list())?.title).toBe('Suivi à rendre dans 7 jours : Send the plan');
    expect((await list('de-DE'))?.title).toBe('Suivi à rendre dans 7 jours : Send the plan');
    // What PostgreSQL's format() stored is what the API's own wording gives for the stored values.
    const rows = (await t.dataSource.query(
      `SELECT kind, title, body, args, u.language FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.args IS NOT NULL AND record_id = ANY($1::uuid[])`,
      [Object.values(ids)],
    )) as { kind: NotificationKind; title: string; body: string; args: string[]; language: Language }[];
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) expect(wordNotification(r.kind, r.args, r.language)).toEqual({ title: r.title, body: r.body });
  });

  it('queues mail by each recipient’s setting: immediate one each, daily one digest, off none', async () => {
    const outbox = (await t.http.get('/api/outbox?status=queued&pageSize=200').set(as('admin')).expect(200)).body as Page<OutboxItem>;
    const to = (email: string) => outbox.items.filter((m) => m.to === email);
    // managerX: immediate, one mail per notification of ours (past target, stalled, escalation).
    const manager = to('esa.manager@impact.test');
    expect(manager.map((m) => m.subject)).toEqual(
      expect.arrayContaining([
        'Escalation: follow-up overdue for 20 days in Nansana',
        'Commitment past its target date: Safety council',
        'Commitment stalled for 31 days: Watch scheme',
      ]),
    );
    // liaisonA: daily, one digest for each day that brought something, in French.
    const digests = to('nansana.liaison@impact.test');
    expect(digests).toHaveLength(2);
    expect(digests.map((m) => m.subject)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^Impact Tracker : vos \\d+ notifications du ${AS_OF}$`)),
        expect.stringMatching(new RegExp(`^Impact Tracker : vos \\d+ notifications du ${addDays(AS_OF, 1)}$`)),
      ]),
    );
    const firstDigest = digests.find((m) => m.subject.endsWith(AS_OF)) as OutboxItem;
    expect(firstDigest.text).toContain('Bonjour');
    expect(firstDigest.text).toContain('Suivi à rendre dans 7 jours : Send the plan');
    expect(firstDigest.text).toContain(`http://localhost:3000/commitments/${ids.work}`);
    expect(firstDigest.language).toBe('fr');
    // liaisonB: off.
    expect(to('danilovgrad.liaison@impact.test')).toEqual([]);
  });
});

describe('the notifications API', () => {
  it('shows each caller only its own notifications, with the unread count', async () => {
    const mine = (await t.http.get('/api/notifications?pageSize=200').set(as('managerY')).expect(200)).body as NotificationPage;
    expect(mine.items.some((n) => n.link === `/commitments/${ids.inB}`)).toBe(true);
    expect(mine.items.some((n) => n.link === `/commitments/${ids.work}` || n.link === `/commitments/${ids.late}`)).toBe(false);
    expect(mine.unread).toBe(mine.total);
  });

  it('marks read by id (only the caller’s) and all at once', async () => {
    const x = (await t.http.get('/api/notifications?unread=true').set(as('managerX')).expect(200)).body as NotificationPage;
    const y = (await t.http.get('/api/notifications?unread=true').set(as('managerY')).expect(200)).body as NotificationPage;
    expect(x.unread).toBeGreaterThan(1);
    // managerY cannot mark managerX's notification read.
    expect(
      (
        await t.http
          .post('/api/notifications/read')
          .set(as('managerY'))
          .send({ ids: [x.items[0].id] })
          .expect(200)
      ).body,
    ).toEqual({ marked: 0, unread: y.unread });
    const res = await t.http
      .post('/api/notifications/read')
      .set(as('managerX'))
      .send({ ids: [x.items[0].id] })
      .expect(200);
    expect(res.body).toEqual({ marked: 1, unread: x.unread - 1 });
    const read = (await t.http.get('/api/notifications?unread=false').set(as('managerX')).expect(200)).body as NotificationPage;
    expect(read.items.map((n) => n.id)).toEqual([x.items[0].id]);
    expect(read.items[0].readAt).toEqual(expect.any(String));
    expect((await t.http.post('/api/notifications/read').set(as('managerX')).send({ all: true }).expect(200)).body).toEqual({
      marked: x.unread - 1,
      unread: 0,
    });
    expect(((await t.http.get('/api/notifications?unread=true').set(as('managerX')).expect(200)).body as NotificationPage).total).toBe(0);
  });

  it('keeps settings per user, daily by default', async () => {
    expect((await t.http.get('/api/notification-settings').set(as('leadership')).expect(200)).body).toEqual({ email: 'daily' });
    expect((await t.http.get('/api/notification-settings').set(as('managerX')).expect(200)).body).toEqual({ email: 'immediate' });
  });

  it.each([
    ['POST', '/api/reminders/run', { asOf: '2031-02-30' }, ['asOf']],
    ['POST', '/api/reminders/run', { asOf: null }, ['asOf']],
    ['POST', '/api/notifications/read', {}, ['ids', 'all']],
    ['POST', '/api/notifications/read', { ids: [], all: true }, ['ids']],
    ['POST', '/api/notifications/read', { ids: ['not-a-uuid'] }, ['ids']],
    ['POST', '/api/notifications/read', { all: false }, ['all']],
    ['PATCH', '/api/notification-settings', { email: 'weekly' }, ['email']],
    ['GET', '/api/notifications?unread=maybe&pageSize=0', undefined, ['unread', 'pageSize']],
    ['GET', '/api/outbox?status=lost', undefined, ['status']],
  ])('%s %s %j → 400 naming %j', async (method, path, body, fields) => {
    const before = (await t.dataSource.query(`SELECT (SELECT count(*) FROM notifications) + (SELECT count(*) FROM mail_outbox) AS n`)) as {
      n: string;
    }[];
    const call =
      method === 'GET'
        ? t.http.get(path)
        : method === 'PATCH'
          ? t.http.patch(path).send(body as object)
          : t.http.post(path).send(body as object);
    const res = await call.set(as('admin'));
    expect(res.status).toBe(400);
    expect([...new Set((res.body.details as { field: string }[]).map((d) => d.field))].sort()).toEqual([...fields].sort());
    const after = (await t.dataSource.query(`SELECT (SELECT count(*) FROM notifications) + (SELECT count(*) FROM mail_outbox) AS n`)) as {
      n: string;
    }[];
    expect(after).toEqual(before);
  });
});
