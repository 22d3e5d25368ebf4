import { SEARCH_COUNT_CAP, type SearchGroup, type SearchKind, type SearchResults } from '@impact/contracts';
import { demoSpec, type DemoUser } from '../../test/demo-spec';

const t = demoSpec('admin', 'esa', 'nansana', 'danilovgrad');
const { as } = t;

// Words no demo record holds, so every hit is one of this file's records.
const WORD = 'Zephyrquill';
const ARABIC = 'زفيرقيل';

const ids = {} as Record<SearchKind, string>;
let arabicCommitment: string;
let archivedCommitment: string;

const search = async (who: DemoUser, q: string, limit?: number): Promise<SearchResults> =>
  (
    await t.http
      .get('/api/search')
      .query(limit ? { q, limit } : { q })
      .set(as(who))
      .expect(200)
  ).body;
const group = (r: SearchResults, kind: SearchKind): SearchGroup => {
  const found = r.groups.find((g) => g.kind === kind);
  if (!found) throw new Error(`no ${kind} group`);
  return found;
};
const idsOf = (g: SearchGroup) => g.items.map((i) => i.id);
const post = async (who: DemoUser, path: string, body: object): Promise<string> => {
  const res = await t.http.post(path).set(as(who)).send(body);
  if (res.status !== 201) throw new Error(`${path} answered ${res.status}: ${res.text}`);
  return res.body.id;
};

beforeAll(async () => {
  const nansana = t.city('Nansana');
  ids.partners = await post('esa', '/api/partners', { name: `${WORD} Foundation`, kind: 'academic' });
  ids.cities = await post('admin', '/api/cities', {
    name: `${WORD} Town`,
    countryCode: 'KE',
    hubId: t.hub('esa'),
    kind: 'city',
    membershipStatus: 'member',
  });
  ids.engagements = await post('esa', '/api/engagements', {
    title: `Roundtable on ${WORD}`,
    type: 'roundtable',
    hubId: t.hub('esa'),
    startDate: '2025-03-01',
    hostCityId: nansana,
    participatingCityIds: [nansana],
  });
  ids.commitments = await post('esa', '/api/commitments', { title: `${WORD} youth desk`, kind: 'youth_council', cityId: nansana });
  arabicCommitment = await post('esa', '/api/commitments', { title: `مجلس شباب ${ARABIC}`, kind: 'youth_council', cityId: nansana });
  archivedCommitment = await post('esa', '/api/commitments', { title: `${WORD} archived desk`, kind: 'youth_council', cityId: nansana });
  await t.http.delete(`/api/commitments/${archivedCommitment}`).set(as('esa')).expect(204);
  ids.followUps = await post('nansana', '/api/follow-ups', {
    commitmentId: ids.commitments,
    title: `Call the ${WORD} desk`,
    kind: 'check_in',
  });
  ids.outcomes = await post('nansana', '/api/outcomes', {
    cityId: nansana,
    commitmentId: ids.commitments,
    date: '2024-05-01',
    type: 'other',
    description: `The ${WORD} desk met twelve times`,
  });
  ids.stories = await post('esa', '/api/stories', {
    title: `How ${WORD} listened`,
    category: 'youth',
    cityIds: [nansana],
    body: 'They met every month.',
    language: 'en',
  });
}, 60_000);

