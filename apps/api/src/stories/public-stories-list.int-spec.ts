import { randomUUID } from 'node:crypto';
import type { PublicStoryList } from '@impact/contracts';
import type { DataSource, QueryRunner } from 'typeorm';
import { createTestApp, type TestApp } from '../../test/test-app';

/**
 * The public story list pages like every list and sends the same number of statements whatever the
 * number of published stories: counted on the app's own data source, as its logger hears every statement.
 */
describe('GET /api/public/stories: pages, a constant number of statements', () => {
  let t: TestApp;
  let owner: DataSource;
  let hubId: string;
  let authorId: string;
  let sent: string[] = [];
  let published = 0;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await t.ownerDataSource();
    [{ id: hubId }] = await owner.query(`INSERT INTO hubs (code, name) VALUES ('PUB', 'Public Hub') RETURNING id`);
    [{ id: authorId }] = await owner.query(
      `INSERT INTO users (email, name, role, password_hash) VALUES ('author@pub.test', 'Author', 'leadership', 'x') RETURNING id`,
    );
    // Every statement the app sends, as its data source's logger hears it: the query runners' (repositories,
    // query builders, transactions) and the lists' statements sent on the pool (common/statements).
    const logger = t.dataSource.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query: string, parameters?: unknown[], runner?: QueryRunner) => {
      sent.push(query);
      return logQuery(query, parameters, runner);
    };
  }, 120_000);
  afterAll(() => t?.close());

  /** Publishes `n` more stories (every third an English original with a French version), as frozen revisions. */
  const publish = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const k = ++published;
      const id = randomUUID();
      const language = k % 3 === 1 && k > 1 ? 'fr' : 'en';
      const rootId =
        language === 'fr' ? (await owner.query(`SELECT story_id FROM story_revisions ORDER BY published_at DESC LIMIT 1`))[0].story_id : id;
      const title = `Story ${String(k).padStart(3, '0')}`;
      const publishedAt = new Date(Date.UTC(2026, 0, 1) + k * 86_400_000).toISOString();
      await owner.query(
        `INSERT INTO stories (id, title, category, hub_id, body, language, translation_of_id, status, author_id, published_at)
         VALUES ($1, $2, 'peer_learning', $3, 'Body.', $4, $5, 'published', $6, $7)`,
        [id, title, hubId, language, language === 'fr' ? rootId : null, authorId, publishedAt],
      );
      const snapshot = {
        id,
        title,
        category: 'peer_learning',
        language,
        hub: { id: hubId, name: 'Public Hub' },
        cities: [],
        summary: 'Body.',
        body: 'Body.',
        bodyHtml: '<p>Body.</p>',
        quotes: [],
        figures: [],
        publishedAt,
      };
      await owner.query(
        `INSERT INTO story_revisions (story_id, revision, current, root_id, title, category, language, hub_id, snapshot, published_at)
         VALUES ($1, 1, true, $2, $3, 'peer_learning', $4, $5, $6, $7)`,
        [id, rootId, title, language, hubId, JSON.stringify(snapshot), publishedAt],
      );
    }
  };

  /** The answer and the statements it took. */
  const list = async (query: string) => {
    sent = [];
    const body = (await t.http.get(`/api/public/stories${query}`).expect(200)).body as PublicStoryList;
    return { body, statements: sent.length };
  };

  it('answers 5 and 50 published stories with the same number of statements, newest first', async () => {
    await publish(5);
    const five = await list('?pageSize=200');
    expect(five.body.total).toBe(5);
    expect(five.body.items.map((s) => s.title)).toEqual(['Story 005', 'Story 004', 'Story 003', 'Story 002', 'Story 001']);
    expect(five.statements).toBeGreaterThan(0);

    await publish(45);
    const fifty = await list('?pageSize=200');
    expect(fifty.body.total).toBe(50);
    expect(fifty.body.items).toHaveLength(50);
    expect(fifty.body.items[0].title).toBe('Story 050');
    expect(fifty.statements).toBe(five.statements);

    // The language versions ride along in those statements: Story 004 (French) is a version of Story 003.
    const french = fifty.body.items.find((s) => s.title === 'Story 004');
    expect(french?.translations.map((v) => v.title)).toEqual(['Story 003']);
    const english = fifty.body.items.find((s) => s.title === 'Story 003');
    expect(english?.translations.map((v) => v.title)).toEqual(['Story 004']);
  });

  it('pages: the default page size, later pages in order, no story twice, same statements per page', async () => {
    const first = await list('');
    expect(first.body.page).toBe(1);
    expect(first.body.items.length).toBe(first.body.pageSize);
    expect(first.body.total).toBe(50);

    const pages: string[] = [];
    const counts = new Set<number>();
    for (let page = 1; page <= 5; page++) {
      const { body, statements } = await list(`?page=${page}&pageSize=12`);
      expect(body.total).toBe(50);
      pages.push(...body.items.map((s) => s.title));
      counts.add(statements);
    }
    expect(pages).toHaveLength(50);
    expect(new Set(pages).size).toBe(50);
    expect(pages[0]).toBe('Story 050');
    expect(pages[49]).toBe('Story 001');
    expect(counts.size).toBe(1);

    const past = await list('?page=9&pageSize=12');
    expect(past.body.items).toEqual([]);
    expect(past.body.total).toBe(50);
  });

  it('refuses a page size above the bound with a 400 naming it', async () => {
    const res = await t.http.get('/api/public/stories?pageSize=100000').expect(400);
    expect(JSON.stringify(res.body)).toContain('pageSize');
  });
});
