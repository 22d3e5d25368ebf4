import { Language, PublicStory, StoryCategory, StoryGroup, groupStoriesByCategory } from '@impact/contracts';

export interface PublicFilters {
  category?: StoryCategory | '';
  hubId?: string;
  cityId?: string;
  language?: Language | '';
}

/**
 * What the public page shows: with a language chosen, the stories in that language; otherwise one
 * version per story — in the reader's language when there is one, else the original. Then the filters,
 * then the five categories in the seed's order.
 */
export function publicGroups(stories: readonly PublicStory[], filters: PublicFilters, readerLanguage: Language): StoryGroup<PublicStory>[] {
  let shown: PublicStory[];
  if (filters.language) {
    shown = stories.filter((s) => s.language === filters.language);
  } else {
    const families = new Map<string, PublicStory[]>();
    for (const s of stories) {
      const key = [s.id, ...s.translations.map((t) => t.id)].sort()[0];
      families.set(key, [...(families.get(key) ?? []), s]);
    }
    shown = [...families.values()].map(
      (versions) => versions.find((v) => v.language === readerLanguage) ?? versions.find((v) => v.language === 'en') ?? versions[0],
    );
  }
  shown = shown.filter(
    (s) =>
      (!filters.category || s.category === filters.category) &&
      (!filters.hubId || s.hub.id === filters.hubId) &&
      (!filters.cityId || s.cities.some((c) => c.id === filters.cityId)),
  );
  return groupStoriesByCategory(shown);
}