describe('GET /api/search', () => {
  it('finds each kind by a word of its title, with the web route of the record', async () => {
    const r = await search('esa', WORD.toLowerCase());
    expect(r.groups.map((g) => g.kind)).toEqual(['cities', 'engagements', 'commitments', 'followUps', 'outcomes', 'stories', 'partners']);
    const commitment = ids.commitments;
    const links: Record<SearchKind, string> = {
      cities: `/cities/${ids.cities}`,
      engagements: `/engagements/${ids.engagements}`,
      commitments: `/commitments/${commitment}`,
      followUps: `/commitments/${commitment}`,
      outcomes: `/commitments/${commitment}`,
      stories: `/story-desk/${ids.stories}`,
      partners: `/engagements?q=${encodeURIComponent(`${WORD} Foundation`)}`,
    };
    for (const kind of Object.keys(links) as SearchKind[]) {
      const g = group(r, kind);
      expect({ kind, total: g.total, more: g.more, items: g.items }).toEqual({
        kind,
        total: 1,
        more: false,
        items: [{ id: ids[kind], title: expect.stringContaining(WORD), subtitle: expect.anything(), link: links[kind] }],
      });
    }
    expect(group(r, 'commitments').items[0].subtitle).toBe('Nansana');
  });

  it('finds an Arabic title by an Arabic word', async () => {
    const r = await search('esa', ARABIC);
    expect(idsOf(group(r, 'commitments'))).toEqual([arabicCommitment]);
    expect(r.groups.filter((g) => g.kind !== 'commitments').every((g) => g.total === 0)).toBe(true);
  });

  it('leaves archived records out', async () => {
    const r = await search('admin', `${WORD} archived`);
    expect(group(r, 'commitments')).toEqual({ kind: 'commitments', total: 0, more: false, items: [] });
    const all = await search('admin', WORD, 20);
    expect(idsOf(group(all, 'commitments'))).not.toContain(archivedCommitment);
  });

  it('keeps a liaison to its cities, exactly like its own lists', async () => {
    const inside = await search('nansana', WORD);
    expect(idsOf(group(inside, 'commitments'))).toEqual([ids.commitments]);
    expect(idsOf(group(inside, 'followUps'))).toEqual([ids.followUps]);
    const outside = await search('danilovgrad', WORD);
    const lists: Partial<Record<SearchKind, string>> = {
      cities: '/api/cities',
      engagements: '/api/engagements',
      commitments: '/api/commitments',
      followUps: '/api/follow-ups',
      outcomes: '/api/outcomes',
      stories: '/api/stories',
    };
    for (const [kind, path] of Object.entries(lists) as [SearchKind, string][]) {
      const list = await t.http.get(path).query({ q: WORD }).set(as('danilovgrad')).expect(200);
      expect({ kind, total: group(outside, kind).total }).toEqual({ kind, total: list.body.total });
      expect({ kind, total: group(outside, kind).total }).toEqual({ kind, total: 0 });
    }
    // Partners are every staff member's to read, as their list is.
    expect(idsOf(group(outside, 'partners'))).toEqual([ids.partners]);
  });

  it('caps each group at limit and still counts every match', async () => {
    const r = await search('esa', WORD, 1);
    expect(group(r, 'commitments')).toMatchObject({ total: 1, items: [{ id: ids.commitments }] });
    await t.http
      .post('/api/commitments')
      .set(as('esa'))
      .send({ title: `${WORD} second desk`, kind: 'youth_council', cityId: t.city('Nansana') });
    const two = await search('esa', WORD, 1);
    expect(group(two, 'commitments')).toMatchObject({ total: 2, more: false });
    expect(group(two, 'commitments').items).toHaveLength(1);
  });

  it('counts a common word up to the cap, says there are more, and still shows the best match first, in scope', async () => {
    // Past the cap the best matches come from the nearest-neighbour walk: one exact title among
    // SEARCH_COUNT_CAP + 4 longer ones that only contain the word.
    const common = 'Quorvaxle';
    const nansana = t.city('Nansana');
    await t.dataSource.query(
      `INSERT INTO commitments (title, kind, city_id, hub_id)
       SELECT $1 || 'ship desk ' || g, 'youth_council', $2, $3 FROM generate_series(1, $4::int) g`,
      [common, nansana, t.hub('esa'), SEARCH_COUNT_CAP + 4],
    );
    const exact = await post('esa', '/api/commitments', { title: `${common} desk`, kind: 'youth_council', cityId: nansana });
    for (const who of ['admin', 'esa', 'nansana'] as const) {
      const g = group(await search(who, common, 3), 'commitments');
      expect({ who, total: g.total, more: g.more, first: g.items[0]?.id, shown: g.items.length }).toEqual({
        who,
        total: SEARCH_COUNT_CAP,
        more: true,
        first: exact,
        shown: 3,
      });
    }
    expect(group(await search('danilovgrad', common), 'commitments')).toEqual({ kind: 'commitments', total: 0, more: false, items: [] });
  });

  it('answers 400 naming the field for a bad q or limit', async () => {
    const bad = async (query: Record<string, string>, field: string) => {
      const res = await t.http.get('/api/search').query(query).set(as('esa')).expect(400);
      expect([...new Set(res.body.details.map((d: { field: string }) => d.field))]).toEqual([field]);
    };
    await bad({}, 'q');
    await bad({ q: 'a' }, 'q');
    await bad({ q: '  a  ' }, 'q');
    await bad({ q: 'x'.repeat(201) }, 'q');
    await bad({ q: WORD, limit: '0' }, 'limit');
    await bad({ q: WORD, limit: '21' }, 'limit');
    await bad({ q: WORD, limit: 'five' }, 'limit');
    await t.http.get('/api/search').query({ q: WORD }).expect(401);
  });
});
