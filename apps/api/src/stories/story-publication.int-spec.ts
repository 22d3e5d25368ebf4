import fc from 'fast-check';
import type { DashboardStories, HistoryEntry, OutcomeListItem, PublicStory, PublicStoryList, StoryDetail } from '@impact/contracts';
import { draftFromCommitment } from '../../test/story-drafts';
import { createTestApp, type TestApp } from '../../test/test-app';
import { demoSignIn } from '../../test/demo-sign-in';

/** What the world reads of a story must be exactly what leadership approved, whatever staff do afterwards. */
describe('published stories stay true', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${token[who]}` });

  beforeAll(async () => {
    t = await createTestApp({ demo: true, docs: false });
    for (const [who, email] of Object.entries({
      esa: 'esa.manager@impact.test',
      leadership: 'leadership@impact.test',
      liaison: 'nansana.liaison@impact.test',
    })) {
      token[who] = (await demoSignIn(t.http, email)).accessToken;
    }
  }, 120_000);
  afterAll(() => t?.close());

  const story = async (id: string, who = 'esa') => (await t.http.get(`/api/stories/${id}`).set(as(who)).expect(200)).body as StoryDetail;
  const patch = (id: string, body: object, who = 'esa') => t.http.patch(`/api/stories/${id}`).set(as(who)).send(body);
  const step = (id: string, body: object, who = 'esa') => t.http.post(`/api/stories/${id}/transitions`).set(as(who)).send(body);
  const checklist = { consentForNamedPeople: true, noDetailsExposingIndividuals: true, cityAgreedToPublication: true };

  /** Every public view of a story: the page's answer, its list item, and both exports. */
  const publicViews = async (id: string) => {
    const page = (await t.http.get(`/api/public/stories/${id}`).expect(200)).body as PublicStory;
    const list = (await t.http.get(`/api/public/stories?pageSize=200&language=${page.language}`).expect(200)).body as PublicStoryList;
    const md = (await t.http.get(`/api/public/stories/${id}/export.md`).expect(200)).text;
    const html = (await t.http.get(`/api/public/stories/${id}/export.html`).expect(200)).text;
    const staffHtml = (await t.http.get(`/api/stories/${id}/export.html`).set(as('leadership')).expect(200)).text;
    return { page, item: list.items.find((s) => s.id === id), md, html, staffHtml };
  };

  /** A new Nansana story taken through review to publication by leadership, reading the version it publishes. */
  const publishNew = async (title: string): Promise<StoryDetail> => {
    const draft = await draftFromCommitment(t, as('esa'), { language: 'en' });
    const titled = (await patch(draft.id, { version: draft.version, title, sensitivity: checklist }).expect(200)).body as StoryDetail;
    await step(titled.id, { to: 'in_review' }).expect(200);
    const read = await story(titled.id, 'leadership');
    return (await step(titled.id, { to: 'published', version: read.version }, 'leadership').expect(200)).body as StoryDetail;
  };

  const figureOutcome = async (s: StoryDetail) => {
    const f = s.outcomes.find((o) => o.value !== null);
    if (!f) throw new Error('the Nansana story cites a figure');
    return (await t.http.get(`/api/outcomes/${f.id}`).set(as('esa')).expect(200)).body as OutcomeListItem;
  };

  it('attack 1: a verified figure edited after publication loses its verification and changes no public view; the story is flagged', async () => {
    const published = await publishNew('Nansana trains its watch');
    let outcome = await figureOutcome(published);
    if (!outcome.verifiedById) {
      outcome = (
        await t.http.patch(`/api/outcomes/${outcome.id}`).set(as('esa')).send({ version: outcome.version, verified: true }).expect(200)
      ).body as OutcomeListItem;
    }
    expect(outcome.verifiedById).toBeTruthy();
    const before = await publicViews(published.id);
    expect(outcome.value).toBe(150);
    expect(before.page.figures.some((f) => f.value === 150)).toBe(true);

    const edited = (
      await t.http
        .patch(`/api/outcomes/${outcome.id}`)
        .set(as('liaison'))
        .send({ version: outcome.version, value: 999999, description: 'Everyone in town trained' })
        .expect(200)
    ).body as OutcomeListItem;
    expect(edited.value).toBe(999999);
    expect(edited.verifiedById).toBeNull();
    expect(edited.verifiedAt).toBeNull();

    const after = await publicViews(published.id);
    expect(after.page).toEqual(before.page);
    expect(after.item).toEqual(before.item);
    for (const text of [after.md, after.html, after.staffHtml]) {
      expect(text).toContain('150');
      expect(text).not.toContain('999999');
      expect(text).not.toContain('999,999');
      expect(text).not.toContain('Everyone in town trained');
    }
    const flagged = await story(published.id);
    expect(flagged.figuresChangedAt).toBeTruthy();
    const listed = (await t.http.get(`/api/stories?pageSize=200`).set(as('esa')).expect(200)).body.items as StoryDetail[];
    expect(listed.find((s) => s.id === published.id)?.figuresChangedAt).toBeTruthy();
    const dashboard = (await t.http.get('/api/dashboard/stories').set(as('esa')).expect(200)).body as DashboardStories;
    expect(dashboard.figuresChanged.map((s) => s.id)).toContain(published.id);

    // Publishing a new revision takes the new figure and clears the flag; the page says it was updated.
    const revising = (await patch(published.id, { version: flagged.version, title: 'Nansana trains its watch (revised)' }).expect(200))
      .body as StoryDetail;
    expect(revising.status).toBe('draft');
    expect(revising.sensitivity.consentForNamedPeople).toBe(false);
    const confirmed = (await patch(published.id, { version: revising.version, sensitivity: checklist }).expect(200)).body as StoryDetail;
    await step(published.id, { to: 'in_review' }).expect(200);
    const read = await story(published.id, 'leadership');
    const republished = (await step(published.id, { to: 'published', version: read.version }, 'leadership').expect(200))
      .body as StoryDetail;
    expect(republished.figuresChangedAt).toBeNull();
    expect(confirmed.id).toBe(published.id);
    const now = await publicViews(published.id);
    expect(now.page.title).toBe('Nansana trains its watch (revised)');
    expect(now.page.revision).toBe(2);
    expect(now.page.updatedAt).toBeTruthy();
    // The list's item (written by the database) is the story's own page, `updatedAt` to the millisecond.
    expect(now.item).toEqual(now.page);
    expect(now.page.publishedAt).toBe(before.page.publishedAt);
    expect(now.page.figures.some((f) => f.value === 999999)).toBe(true);
    const history = (await t.http.get(`/api/stories/${published.id}/history`).set(as('esa')).expect(200)).body as HistoryEntry[];
    expect(history.filter((h) => h.action === 'publish')).toHaveLength(2);
  });

  it('attack 2: content swapped during review sends the story back; the publish of the version read is refused; nothing goes public', async () => {
    const draft = await draftFromCommitment(t, as('esa'), { language: 'en' });
    const ready = (await patch(draft.id, { version: draft.version, sensitivity: checklist }).expect(200)).body as StoryDetail;
    await step(ready.id, { to: 'in_review' }).expect(200);
    const read = await story(ready.id, 'leadership');
    expect(read.status).toBe('in_review');

    const swapped = (await patch(ready.id, { version: read.version, body: 'Jane Doe lives at 12 Elm Street, Nansana.' }).expect(200))
      .body as StoryDetail;
    expect(swapped.status).toBe('draft');
    expect(swapped.sensitivity).toMatchObject({
      consentForNamedPeople: false,
      noDetailsExposingIndividuals: false,
      cityAgreedToPublication: false,
    });
    expect(swapped.sensitivity.confirmedById).toBeNull();

    const refused = await step(ready.id, { to: 'published', version: read.version }, 'leadership').expect(409);
    expect(refused.body.message).toMatch(/changed after you opened it/);
    await step(ready.id, { to: 'published' }, 'leadership').expect(400);
    // The current version is still not publishable: the story is a draft again.
    await step(ready.id, { to: 'published', version: swapped.version }, 'leadership').expect(422);
    // And it cannot go back to review before a person confirms the checklist again.
    await step(ready.id, { to: 'in_review' }).expect(422);

    await t.http.get(`/api/public/stories/${ready.id}`).expect(404);
    await t.http.get(`/api/public/stories/${ready.id}/export.html`).expect(404);
    await t.http.get(`/api/public/stories/${ready.id}/export.md`).expect(404);
    const list = (await t.http.get(`/api/public/stories?pageSize=200`).expect(200)).body as PublicStoryList;
    expect(JSON.stringify(list)).not.toContain('Elm Street');

    const history = (await t.http.get(`/api/stories/${ready.id}/history`).set(as('esa')).expect(200)).body as HistoryEntry[];
    // The edit and the send-back are written in one transaction (same instant), so look the step up rather than rely on order.
    const back = history.find((h) => h.action === 'transition' && h.from === 'in_review' && h.to === 'draft');
    expect(back?.note).toMatch(/checklist must be confirmed again/);
  });

  it('attack 2 on a published story: a swapped revision never reaches the public until leadership publishes it', async () => {
    const published = await publishNew('Watch, first revision');
    const before = await publicViews(published.id);
    const s = await story(published.id);
    const revising = (
      await patch(published.id, { version: s.version, body: 'Jane Doe lives at 12 Elm Street.', sensitivity: checklist }).expect(200)
    ).body as StoryDetail;
    expect(revising.status).toBe('draft');
    const after = await publicViews(published.id);
    expect(after.page).toEqual(before.page);
    expect(after.md).toBe(before.md);
    expect(after.html).toBe(before.html);
    expect(after.md).not.toContain('Elm Street');
  });

  it('pages the public list: page and pageSize, the total, and pageSize at most 200', async () => {
    const all = (await t.http.get('/api/public/stories?pageSize=200').expect(200)).body as PublicStoryList;
    expect(all).toMatchObject({ page: 1, pageSize: 200 });
    expect(all.items).toHaveLength(all.total);
    const second = (await t.http.get('/api/public/stories?page=2&pageSize=3').expect(200)).body as PublicStoryList;
    expect(second).toMatchObject({ page: 2, pageSize: 3, total: all.total });
    expect(second.items.map((s) => s.id)).toEqual(all.items.slice(3, 6).map((s) => s.id));
    await t.http.get('/api/public/stories?pageSize=201').expect(400);
    await t.http.get('/api/public/stories?page=0').expect(400);
  });

  it('property: whatever staff do after publication, every public view equals the last approved snapshot', async () => {
    const published = await publishNew('Watch under pressure');
    const approved = await publicViews(published.id);
    const outcomeId = (await figureOutcome(published)).id;
    type Action =
      | { kind: 'title' | 'body'; text: string }
      | { kind: 'figure'; value: number }
      | { kind: 'checklist' }
      | { kind: 'review' }
      | { kind: 'sendBack' }
      | { kind: 'staleFigure' };
    const action: fc.Arbitrary<Action> = fc.oneof(
      fc.record({
        kind: fc.constantFrom('title' as const, 'body' as const),
        text: fc.string({ minLength: 1, maxLength: 40 }).filter((x) => !!x.trim()),
      }),
      fc.record({ kind: fc.constant('figure' as const), value: fc.integer({ min: 0, max: 10_000_000 }) }),
      fc.constant({ kind: 'checklist' as const }),
      fc.constant({ kind: 'review' as const }),
      fc.constant({ kind: 'sendBack' as const }),
      fc.constant({ kind: 'staleFigure' as const }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 6 }), async (actions) => {
        for (const a of actions) {
          const s = await story(published.id);
          if (a.kind === 'title' || a.kind === 'body') await patch(s.id, { version: s.version, [a.kind]: a.text });
          else if (a.kind === 'checklist') await patch(s.id, { version: s.version, sensitivity: checklist });
          else if (a.kind === 'review') await step(s.id, { to: 'in_review' });
          else if (a.kind === 'sendBack') await step(s.id, { to: 'draft', note: 'Again.' }, 'leadership');
          else {
            const o = (await t.http.get(`/api/outcomes/${outcomeId}`).set(as('esa'))).body as OutcomeListItem;
            const value = a.kind === 'figure' ? a.value : (o.value ?? 0) + 1;
            await t.http.patch(`/api/outcomes/${outcomeId}`).set(as('liaison')).send({ version: o.version, value });
          }
          // Leadership publishing a version it did not read is always refused.
          const now = await story(published.id);
          await step(published.id, { to: 'published', version: now.version - 1 }, 'leadership').expect((r) =>
            expect([409, 422]).toContain(r.status),
          );
        }
        const views = await publicViews(published.id);
        expect(views.page).toEqual(approved.page);
        expect(views.item).toEqual(approved.item);
        expect(views.md).toBe(approved.md);
        expect(views.html).toBe(approved.html);
      }),
      { numRuns: 12, seed: 11 },
    );
  }, 300_000);
});
