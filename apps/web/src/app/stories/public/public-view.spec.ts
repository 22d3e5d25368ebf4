import { PublicStory } from '@impact/contracts';
import { publicGroups } from './public-view';

const story = (
  id: string,
  category: PublicStory['category'],
  language: PublicStory['language'],
  others: [string, PublicStory['language']][] = [],
  city = 'c1',
): PublicStory => ({
  id,
  title: `Story ${id}`,
  category,
  language,
  hub: { id: 'h1', name: 'Hub' },
  cities: [{ id: city, name: city, countryCode: 'UG' }],
  summary: '',
  body: '',
  bodyHtml: '',
  quotes: [],
  figures: [],
  publishedAt: '2024-06-01T00:00:00.000Z',
  updatedAt: null,
  revision: 1,
  translations: others.map(([tid, l]) => ({ id: tid, language: l, title: tid })),
});

describe('public page grouping', () => {
  const stories = [
    story('y1', 'youth', 'en'),
    story(
      'a-en',
      'multi_actor',
      'en',
      [
        ['a-ar', 'ar'],
        ['a-fr', 'fr'],
      ],
      'nansana',
    ),
    story(
      'a-ar',
      'multi_actor',
      'ar',
      [
        ['a-en', 'en'],
        ['a-fr', 'fr'],
      ],
      'nansana',
    ),
    story(
      'a-fr',
      'multi_actor',
      'fr',
      [
        ['a-en', 'en'],
        ['a-ar', 'ar'],
      ],
      'nansana',
    ),
    story('p1', 'peer_learning', 'en'),
    story('g1', 'global_crises', 'en'),
  ];

  it('groups by the five categories in the seed order, empty ones left out', () => {
    const groups = publicGroups(stories, {}, 'en');
    expect(groups.map((g) => g.category)).toEqual(['peer_learning', 'multi_actor', 'youth', 'global_crises']);
  });

  it('shows one version per story, in the reader’s language when there is one', () => {
    expect(
      publicGroups(stories, {}, 'ar')
        .find((g) => g.category === 'multi_actor')
        ?.stories.map((s) => s.id),
    ).toEqual(['a-ar']);
    expect(
      publicGroups(stories, {}, 'es')
        .find((g) => g.category === 'multi_actor')
        ?.stories.map((s) => s.id),
    ).toEqual(['a-en']);
    // Stories without an Arabic version still show, in their original.
    expect(publicGroups(stories, {}, 'ar').flatMap((g) => g.stories.map((s) => s.id))).toContain('y1');
  });

  it('filters by category, city and language', () => {
    expect(publicGroups(stories, { category: 'youth' }, 'en').map((g) => g.category)).toEqual(['youth']);
    expect(publicGroups(stories, { cityId: 'nansana' }, 'en').flatMap((g) => g.stories.map((s) => s.id))).toEqual(['a-en']);
    expect(publicGroups(stories, { language: 'fr' }, 'en').flatMap((g) => g.stories.map((s) => s.id))).toEqual(['a-fr']);
    expect(publicGroups(stories, { hubId: 'other' }, 'en')).toEqual([]);
  });
});
