import type { ParsedMail } from 'mailparser';
import type { NotificationItem, NotificationPage, StoryDetail } from '@impact/contracts';
import { followThroughWorld, type Person, type World } from '../../test/follow-through-world';
import { draftFromCommitment } from '../../test/story-drafts';
import type { TestApp } from '../../test/test-app';
import { closeMailingTestApp, createMailingTestApp, SmtpInbox, until } from '../../test/smtp-inbox';

/** A real SMTP server in this process: every mail it accepts. */
const smtp = new SmtpInbox();

let t: TestApp;
let w: World;
/** Leadership users made for this spec: one reading French (mail at once), one deactivated. */
let leadFr: string;
let leadGone: string;

const as = (who: Person) => ({ Authorization: `Bearer ${w.tokens[who]}` });
const one = async (sql: string, params: unknown[] = []) => ((await t.dataSource.query(sql, params)) as { id: string }[])[0].id;
const mailsTo = (email: string) => smtp.mailsTo(email);

/** What a signed-in user sees in their notifications about one story. */
const seenBy = async (who: Person, storyId: string): Promise<NotificationItem[]> =>
  ((await t.http.get('/api/notifications?pageSize=100').set(as(who)).expect(200)).body as NotificationPage).items.filter(
    (n) => n.link === `/story-desk/${storyId}`,
  );

/** Notifications of a user this spec made (no sign-in), straight from the table. */
const storedFor = async (userId: string, storyId: string) =>
  (await t.dataSource.query(`SELECT kind, title, body FROM notifications WHERE user_id = $1 AND link = $2 ORDER BY created_at`, [
    userId,
    `/story-desk/${storyId}`,
  ])) as { kind: string; title: string; body: string }[];

const step = (id: string, who: Person, body: Record<string, unknown>) =>
  t.http.post(`/api/stories/${id}/transitions`).set(as(who)).send(body).expect(200);

/** A draft by the ESA hub's manager, its checklist confirmed: ready to go to review. */
async function readyStory(): Promise<StoryDetail> {
  const draft = await draftFromCommitment(t, as('managerX'));
  return (
    await t.http
      .patch(`/api/stories/${draft.id}`)
      .set(as('managerX'))
      .send({
        version: draft.version,
        sensitivity: { consentForNamedPeople: true, noDetailsExposingIndividuals: true, cityAgreedToPublication: true },
      })
      .expect(200)
  ).body as StoryDetail;
}

beforeAll(async () => {
  t = await createMailingTestApp(smtp, { demo: true, docs: false });
  w = await followThroughWorld(t);
  leadFr = await one(
    `INSERT INTO users (email, name, role, password_hash, language) VALUES ('direction@impact.test', 'Claire Direction', 'leadership', 'x', 'fr') RETURNING id`,
  );
  await t.dataSource.query(`INSERT INTO notification_settings (user_id, email) VALUES ($1, 'immediate')`, [leadFr]);
  leadGone = await one(
    `INSERT INTO users (email, name, role, password_hash, active) VALUES ('former.lead@impact.test', 'Former Lead', 'leadership', 'x', false) RETURNING id`,
  );
  await t.dataSource.query(`INSERT INTO notification_settings (user_id, email) VALUES ($1, 'immediate')`, [leadGone]);
  // The author wants each notification by mail at once; the demo leadership keeps the daily digest.
  await t.http.patch('/api/notification-settings').set(as('managerX')).send({ email: 'immediate' }).expect(200);
}, 120_000);

afterAll(() => closeMailingTestApp(t, smtp));

