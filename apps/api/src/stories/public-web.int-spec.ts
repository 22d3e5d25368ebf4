import type { PublicStory, PublicStoryList, StoryDetail } from '@impact/contracts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { draftFromCommitment } from '../../test/story-drafts';
import { createTestApp, type TestApp } from '../../test/test-app';
import { demoSignIn } from '../../test/demo-sign-in';

const PUBLIC_URL = 'https://impact.example.org';
const NEVER_PUBLISHED = `SELECT id FROM stories s WHERE NOT EXISTS (SELECT 1 FROM story_revisions r WHERE r.story_id = s.id) LIMIT 1`;

/** The public face outside /api: the Atom feeds, the sitemap and the story pages' heads, all from the published snapshots. */
describe('public feed, sitemap and story pages', () => {
  let t: TestApp;
  let webDist: string;
  let indexHtml: string;
  const token: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${token[who]}` });
  const checklist = { consentForNamedPeople: true, noDetailsExposingIndividuals: true, cityAgreedToPublication: true };

  beforeAll(async () => {
    // A small web dist: the real index.html source, as the SPA fallback serves it.
    webDist = mkdtempSync(join(tmpdir(), 'impact-web-'));
    indexHtml = readFileSync(join(__dirname, '../../../web/src/index.html'), 'utf8');
    writeFileSync(join(webDist, 'index.html'), indexHtml);
    t = await createTestApp({ demo: true, docs: false, serveWeb: true, env: { WEB_DIST: webDist, PUBLIC_URL } });
    token.esa = (await demoSignIn(t.http, 'esa.manager@impact.test')).accessToken;
    token.leadership = (await demoSignIn(t.http, 'leadership@impact.test')).accessToken;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  const publicList = async (query = '') =>
    ((await t.http.get(`/api/public/stories?pageSize=200${query}`).expect(200)).body as PublicStoryList).items;
  const entries = (xml: string) => [...xml.matchAll(/<entry>[\s\S]*?<\/entry>/g)].map((m) => m[0]);
  const entryIds = (xml: string) => entries(xml).map((e) => /<id>([^<]+)<\/id>/.exec(e)?.[1]);
  const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  /** Plain text as the feed's `type="html"` fields carry it. */
  const esc = (text: string) => text.replace(/[&<>"']/g, (c) => ESC[c]);
  /** The HTML in a `type="html"` element: its CDATA sections joined (any text outside them fails). */
  const htmlOf = (entry: string, element: string) => {
    const inner = new RegExp(`<${element} type="html">([\\s\\S]*?)</${element}>`).exec(entry)?.[1] ?? '';
    const outsideCdata = inner.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
    if (outsideCdata.trim()) throw new Error(`text outside CDATA in <${element}>: ${outsideCdata}`);
    return [...inner.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((m) => m[1]).join('');
  };
  /** What a feed reader shows of it as text: entities decoded. */
  const readHtmlText = (entry: string, element: string) =>
    htmlOf(entry, element).replace(/&(amp|lt|gt|quot|#39);/g, (e) => Object.entries(ESC).find(([, v]) => v === e)?.[0] ?? e);

  /** A new story taken to publication by leadership (reading the version it publishes). */
  /** `summary` is the body's first paragraph, which the public summary is drawn from. */
  const publishNew = async (title: string, summary: string): Promise<StoryDetail> => {
    const draft = await draftFromCommitment(t, as('esa'), { language: 'en' });
    await t.http
      .patch(`/api/stories/${draft.id}`)
      .set(as('esa'))
      .send({ version: draft.version, title, body: summary, sensitivity: checklist })
      .expect(200);
    await t.http.post(`/api/stories/${draft.id}/transitions`).set(as('esa')).send({ to: 'in_review' }).expect(200);
    const read = (await t.http.get(`/api/stories/${draft.id}`).set(as('leadership')).expect(200)).body as StoryDetail;
    return (
      await t.http
        .post(`/api/stories/${draft.id}/transitions`)
        .set(as('leadership'))
        .send({ to: 'published', version: read.version })
        .expect(200)
    ).body as StoryDetail;
  };

  it('the Atom feed lists every published story, newest first, with links on PUBLIC_URL', async () => {
    const published = await publicList();
    expect(published.length).toBeGreaterThan(1);
    const res = await t.http.get('/stories/feed.xml').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
    expect(res.text).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(res.text).toContain(`<link rel="self" href="${PUBLIC_URL}/stories/feed.xml"/>`);
    expect(entryIds(res.text)).toEqual(published.slice(0, 50).map((s) => `${PUBLIC_URL}/stories/${s.id}`));
    const first = entries(res.text)[0];
    expect(first).toContain(`<title type="html"><![CDATA[${esc(published[0].title)}]]></title>`);
    expect(first).toContain(`<summary type="html"><![CDATA[${esc(published[0].summary)}]]></summary>`);
  });

  it('one feed per language with ?language=, and an unknown language is a 400 naming the field', async () => {
    for (const language of ['en', 'fr', 'ar', 'es']) {
      const expected = await publicList(`&language=${language}`);
      const xml = (await t.http.get(`/stories/feed.xml?language=${language}`).expect(200)).text;
      expect(entryIds(xml)).toEqual(expected.slice(0, 50).map((s) => `${PUBLIC_URL}/stories/${s.id}`));
      expect(xml).toContain(`<link rel="self" href="${PUBLIC_URL}/stories/feed.xml?language=${language}"/>`);
    }
    const arabic = await publicList('&language=ar');
    expect(arabic.length).toBeGreaterThan(0);
    expect((await t.http.get('/stories/feed.xml?language=ar').expect(200)).text).toContain('<title>قصص الأثر</title>');

    const bad = await t.http.get('/stories/feed.xml?language=de').expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/json/);
    expect(bad.body).toMatchObject({ statusCode: 400, details: [{ field: 'language' }] });
    expect(JSON.stringify(bad.body)).not.toMatch(/stack|at \w+ \(/);
    await t.http.get('/stories/feed.xml?language=en&language=fr').expect(400);
  });

  it('the sitemap lists the public list and every published story, and nothing else', async () => {
    const published = await publicList();
    const res = await t.http.get('/sitemap.xml').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    const locs = [...res.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs[0]).toBe(`${PUBLIC_URL}/stories`);
    expect(locs).toHaveLength(published.length + 1);
    expect(new Set(locs.slice(1))).toEqual(new Set(published.map((s) => `${PUBLIC_URL}/stories/${s.id}`)));
    const [{ id: draftId }] = (await t.dataSource.query(NEVER_PUBLISHED)) as { id: string }[];
    expect(res.text).not.toContain(draftId);
  });

  it('a published story page carries its escaped title, summary and language in the head; the strict CSP stays', async () => {
    const title = 'Watch <script>alert(1)</script> & "friends"';
    const summary = `Neighbours <b>trained</b> & ready's "watch" ${'word '.repeat(100)}`;
    const story = await publishNew(title, summary);
    const res = await t.http.get(`/stories/${story.id}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    const html = res.text;
    const escapedTitle = 'Watch &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;';
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain(`<title>${escapedTitle}</title>`);
    expect(html).toContain(`<meta property="og:title" content="${escapedTitle}" />`);
    expect(html).toContain('<meta property="og:type" content="article" />');
    expect(html).toContain(`<meta property="og:url" content="${PUBLIC_URL}/stories/${story.id}" />`);
    expect(html).toContain('<meta property="og:locale" content="en_GB" />');
    const description = /<meta name="description" content="([^"]*)" \/>/.exec(html)?.[1] ?? '';
    expect(description.startsWith('Neighbours &lt;b&gt;trained&lt;/b&gt; &amp; ready&#39;s &quot;watch&quot; word')).toBe(true);
    expect(description.endsWith('…')).toBe(true);
    expect(html).toContain(`<meta property="og:description" content="${description}" />`);
    expect(html).not.toContain('<script');
    expect(html).toContain('<it-root></it-root>');

    // The head reads the published snapshot: a new draft revision does not change it.
    const live = (await t.http.get(`/api/stories/${story.id}`).set(as('esa')).expect(200)).body as StoryDetail;
    await t.http.patch(`/api/stories/${story.id}`).set(as('esa')).send({ version: live.version, title: 'An unapproved title' }).expect(200);
    const after = (await t.http.get(`/stories/${story.id}`).expect(200)).text;
    expect(after).toContain(`<title>${escapedTitle}</title>`);
    expect(after).not.toContain('An unapproved title');
    expect((await t.http.get('/stories/feed.xml?language=en').expect(200)).text).not.toContain('An unapproved title');
  });

  it('a title with ]]>, <, & and quotes reads as typed in the feed and the head, and its story is in the sitemap', async () => {
    const title = `Ends ]]> then <b>bold</b> & "double" 'single' ]]>`;
    const summary = `Before ]]> after & <i>x</i> "q"`;
    const story = await publishNew(title, summary);

    const xml = (await t.http.get('/stories/feed.xml?language=en').expect(200)).text;
    const entry = entries(xml).find((e) => e.includes(`<id>${PUBLIC_URL}/stories/${story.id}</id>`));
    if (!entry) throw new Error('the new story is in the English feed');
    expect(readHtmlText(entry, 'title')).toBe(title);
    expect(readHtmlText(entry, 'summary')).toBe(summary);
    expect(htmlOf(entry, 'content')).toContain('Before ]]&gt; after &amp; &lt;i&gt;x&lt;/i&gt;');
    // Nothing of the title escapes its element: no raw tag and no CDATA end other than the sections' own.
    expect(entry).not.toContain('<b>');
    expect(entry.match(/\]\]>/g)).toHaveLength(entry.match(/<!\[CDATA\[/g)?.length ?? -1);

    const html = (await t.http.get(`/stories/${story.id}`).expect(200)).text;
    const escaped = 'Ends ]]&gt; then &lt;b&gt;bold&lt;/b&gt; &amp; &quot;double&quot; &#39;single&#39; ]]&gt;';
    expect(html).toContain(`<title>${escaped}</title>`);
    expect(html).toContain(`<meta property="og:title" content="${escaped}" />`);
    expect(html).toContain(`<meta name="description" content="Before ]]&gt; after &amp; &lt;i&gt;x&lt;/i&gt; &quot;q&quot;" />`);

    const sitemapXml = (await t.http.get('/sitemap.xml').expect(200)).text;
    expect(sitemapXml).toContain(`<loc>${PUBLIC_URL}/stories/${story.id}</loc>`);
    expect(sitemapXml).not.toContain('Ends ]]>');
  });

  it('an Arabic story is served right-to-left with its Arabic title', async () => {
    const [arabic] = await publicList('&language=ar');
    const story = (await t.http.get(`/api/public/stories/${arabic.id}`).expect(200)).body as PublicStory;
    const html = (await t.http.get(`/stories/${arabic.id}`).expect(200)).text;
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain(`<title>${story.title}</title>`);
    expect(html).toContain('<meta property="og:locale" content="ar_AR" />');
  });

  it('an unknown, unpublished or malformed id gets the plain index.html', async () => {
    const [{ id: draftId }] = (await t.dataSource.query(NEVER_PUBLISHED)) as { id: string }[];
    for (const path of ['/stories/00000000-0000-4000-8000-000000000000', `/stories/${draftId}`, '/stories/not-an-id', '/stories']) {
      const res = await t.http.get(path).expect(200);
      expect(res.text).toBe(indexHtml);
    }
  });
});
