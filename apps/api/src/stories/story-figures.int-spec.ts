import type { ApiError, PublicStory, StoryDetail } from '@impact/contracts';
import { createStory, draftFromCommitment } from '../../test/story-drafts';
import { createTestApp, type TestApp } from '../../test/test-app';
import { demoSignIn } from '../../test/demo-sign-in';

/** A story words the figures it cites in its own language; it goes to review only when every figure line does. */
describe('figures in the story’s language', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${token[who]}` });
  const checklist = { consentForNamedPeople: true, noDetailsExposingIndividuals: true, cityAgreedToPublication: true };
  let storyId = '';
  let outcomeId = '';

  beforeAll(async () => {
    t = await createTestApp({ demo: true, docs: false });
    token.esa = (await demoSignIn(t.http, 'esa.manager@impact.test')).accessToken;
    token.leadership = (await demoSignIn(t.http, 'leadership@impact.test')).accessToken;
    const draft = await draftFromCommitment(t, as('esa'), { language: 'ar' });
    storyId = draft.id;
    // The record's figure, typed in English: 150 people trained.
    outcomeId = draft.outcomes.find((o) => o.value === 150)?.id ?? '';
    expect(outcomeId).not.toBe('');
    await patch({ version: draft.version, sensitivity: checklist });
  }, 120_000);
  afterAll(() => t?.close());

  const get = async (who = 'esa') => (await t.http.get(`/api/stories/${storyId}`).set(as(who)).expect(200)).body as StoryDetail;
  const patch = async (body: object) =>
    (await t.http.patch(`/api/stories/${storyId}`).set(as('esa')).send(body).expect(200)).body as StoryDetail;
  const step = (body: object, who = 'esa') => t.http.post(`/api/stories/${storyId}/transitions`).set(as(who)).send(body);

  it('an Arabic story whose figure line is still in English cannot go to review; the refusal names the line', async () => {
    const res = await step({ to: 'in_review' }).expect(422);
    expect((res.body as ApiError).message).toContain('Word every cited figure in the story’s language');
    expect((res.body as ApiError).message).toContain('Municipal officials, community leaders and young people');
    expect((await get()).status).toBe('draft');
  });

  it('refuses a wording without its line, naming the field, and writes nothing', async () => {
    const before = await get();
    const res = await t.http
      .patch(`/api/stories/${storyId}`)
      .set(as('esa'))
      .send({ version: before.version, figureWording: { [outcomeId]: { unit: 'شخصًا', description: '   ' } } })
      .expect(400);
    expect(((res.body as ApiError).details as { field: string }[]).map((d) => d.field)).toEqual([`figureWording.${outcomeId}.description`]);
    const after = await get();
    expect(after.version).toBe(before.version);
    expect(after.figureWording).toEqual({});
    await t.http.patch(`/api/stories/${storyId}`).set(as('esa')).send({ version: before.version, figureWording: [] }).expect(400);
  });

  it('worded in Arabic (the number stays the record’s), it goes to review; wording of a figure not cited is dropped', async () => {
    const s = await get();
    const stray = '00000000-0000-4000-8000-000000000000';
    const saved = await patch({
      version: s.version,
      figureWording: {
        [outcomeId]: { unit: ' شخصًا مدرَّبًا ', description: 'موظفو البلدية وقادة المجتمع والشباب' },
        [stray]: { unit: null, description: 'لا يُستشهد به' },
      },
    });
    expect(saved.figureWording).toEqual({ [outcomeId]: { unit: 'شخصًا مدرَّبًا', description: 'موظفو البلدية وقادة المجتمع والشباب' } });
    // The record keeps its own words.
    expect(saved.outcomes.find((o) => o.id === outcomeId)).toMatchObject({ value: 150, unit: 'people trained' });
    await step({ to: 'in_review' }).expect(200);
  });

  it('leadership publishes it; the public page shows the figure in the story’s words and keeps them', async () => {
    await step({ to: 'published', version: (await get('leadership')).version }, 'leadership').expect(200);
    const pub = (await t.http.get(`/api/public/stories/${storyId}`).expect(200)).body as PublicStory;
    expect(pub.figures).toContainEqual(
      expect.objectContaining({ value: 150, unit: 'شخصًا مدرَّبًا', description: 'موظفو البلدية وقادة المجتمع والشباب' }),
    );
    // The hub carries its names, so the public pages name it in the reader's language.
    expect(pub.hub.names).toMatchObject({ ar: 'شرق وجنوب أفريقيا', en: 'East & Southern Africa' });
    const html = (await t.http.get(`/api/public/stories/${storyId}/export.html`).expect(200)).text;
    // The export's figures section words it the story's way (the drafted body is the author's own text).
    const section = /<ul class="figures">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
    expect(section).toContain('موظفو البلدية وقادة المجتمع والشباب');
    expect(section).not.toContain('Municipal officials');
  });

  it('changing a figure’s wording is a content change: a story in review goes back to draft', async () => {
    const other = await createStory(t, as('esa'), {
      title: 'قصة قصيرة',
      category: 'peer_learning',
      language: 'ar',
      body: 'نص',
      outcomeIds: [outcomeId],
      hubId: (await get()).hubId,
    });
    expect(other.id).toBeDefined();
    const wording = { [outcomeId]: { unit: 'شخصًا', description: 'تدريب' } };
    let s = (
      await t.http
        .patch(`/api/stories/${other.id}`)
        .set(as('esa'))
        .send({ version: other.version, sensitivity: checklist, figureWording: wording })
        .expect(200)
    ).body as StoryDetail;
    await t.http.post(`/api/stories/${other.id}/transitions`).set(as('esa')).send({ to: 'in_review' }).expect(200);
    s = (await t.http.get(`/api/stories/${other.id}`).set(as('esa')).expect(200)).body as StoryDetail;
    const back = (
      await t.http
        .patch(`/api/stories/${other.id}`)
        .set(as('esa'))
        .send({ version: s.version, figureWording: { [outcomeId]: { unit: 'شخصًا', description: 'تدريب البلدية' } } })
        .expect(200)
    ).body as StoryDetail;
    expect(back.status).toBe('draft');
    expect(back.sensitivity.consentForNamedPeople).toBe(false);
  });
});