describe('story workflow notifications', () => {
  it('to review → every active leadership user, once, in their language; not the author, nor anyone else', async () => {
    const story = await readyStory();
    await step(story.id, 'managerX', { to: 'in_review' });

    const lead = await seenBy('leadership', story.id);
    expect(lead).toHaveLength(1);
    expect(lead[0]).toMatchObject({ kind: 'story_in_review', title: `Story to review: ${story.title}`, readAt: null });
    expect(lead[0].body).toContain('sent “');
    expect(lead[0].body).toContain(`(${story.hubName})`);

    const fr = await storedFor(leadFr, story.id);
    expect(fr).toEqual([{ kind: 'story_in_review', title: `Récit à relire : ${story.title}`, body: expect.stringContaining('a soumis') }]);
    expect(await storedFor(leadGone, story.id)).toEqual([]);
    for (const who of ['managerX', 'managerY', 'liaisonA', 'admin'] as const) expect(await seenBy(who, story.id)).toEqual([]);

    // The French reader chose immediate mail: it arrives in French, linking to the story's editor.
    await until(() => mailsTo('direction@impact.test').some((m) => m.subject === `Récit à relire : ${story.title}`));
    const mail = mailsTo('direction@impact.test').find((m) => m.subject === `Récit à relire : ${story.title}`) as ParsedMail;
    expect(mail.text).toContain(`https://impact.example.org/story-desk/${story.id}`);
    // The demo leadership keeps the daily digest, the deactivated one gets nothing: no mail of its own.
    const queued = (await t.dataSource.query(`SELECT to_address FROM mail_outbox WHERE subject = $1 ORDER BY to_address`, [
      `Story to review: ${story.title}`,
    ])) as { to_address: string }[];
    expect(queued).toEqual([]);
    expect(mailsTo('former.lead@impact.test')).toEqual([]);
  }, 60_000);

  it('sent back → the author, with the reason, by mail at once; sent again → leadership once more', async () => {
    const story = await readyStory();
    await step(story.id, 'managerX', { to: 'in_review' });
    await step(story.id, 'leadership', { to: 'draft', note: '  Name the training partner and the date.  ' });

    const author = await seenBy('managerX', story.id);
    expect(author).toHaveLength(1);
    expect(author[0]).toMatchObject({ kind: 'story_sent_back', title: `Story sent back: ${story.title}` });
    expect(author[0].body).toContain('Reason: Name the training partner and the date.');
    // Whoever sent it back is not told of their own step.
    expect((await seenBy('leadership', story.id)).map((n) => n.kind)).toEqual(['story_in_review']);

    await until(() => mailsTo('esa.manager@impact.test').some((m) => m.subject === `Story sent back: ${story.title}`));
    const mail = mailsTo('esa.manager@impact.test').find((m) => m.subject === `Story sent back: ${story.title}`) as ParsedMail;
    expect(mail.text).toContain('Name the training partner and the date.');
    expect(mail.text).toContain(`https://impact.example.org/story-desk/${story.id}`);

    // Back to review the same day: a new step, so leadership is told again, once.
    const draft = (await t.http.get(`/api/stories/${story.id}`).set(as('managerX')).expect(200)).body as StoryDetail;
    expect(draft.status).toBe('draft');
    await step(story.id, 'managerX', { to: 'in_review' });
    expect((await seenBy('leadership', story.id)).map((n) => n.kind)).toEqual(['story_in_review', 'story_in_review']);
    expect((await storedFor(leadFr, story.id)).map((n) => n.kind)).toEqual(['story_in_review', 'story_in_review']);
    expect((await seenBy('managerX', story.id)).map((n) => n.kind)).toEqual(['story_sent_back']);
  }, 60_000);

  it('published → the author, once; the link opens a story the author can read', async () => {
    const story = await readyStory();
    await step(story.id, 'managerX', { to: 'in_review' });
    const inReview = (await t.http.get(`/api/stories/${story.id}`).set(as('leadership')).expect(200)).body as StoryDetail;
    await step(story.id, 'leadership', { to: 'published', version: inReview.version });

    const author = await seenBy('managerX', story.id);
    expect(author).toHaveLength(1);
    expect(author[0]).toMatchObject({ kind: 'story_published', title: `Story published: ${story.title}` });
    expect(author[0].body).toContain('published');
    await t.http.get(`/api/stories/${story.id}`).set(as('managerX')).expect(200);
    expect((await seenBy('leadership', story.id)).map((n) => n.kind)).toEqual(['story_in_review']);
    for (const who of ['managerY', 'liaisonA', 'admin'] as const) expect(await seenBy(who, story.id)).toEqual([]);
    await until(() => mailsTo('esa.manager@impact.test').some((m) => m.subject === `Story published: ${story.title}`));
  }, 60_000);

  it('tells nobody of their own step, nor an author who can no longer read the story', async () => {
    // Leadership wrote this one and sends it back itself: nothing to tell.
    const own = await readyStory();
    await t.dataSource.query(`UPDATE stories SET author_id = $1 WHERE id = $2`, [w.users.leadership, own.id]);
    await step(own.id, 'managerX', { to: 'in_review' });
    await step(own.id, 'leadership', { to: 'draft', note: 'Shorten the opening.' });
    expect((await seenBy('leadership', own.id)).map((n) => n.kind)).toEqual(['story_in_review']);

    // Its author is now a liaison of a city the story does not concern: outside what they read (404), so no notification.
    const away = await readyStory();
    await t.dataSource.query(`UPDATE stories SET author_id = $1 WHERE id = $2`, [w.users.liaisonB, away.id]);
    await t.http.get(`/api/stories/${away.id}`).set(as('liaisonB')).expect(404);
    await step(away.id, 'managerX', { to: 'in_review' });
    await step(away.id, 'leadership', { to: 'draft', note: 'Check the figures.' });
    expect(await seenBy('liaisonB', away.id)).toEqual([]);
    expect(await seenBy('managerX', away.id)).toEqual([]);
  }, 60_000);

  it('archiving tells nobody', async () => {
    const story = await readyStory();
    await step(story.id, 'managerX', { to: 'archived' });
    expect(
      Number((await t.dataSource.query(`SELECT count(*) AS n FROM notifications WHERE link = $1`, [`/story-desk/${story.id}`]))[0].n),
    ).toBe(0);
  }, 60_000);
});
