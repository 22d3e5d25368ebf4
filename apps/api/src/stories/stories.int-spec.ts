import type { PublicStory, PublicStoryList, StoryDetail, StoryListItem, Page, HistoryEntry } from '@impact/contracts';
import { createStory } from '../../test/story-drafts';
import { createTestApp, type TestApp } from '../../test/test-app';
import { demoSignIn } from '../../test/demo-sign-in';

describe('impact stories', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${token[who]}` });
  const one = async (sql: string, params: unknown[] = []) => ((await t.dataSource.query(sql, params)) as { id: string }[])[0].id;
  const auditCount = async (id: string) =>
    Number((await t.dataSource.query(`SELECT count(*) AS n FROM audit_log WHERE entity = 'story' AND entity_id = $1`, [id]))[0].n);

  beforeAll(async () => {
    t = await createTestApp({ demo: true, docs: false });
    for (const [who, email] of Object.entries({
      esa: 'esa.manager@impact.test',
      balkans: 'balkans.manager@impact.test',
      leadership: 'leadership@impact.test',
      liaison: 'nansana.liaison@impact.test',
      admin: 'admin@impact.test',
    })) {
      token[who] = (await demoSignIn(t.http, email)).accessToken;
    }
  }, 120_000);
  afterAll(() => t?.close());

  const draftNansanaWatch = async (language = 'en') => {
    const commitmentId = await one(`SELECT id FROM commitments WHERE title = 'Neighbourhood Watch as an early-warning mechanism'`);
    const res = await t.http.post(`/api/stories/draft-from-commitment/${commitmentId}`).set(as('esa')).send({ language }).expect(201);
    return { story: res.body as StoryDetail, commitmentId };
  };

  const confirmChecklist = async (s: StoryDetail, who = 'esa') =>
    (
      await t.http
        .patch(`/api/stories/${s.id}`)
        .set(as(who))
        .send({
          version: s.version,
          sensitivity: { consentForNamedPeople: true, noDetailsExposingIndividuals: true, cityAgreedToPublication: true },
        })
        .expect(200)
    ).body as StoryDetail;

  it('drafts from a commitment chain: links every record and tells the outcome figures', async () => {
    const { story, commitmentId } = await draftNansanaWatch();
    expect(story.status).toBe('draft');
    expect(story.category).toBe('multi_actor');
    expect(story.commitmentIds).toEqual([commitmentId]);
    const nansana = await one(`SELECT id FROM cities WHERE name = 'Nansana'`);
    const capeTown = await one(`SELECT id FROM cities WHERE name = 'Cape Town'`);
    expect(story.cityIds).toEqual(expect.arrayContaining([nansana, capeTown]));
    const visit = await one(
      `SELECT id FROM engagements WHERE title = (SELECT e.title FROM engagements e JOIN commitment_engagements ce ON ce.engagement_id = e.id WHERE ce.commitment_id = $1 LIMIT 1)`,
      [commitmentId],
    );
    expect(story.engagementIds).toContain(visit);
    const outcomes: { id: string }[] = await t.dataSource.query(`SELECT id FROM outcomes WHERE commitment_id = $1`, [commitmentId]);
    expect(story.outcomeIds.sort()).toEqual(outcomes.map((o) => o.id).sort());
    expect(story.outcomes.some((o) => o.value === 150)).toBe(true);
    // A narrative, not a dump of fields: the city, the host, the partner, the training done and the figure.
    expect(story.body).toContain('Nansana');
    expect(story.body).toContain('hosted by Cape Town');
    expect(story.body).toContain('Stellenbosch');
    expect(story.body).toContain('Neighbourhood Watch training with Stellenbosch');
    expect(story.body).toMatch(/\*\*150 people trained\*\*/);
    expect(story.authorId).toBeTruthy();
    expect(await auditCount(story.id)).toBe(1);
  });

  it('drafts in the story language (Arabic, French, Spanish templates)', async () => {
    const ar = (await draftNansanaWatch('ar')).story;
    expect(ar.language).toBe('ar');
    expect(ar.body).toContain('النتائج');
    expect(ar.body).toContain('150');
    const fr = (await draftNansanaWatch('fr')).story;
    expect(fr.body).toContain('Résultats');
    const es = (await draftNansanaWatch('es')).story;
    expect(es.body).toContain('Resultados');
  });

  it('refuses to draft from a commitment outside the manager’s hub or not yet started', async () => {
    const danilovgrad = await one(`SELECT id FROM commitments WHERE title = 'Local Safety Council'`);
    await t.http.post(`/api/stories/draft-from-commitment/${danilovgrad}`).set(as('esa')).send({}).expect(403);
    const pledged = await one(`SELECT id FROM commitments WHERE status = 'pledged' ORDER BY title LIMIT 1`);
    await t.http.post(`/api/stories/draft-from-commitment/${pledged}`).set(as('leadership')).send({}).expect(403);
    await t.http.post(`/api/stories/draft-from-commitment/${pledged}`).set(as('admin')).send({}).expect(422);
  });

  it('requires the sensitivity checklist before review, and records who confirmed it and when', async () => {
    const { story } = await draftNansanaWatch();
    const refused = await t.http.post(`/api/stories/${story.id}/transitions`).set(as('esa')).send({ to: 'in_review' }).expect(422);
    expect(refused.body.message).toMatch(/checklist/i);
    const partial = (
      await t.http
        .patch(`/api/stories/${story.id}`)
        .set(as('esa'))
        .send({ version: story.version, sensitivity: { consentForNamedPeople: true, noDetailsExposingIndividuals: true } })
        .expect(200)
    ).body as StoryDetail;
    await t.http.post(`/api/stories/${story.id}/transitions`).set(as('esa')).send({ to: 'in_review' }).expect(422);
    const confirmed = await confirmChecklist(partial);
    expect(confirmed.sensitivity.cityAgreedToPublication).toBe(true);
    expect(confirmed.sensitivity.confirmedById).toBeTruthy();
    expect(confirmed.sensitivity.confirmedAt).toBeTruthy();
    expect(confirmed.confirmedByName).toBeTruthy();
    await t.http.post(`/api/stories/${story.id}/transitions`).set(as('esa')).send({ to: 'in_review' }).expect(200);
  });

  it('lets only leadership publish; a send-back needs a reason the author sees; history keeps every step', async () => {
    const { story } = await draftNansanaWatch();
    await confirmChecklist(story);
    await t.http.post(`/api/stories/${story.id}/transitions`).set(as('esa')).send({ to: 'in_review' }).expect(200);
    await t.http.post(`/api/stories/${story.id}/transitions`).set(as('esa')).send({ to: 'published' }).expect(403);
    await t.http.post(`/api/stories/${story.id}/transitions`).set(as('liaison')).send({ to: 'published' }).expect(403);
    await t.http.post(`/api/stories/${story.id}/transitions`).set(as('leadership')).send({ to: 'draft' }).expect(400);
    const back = (
      await t.http
        .post(`/api/stories/${story.id}/transitions`)
        .set(as('leadership'))
        .send({ to: 'draft', note: 'Name the partner municipality.' })
        .expect(200)
    ).body as StoryDetail;
    expect(back.status).toBe('draft');
    const seen = (await t.http.get(`/api/stories/${story.id}`).set(as('esa')).expect(200)).body as StoryDetail;
    expect(seen.sentBackNote).toBe('Name the partner municipality.');
    await t.http.post(`/api/stories/${story.id}/transitions`).set(as('esa')).send({ to: 'in_review' }).expect(200);
    await t.http.post(`/api/stories/${story.id}/transitions`).set(as('leadership')).send({ to: 'archived' }).expect(200);
    const { story: second } = await draftNansanaWatch();
    await confirmChecklist(second);
    await t.http.post(`/api/stories/${second.id}/transitions`).set(as('esa')).send({ to: 'in_review' }).expect(200);
    const published = (
      await t.http
        .post(`/api/stories/${second.id}/transitions`)
        .set(as('leadership'))
        .send({ to: 'published', version: (await t.http.get(`/api/stories/${second.id}`).set(as('leadership'))).body.version })
        .expect(200)
    ).body as StoryDetail;
    expect(published.status).toBe('published');
    expect(published.approvedById).toBeTruthy();
    expect(published.publishedAt).toBeTruthy();
    await t.http.post(`/api/stories/${second.id}/transitions`).set(as('leadership')).send({ to: 'draft', note: 'x' }).expect(422);
    // An edit after publication starts the next revision: a draft again, the published one still public.
    const revising = (
      await t.http.patch(`/api/stories/${second.id}`).set(as('esa')).send({ version: published.version, title: 'Late edit' }).expect(200)
    ).body as StoryDetail;
    expect(revising.status).toBe('draft');
    expect((await t.http.get(`/api/public/stories/${second.id}`).expect(200)).body.title).toBe(published.title);

    const history = (await t.http.get(`/api/stories/${story.id}/history`).set(as('esa')).expect(200)).body as HistoryEntry[];
    expect(history.map((h) => h.action)).toEqual(['create', 'update', 'transition', 'transition', 'transition', 'archive']);
    expect(history[3]).toMatchObject({ from: 'in_review', to: 'draft', note: 'Name the partner municipality.' });
    expect(history[0].actorName).toBeTruthy();
  });

  it('refuses a stale version with 409 and the current story, writing nothing', async () => {
    const { story } = await draftNansanaWatch();
    const first = (
      await t.http.patch(`/api/stories/${story.id}`).set(as('esa')).send({ version: story.version, title: 'First title' }).expect(200)
    ).body as StoryDetail;
    const before = await auditCount(story.id);
    const stale = await t.http
      .patch(`/api/stories/${story.id}`)
      .set(as('esa'))
      .send({ version: story.version, title: 'Second title' })
      .expect(409);
    expect(stale.body.details.current).toMatchObject({ id: story.id, title: 'First title', version: first.version });
    expect(await auditCount(story.id)).toBe(before);
  });

  it('writes one audit row per write, with the changes', async () => {
    const cityId = await one(`SELECT id FROM cities WHERE name = 'Masaka'`);
    const created = await createStory(t, as('esa'), {
      title: 'Masaka listens to its young people',
      category: 'youth',
      cityIds: [cityId],
      body: 'Draft.',
      quotes: [{ text: 'We were heard.', attribution: 'A youth council member' }],
    });
    expect(await auditCount(created.id)).toBe(1);
    const edited = (
      await t.http
        .patch(`/api/stories/${created.id}`)
        .set(as('esa'))
        .send({ version: created.version, body: 'A longer draft.', quotes: [] })
        .expect(200)
    ).body as StoryDetail;
    expect(edited.quotes).toEqual([]);
    const [row] = await t.dataSource.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'update'`, [created.id]);
    expect(Object.keys(row.changes).sort()).toEqual(['body', 'quotes']);
    await t.http.delete(`/api/stories/${created.id}`).set(as('esa')).expect(204);
    expect(await auditCount(created.id)).toBe(3);
    await t.http.get(`/api/stories/${created.id}`).set(as('esa')).expect(404);
  });

  it('links language versions as translations of one story, one per language', async () => {
    const { story } = await draftNansanaWatch();
    const fr = await createStory(t, as('esa'), {
      title: 'Version française',
      category: story.category,
      cityIds: story.cityIds,
      language: 'fr',
      translationOf: story.id,
    });
    expect(fr.translationOf).toBe(story.id);
    expect(fr.translations.map((x) => x.id)).toEqual([story.id]);
    await t.http
      .post('/api/stories')
      .set(as('esa'))
      .send({ title: 'Encore', category: 'youth', cityIds: story.cityIds, language: 'fr', translationOf: story.id })
      .expect(409);
    const original = (await t.http.get(`/api/stories/${story.id}`).set(as('esa')).expect(200)).body as StoryDetail;
    expect(original.translations).toEqual([expect.objectContaining({ id: fr.id, language: 'fr' })]);
  });

  it('lists with filters and scope in SQL: a liaison sees only its cities’ stories', async () => {
    const published = (
      await t.http.get('/api/stories?status=published&category=national_local&pageSize=200').set(as('leadership')).expect(200)
    ).body as Page<StoryListItem>;
    expect(published.items.length).toBeGreaterThanOrEqual(4);
    expect(published.items.every((s) => s.status === 'published' && s.category === 'national_local')).toBe(true);
    const nansana = await one(`SELECT id FROM cities WHERE name = 'Nansana'`);
    const mine = (await t.http.get('/api/stories?pageSize=200').set(as('liaison')).expect(200)).body as Page<StoryListItem>;
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((s) => s.cityIds.includes(nansana))).toBe(true);
    // Exactly the live Arabic stories (leadership reads all): an empty answer or one that ignores the filter fails.
    const arabic = (await t.http.get('/api/stories?language=ar&pageSize=200').set(as('leadership')).expect(200))
      .body as Page<StoryListItem>;
    const arabicIds: { id: string }[] = await t.dataSource.query(`SELECT id FROM stories WHERE language = 'ar' AND archived_at IS NULL`);
    expect(arabicIds.length).toBeGreaterThan(0);
    expect(arabic.items.map((s) => s.id).sort()).toEqual(arabicIds.map((r) => r.id).sort());
    expect(arabic.total).toBe(arabicIds.length);
    expect(arabic.items.every((s) => s.language === 'ar')).toBe(true);
    const q = (await t.http.get('/api/stories?q=Utøya').set(as('leadership')).expect(200)).body as Page<StoryListItem>;
    expect(q.items.map((s) => s.title)).toContain('Highland Park learns from Oslo how a city remembers');
  });

  it('publishes only published stories, with no personal or internal data', async () => {
    const list = (await t.http.get('/api/public/stories').expect(200)).body as PublicStoryList;
    expect(list.total).toBeGreaterThanOrEqual(15);
    // Every listed story has a published revision (a later draft revision may be under way).
    const revised: { id: string }[] = await t.dataSource.query(
      `SELECT story_id AS id FROM story_revisions WHERE current AND story_id = ANY($1::uuid[])`,
      [list.items.map((s) => s.id)],
    );
    expect(revised).toHaveLength(list.items.length);
    const drafts: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM stories s WHERE NOT EXISTS (SELECT 1 FROM story_revisions r WHERE r.story_id = s.id)`,
    );
    expect(drafts.length).toBeGreaterThan(0);
    for (const d of drafts.slice(0, 5)) await t.http.get(`/api/public/stories/${d.id}`).expect(404);

    const users: { id: string; email: string; name: string }[] = await t.dataSource.query(
      `SELECT id, email::text AS email, name FROM users`,
    );
    const json = JSON.stringify(list);
    for (const u of users) {
      expect(json).not.toContain(u.id);
      expect(json).not.toContain(u.email);
      expect(json).not.toContain(u.name);
    }
    expect(json).not.toMatch(/@impact\.test|sensitivity|authorId|approvedById|confirmed|"note"|sentBack|"version"|"status"/);
    for (const key of [
      'id',
      'title',
      'category',
      'language',
      'hub',
      'cities',
      'summary',
      'body',
      'bodyHtml',
      'quotes',
      'figures',
      'publishedAt',
      'updatedAt',
      'revision',
      'translations',
    ]) {
      expect(Object.keys(list.items[0])).toContain(key);
    }
    expect(Object.keys(list.items[0])).toHaveLength(15);

    const cat = (await t.http.get('/api/public/stories?category=youth&language=en').expect(200)).body as PublicStoryList;
    expect(cat.items.length).toBeGreaterThanOrEqual(2);
    expect(cat.items.every((s) => s.category === 'youth' && s.language === 'en')).toBe(true);
    const nansana = await one(`SELECT id FROM cities WHERE name = 'Nansana'`);
    const byCity = (await t.http.get(`/api/public/stories?cityId=${nansana}`).expect(200)).body as PublicStoryList;
    // Exactly the published stories linked to Nansana: an empty answer or one that ignores the filter fails.
    const nansanaPublished: { id: string }[] = await t.dataSource.query(
      `SELECT s.id FROM stories s JOIN story_revisions r ON r.story_id = s.id AND r.current WHERE $1 = ANY(r.city_ids) AND s.archived_at IS NULL`,
      [nansana],
    );
    expect(nansanaPublished.length).toBeGreaterThan(0);
    expect(byCity.items.map((s) => s.id).sort()).toEqual(nansanaPublished.map((r) => r.id).sort());
    expect(byCity.items.every((s) => s.cities.some((c) => c.id === nansana))).toBe(true);
  });

  it('serves a public story with its figures and its published language versions; exports escape what people wrote', async () => {
    const ar = (await t.http.get('/api/public/stories?language=ar').expect(200)).body as PublicStoryList;
    expect(ar.items.length).toBeGreaterThanOrEqual(2);
    const nansanaAr = ar.items.find((s) => s.cities.some((c) => c.name === 'Nansana') && s.category === 'multi_actor') as PublicStory;
    const story = (await t.http.get(`/api/public/stories/${nansanaAr.id}`).expect(200)).body as PublicStory;
    expect(story.translations.map((x) => x.language).sort()).toEqual(['en', 'fr']);

    const en = (await t.http.get(`/api/public/stories/${story.translations.find((x) => x.language === 'en')?.id}`).expect(200))
      .body as PublicStory;
    expect(en.figures.some((f) => f.value === 150)).toBe(true);

    // A story with hostile text: the HTML export escapes it all.
    const cityId = await one(`SELECT id FROM cities WHERE name = 'Nansana'`);
    const created = await createStory(t, as('esa'), {
      title: '<script>alert(1)</script> title',
      category: 'youth',
      cityIds: [cityId],
      body: 'Hello <img src=x onerror=alert(1)> [click](javascript:alert(2))',
      quotes: [{ text: '<b>bold</b>', attribution: '<i>me</i>' }],
    });
    const html = await t.http.get(`/api/stories/${created.id}/export.html`).set(as('esa')).expect(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.text).not.toMatch(/<script>|<img|<b>|<i>|href="javascript/);
    expect(html.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; title');
    const md = await t.http.get(`/api/stories/${created.id}/export.md`).set(as('esa')).expect(200);
    expect(md.headers['content-type']).toMatch(/text\/markdown/);
    expect(md.text).toContain('Hello');
    await t.http.get(`/api/public/stories/${created.id}/export.html`).expect(404);
    const pub = await t.http.get(`/api/public/stories/${nansanaAr.id}/export.html`).expect(200);
    expect(pub.text).toContain('dir="rtl"');
    // The Arabic title is transliterated into a readable file name, not the `story` fallback.
    expect(pub.headers['content-disposition']).toMatch(/^inline; filename="[a-z0-9-]+\.html"$/);
    expect(pub.headers['content-disposition']).not.toBe('inline; filename="story.html"');
  });
});
