import type { PublicStory, StoryRevisionSnapshot } from '@impact/contracts';

/**
 * What a published revision freezes: the public story as leadership approved it (title, body, quotes,
 * language, hub, cities, every cited figure). `publishedAt` is the story's first publication. The
 * language versions are not frozen: they are read from the other stories' current revisions.
 */
export type StorySnapshot = StoryRevisionSnapshot;

/** Only the snapshot's own fields, named one by one (nothing else that rides on the view is frozen). */
export function toSnapshot(view: PublicStory, firstPublishedAt: string): StorySnapshot {
  return {
    id: view.id,
    title: view.title,
    category: view.category,
    language: view.language,
    hub: { id: view.hub.id, name: view.hub.name, names: { ...view.hub.names } },
    cities: view.cities.map((c) => ({ id: c.id, name: c.name, countryCode: c.countryCode })),
    summary: view.summary,
    body: view.body,
    bodyHtml: view.bodyHtml,
    quotes: view.quotes.map((q) => ({ text: q.text, attribution: q.attribution })),
    figures: view.figures.map((f) => ({ date: f.date, type: f.type, value: f.value, unit: f.unit, description: f.description })),
    publishedAt: firstPublishedAt,
  };
}
