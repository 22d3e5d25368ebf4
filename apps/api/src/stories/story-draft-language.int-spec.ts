import type { StoryDetail } from '@impact/contracts';
import { createTestApp, type TestApp } from '../../test/test-app';
import { demoSignIn } from '../../test/demo-sign-in';

/**
 * A story drafted from records speaks its own language in its results too: each result line is the
 * figure as stories in that language already word it, else the product's own sentence in that
 * language (the number, what it counts). The record's description in another language never appears.
 */
describe('drafted results in the story’s language', () => {
  let t: TestApp;
  let token = '';
  let commitmentId = '';
  const ENGLISH_LINE = 'Municipal officials, community leaders and young people';

  beforeAll(async () => {
    t = await createTestApp({ demo: true, docs: false });
    token = (await demoSignIn(t.http, 'esa.manager@impact.test')).accessToken;
    [{ id: commitmentId }] = (await t.dataSource.query(
      `SELECT id FROM commitments WHERE title = 'Neighbourhood Watch as an early-warning mechanism'`,
    )) as { id: string }[];
  }, 120_000);
  afterAll(() => t?.close());

  const draft = async (language: string) =>
    (
      await t.http
        .post(`/api/stories/draft-from-commitment/${commitmentId}`)
        .set('Authorization', `Bearer ${token}`)
        .send({ language })
        .expect(201)
    ).body as StoryDetail;

  /** The bullet lines under the results heading. */
  const results = (body: string) => (body.split(/\n## [^\n]+\n\n/).at(-1) ?? '').split('\n').filter((l) => l.startsWith('- '));

  it('in English, the record’s own words, as before', async () => {
    const en = await draft('en');
    expect(results(en.body).some((l) => l.startsWith('- **150 people trained** — ' + ENGLISH_LINE))).toBe(true);
  });

  it('in Arabic and French, the wording the published stories in that language give the figure', async () => {
    const ar = await draft('ar');
    const arLines = results(ar.body);
    expect(arLines.length).toBeGreaterThan(0);
    expect(arLines.some((l) => l.startsWith('- **150 شخصًا مدرَّبًا** — موظفو البلدية وقادة المجتمع والشباب'))).toBe(true);
    // Every result line is Arabic: no Latin letter, the English description nowhere in the body.
    for (const line of arLines) expect(line).not.toMatch(/[A-Za-z]/);
    expect(ar.body).not.toContain(ENGLISH_LINE);
    // The draft follows the wording; the story's own wording is still the author's to give.
    expect(ar.figureWording).toEqual({});

    const fr = await draft('fr');
    expect(results(fr.body).some((l) => l.startsWith('- **150 personnes formées** — Agents municipaux, responsables communautaires'))).toBe(
      true,
    );
    expect(fr.body).not.toContain(ENGLISH_LINE);
  });

  it('in Spanish, where no story words the figure yet, the product’s own sentence: what it counts and the number', async () => {
    const es = await draft('es');
    const lines = results(es.body);
    expect(lines.some((l) => /^- Personas formadas: \*\*150\*\* \(.+ de \d{4}\)$/.test(l))).toBe(true);
    expect(es.body).not.toContain(ENGLISH_LINE);
    expect(es.body).not.toContain('people trained');
  });
});
