import { randomUUID } from 'node:crypto';
import type { PublicStoryFacets, PublicStoryList } from '@impact/contracts';
import type { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../../test/test-app';

/**
 * The public list filters in SQL (hub, city, category, language, words, one version per story) and
 * pages the filtered set; the facets name what there is to filter by. Only current revisions of live
 * stories count: a story's live text never leaks into the answers.
 */
describe('GET /api/public/stories: filters on the server', () => {
  let t: TestApp;
  let owner: DataSource;
  let authorId: string;
  const hub: Record<'north' | 'south', string> = { north: '', south: '' };
  const city = { lisbon: randomUUID(), tunis: randomUUID(), quito: randomUUID() };
  const cityRef = {
    lisbon: { id: city.lisbon, name: 'Lisbon', countryCode: 'PT' },
    tunis: { id: city.tunis, name: 'Tunis', countryCode: 'TN' },
    quito: { id: city.quito, name: 'Quito', countryCode: 'EC' },
  };
  let day = 0;

  /** Publishes one story as a frozen revision; answers its id. */
  const publish = async (o: {
    title: string;
    body: string;
    hub: 'north' | 'south';
    cities: (keyof typeof city)[];
    language?: 'en' | 'fr' | 'ar' | 'es';
    category?: string;
    versionOf?: string;
  }): Promise<string> => {
    const id = randomUUID();
    const language = o.language ?? 'en';
    const category = o.category ?? 'peer_learning';
    const rootId = o.versionOf ?? id;
    const publishedAt = new Date(Date.UTC(2026, 0, 1) + ++day * 86_400_000).toISOString();
    await owner.query(
      `INSERT INTO stories (id, title, category, hub_id, body, language, translation_of_id, status, author_id, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'published', $8, $9)`,
      [id, o.title, category, hub[o.hub], o.body, language, o.versionOf ?? null, authorId, publishedAt],
    );
    const snapshot = {
      id,
      title: o.title,
      category,
      language,
      hub: {
        id: hub[o.hub],
        name: o.hub === 'north' ? 'North Hub' : 'South Hub',
        names: { fr: o.hub === 'north' ? 'Pôle Nord' : 'Pôle Sud' },
      },
      cities: o.cities.map((c) => cityRef[c]),
      summary: o.body,
      body: o.body,
      bodyHtml: `<p>${o.body}</p>`,
      quotes: [],
      figures: [],
      publishedAt,
    };
    await owner.query(
      `INSERT INTO story_revisions (story_id, revision, current, root_id, title, category, language, hub_id, city_ids, snapshot, published_at)
       VALUES ($1, 1, true, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, rootId, o.title, category, language, hub[o.hub], o.cities.map((c) => city[c]), JSON.stringify(snapshot), publishedAt],
    );
    return id;
  };

  const list = async (query: string) => (await t.http.get(`/api/public/stories${query}`).expect(200)).body as PublicStoryList;
  const titles = async (query: string) => (await list(query)).items.map((s) => s.title);

  let schools = '';
  beforeAll(async () => {
    t = await createTestApp();
    owner = await t.ownerDataSource();
    [{ id: hub.north }] = await owner.query(`INSERT INTO hubs (code, name) VALUES ('NTH', 'North Hub') RETURNING id`);
    [{ id: hub.south }] = await owner.query(`INSERT INTO hubs (code, name) VALUES ('STH', 'South Hub') RETURNING id`);
    [{ id: authorId }] = await owner.query(
      `INSERT INTO users (email, name, role, password_hash) VALUES ('author@filters.test', 'Author', 'leadership', 'x') RETURNING id`,
    );
    schools = await publish({
      title: 'Schools against hate',
      body: 'Teachers in Lisbon met youth workers.',
      hub: 'north',
      cities: ['lisbon'],
    });
    await publish({
      title: 'Écoles contre la haine',
      body: 'Des enseignants de Lisbonne.',
      hub: 'north',
      cities: ['lisbon'],
      language: 'fr',
      versionOf: schools,
    });
    await publish({
      title: 'مدارس ضد الكراهية',
      body: 'التقى معلمون في لشبونة.',
      hub: 'north',
      cities: ['lisbon'],
      language: 'ar',
      versionOf: schools,
    });
    await publish({
      title: 'Youth councils',
      body: 'Young people in Tunis and Quito drafted a charter.',
      hub: 'south',
      cities: ['tunis', 'quito'],
      category: 'youth',
    });
    await publish({
      title: 'Consejo de barrio',
      body: 'Vecinos de Quito, 100% voluntarios.',
      hub: 'south',
      cities: ['quito'],
      language: 'es',
      category: 'multi_actor',
    });
    // Archived: never listed, never a facet.
    const archived = await publish({ title: 'Archived story about Tunis', body: 'Gone.', hub: 'south', cities: ['tunis'] });
    await owner.query(`UPDATE stories SET archived_at = now() WHERE id = $1`, [archived]);
  }, 120_000);
  afterAll(() => t?.close());

  it('filters by hub, city, category and language in the query, and counts the filtered set', async () => {
    const north = await list(`?hubId=${hub.north}`);
    expect(north.total).toBe(3);
    expect(north.items.every((s) => s.hub.id === hub.north)).toBe(true);
    expect(await titles(`?cityId=${city.quito}`)).toEqual(['Consejo de barrio', 'Youth councils']);
    expect(await titles(`?cityId=${city.quito}&category=youth`)).toEqual(['Youth councils']);
    expect(await titles(`?hubId=${hub.south}&language=es`)).toEqual(['Consejo de barrio']);
    expect(await titles(`?cityId=${city.tunis}`)).toEqual(['Youth councils']);
  });

  it('finds stories by every word of a search, in any case, in the title or the text; % and _ are plain characters', async () => {
    expect(await titles('?q=charter')).toEqual(['Youth councils']);
    expect(await titles('?q=YOUTH%20lisbon')).toEqual(['Schools against hate']);
    expect(await titles(`?q=${encodeURIComponent('لشبونة')}`)).toEqual(['مدارس ضد الكراهية']);
    expect(await titles(`?q=${encodeURIComponent('100%')}`)).toEqual(['Consejo de barrio']);
    expect(await titles(`?q=${encodeURIComponent('%')}`)).toEqual(['Consejo de barrio']);
    expect(await titles(`?q=${encodeURIComponent('_')}`)).toEqual([]);
    const none = await list('?q=nothing-like-this');
    expect(none).toEqual({ items: [], total: 0, page: 1, pageSize: none.pageSize });
  });

  it('lists one version per story in the reader’s language, else English, else the original', async () => {
    expect(await titles('?preferLanguage=ar')).toEqual(['Consejo de barrio', 'Youth councils', 'مدارس ضد الكراهية']);
    expect(await titles('?preferLanguage=fr')).toEqual(['Consejo de barrio', 'Youth councils', 'Écoles contre la haine']);
    expect(await titles('?preferLanguage=es')).toEqual(['Consejo de barrio', 'Youth councils', 'Schools against hate']);
    // A chosen language wins over the preference; the filters apply to the version chosen.
    expect(await titles('?preferLanguage=ar&language=fr')).toEqual(['Écoles contre la haine']);
    expect(await titles(`?preferLanguage=fr&hubId=${hub.north}&q=enseignants`)).toEqual(['Écoles contre la haine']);
    expect(await titles(`?preferLanguage=en&q=enseignants`)).toEqual([]);
  });

  it('pages the filtered set', async () => {
    const first = await list(`?hubId=${hub.north}&page=1&pageSize=2`);
    const second = await list(`?hubId=${hub.north}&page=2&pageSize=2`);
    expect([first.total, second.total]).toEqual([3, 3]);
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    expect(new Set([...first.items, ...second.items].map((s) => s.id)).size).toBe(3);
  });

  it('refuses bad filters with a 400 naming them', async () => {
    for (const [query, field] of [
      ['?preferLanguage=de', 'preferLanguage'],
      [`?q=${'x'.repeat(1000)}`, 'q'],
      ['?hubId=nope', 'hubId'],
    ]) {
      const res = await t.http.get(`/api/public/stories${query}`).expect(400);
      expect(JSON.stringify(res.body)).toContain(field);
    }
  });

  it('names the hubs, cities and languages of the live published stories, and counts each story once', async () => {
    const facets = (await t.http.get('/api/public/stories/facets').expect(200)).body as PublicStoryFacets;
    expect(facets.stories).toBe(3);
    expect(facets.hubs).toEqual([
      { id: hub.north, name: 'North Hub', names: { fr: 'Pôle Nord' } },
      { id: hub.south, name: 'South Hub', names: { fr: 'Pôle Sud' } },
    ]);
    expect(facets.cities).toEqual([cityRef.lisbon, cityRef.quito, cityRef.tunis]);
    expect(facets.languages).toEqual(['ar', 'en', 'es', 'fr']);
  });

  it('reads only the published snapshot: a story edited after publication lists and searches as approved', async () => {
    await owner.query(`UPDATE stories SET title = 'Leaked draft', body = 'A name and a street' WHERE id = $1`, [schools]);
    expect(await titles('?q=street')).toEqual([]);
    expect(await titles('?q=leaked')).toEqual([]);
    expect(await titles('?preferLanguage=es&q=teachers')).toEqual(['Schools against hate']);
  });
});
