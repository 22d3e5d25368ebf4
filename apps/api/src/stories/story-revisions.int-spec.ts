import type { ApiError, StoryDetail, StoryRevisionDetail, StoryRevisionList } from '@impact/contracts';
import { draftFromCommitment } from '../../test/story-drafts';
import { createTestApp, type TestApp } from '../../test/test-app';
import { demoSignIn } from '../../test/demo-sign-in';

/** The story desk reads every frozen revision of a story, in the story's read scope only. */
describe('story revisions', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${token[who]}` });
  const checklist = { consentForNamedPeople: true, noDetailsExposingIndividuals: true, cityAgreedToPublication: true };

  beforeAll(async () => {
    t = await createTestApp({ demo: true, docs: false });
    for (const [who, email] of Object.entries({
      esa: 'esa.manager@impact.test',
      leadership: 'leadership@impact.test',
      nansana: 'nansana.liaison@impact.test',
      strasbourg: 'strasbourg.liaison@impact.test',
      danilovgrad: 'danilovgrad.liaison@impact.test',
      mena: 'mena.manager@impact.test',
    })) {
      token[who] = (await demoSignIn(t.http, email)).accessToken;
    }
  }, 120_000);
  afterAll(() => t?.close());

  const get = async (id: string, who = 'esa') => (await t.http.get(`/api/stories/${id}`).set(as(who)).expect(200)).body as StoryDetail;
  const patch = async (id: string, body: object) =>
    (await t.http.patch(`/api/stories/${id}`).set(as('esa')).send(body).expect(200)).body as StoryDetail;
  const step = (id: string, body: object, who = 'esa') => t.http.post(`/api/stories/${id}/transitions`).set(as(who)).send(body).expect(200);
  /** Checklist, review, and leadership publishing the version it read. */
  const publish = async (id: string) => {
    const s = await get(id);
    await patch(id, { version: s.version, sensitivity: checklist });
    await step(id, { to: 'in_review' });
    await step(id, { to: 'published', version: (await get(id, 'leadership')).version }, 'leadership');
  };
  const revisions = async (id: string, who = 'esa') =>
    (await t.http.get(`/api/stories/${id}/revisions`).set(as(who)).expect(200)).body as StoryRevisionList;

  let storyId = '';

  beforeAll(async () => {
    const draft = await draftFromCommitment(t, as('esa'), { language: 'en' });
    storyId = draft.id;
    await patch(storyId, { version: draft.version, title: 'Nansana watches', body: 'The first approved words.' });
  });

  it('a story never published has no revisions; each publication adds one, oldest first, the newest current', async () => {
    expect(await revisions(storyId)).toEqual({ items: [] });

    await publish(storyId);
    const first = await revisions(storyId);
    expect(first.items).toEqual([
      {
        revision: 1,
        publishedAt: expect.any(String),
        publishedBy: 'Lena Leadership',
        title: 'Nansana watches',
        language: 'en',
        current: true,
      },
    ]);

    // Editing the published story starts a draft revision: nothing new is frozen until it is published.
    const live = await get(storyId);
    await patch(storyId, { version: live.version, title: 'Nansana watches, again', body: 'The second approved words.' });
    expect((await revisions(storyId)).items).toHaveLength(1);

    await publish(storyId);
    const both = await revisions(storyId);
    expect(both.items.map((r) => [r.revision, r.title, r.current])).toEqual([
      [1, 'Nansana watches', false],
      [2, 'Nansana watches, again', true],
    ]);
    expect(Date.parse(both.items[1].publishedAt)).toBeGreaterThanOrEqual(Date.parse(both.items[0].publishedAt));
  });

  it('one revision answers its frozen snapshot, whatever the story says now', async () => {
    const live = await get(storyId);
    await patch(storyId, { version: live.version, body: 'An unpublished third text.' });

    const one = (await t.http.get(`/api/stories/${storyId}/revisions/1`).set(as('esa')).expect(200)).body as StoryRevisionDetail;
    expect(one).toMatchObject({ revision: 1, current: false, title: 'Nansana watches', publishedBy: 'Lena Leadership' });
    expect(one.snapshot).toMatchObject({ id: storyId, title: 'Nansana watches', body: 'The first approved words.', language: 'en' });
    expect(one.snapshot.bodyHtml).toBe('<p>The first approved words.</p>\n');
    expect(one.snapshot.cities.map((c) => c.name)).toContain('Nansana');

    const two = (await t.http.get(`/api/stories/${storyId}/revisions/2`).set(as('nansana')).expect(200)).body as StoryRevisionDetail;
    expect(two).toMatchObject({ revision: 2, current: true });
    expect(two.snapshot.body).toBe('The second approved words.');
    expect((await get(storyId)).body).toBe('An unpublished third text.');
  });

  it('an unknown revision is a 404, a revision that is not a whole number a 400 naming it', async () => {
    for (const revision of ['3', '0', '-1', '99999999999']) {
      await t.http.get(`/api/stories/${storyId}/revisions/${revision}`).set(as('esa')).expect(404);
    }
    for (const revision of ['one', '1.5', '2x', '1e3', '0x10', '+1']) {
      const res = await t.http.get(`/api/stories/${storyId}/revisions/${encodeURIComponent(revision)}`).set(as('esa'));
      expect([revision, res.status]).toEqual([revision, 400]);
      expect((res.body as ApiError).details).toEqual([expect.objectContaining({ field: 'revision' })]);
    }
    await t.http.get('/api/stories/00000000-0000-4000-8000-000000000000/revisions').set(as('esa')).expect(404);
  });

  it('outside the story’s read scope both routes are 404; without sign-in 401', async () => {
    for (const who of ['strasbourg', 'danilovgrad']) {
      await t.http.get(`/api/stories/${storyId}/revisions`).set(as(who)).expect(404);
      await t.http.get(`/api/stories/${storyId}/revisions/1`).set(as(who)).expect(404);
    }
    expect((await revisions(storyId, 'nansana')).items).toHaveLength(2);
    expect((await revisions(storyId, 'leadership')).items).toHaveLength(2);
    // Hub managers read every story (the permission table), so another hub's manager reads them too.
    expect((await revisions(storyId, 'mena')).items).toHaveLength(2);
    await t.http.get(`/api/stories/${storyId}/revisions`).expect(401);
    await t.http.get(`/api/stories/${storyId}/revisions/1`).expect(401);
  });
});
