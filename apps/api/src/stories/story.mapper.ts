import {
  wordedFigure,
  type HubNames,
  type PublicStory,
  type StoryFigure,
  type StoryListItem,
  type StoryTranslationRef,
} from '@impact/contracts';
import { renderMarkdown, summaryOf } from './story-render';
import type { StoryEntity } from './story.entity';

/** A city as a story shows it publicly (with its country). */
export interface StoryCity {
  id: string;
  name: string;
  countryCode: string;
}

/** The ids a story links to, each list in id order. */
export interface StoryLinkIds {
  engagementIds: string[];
  commitmentIds: string[];
  outcomeIds: string[];
}

/**
 * A story as the repository loads it: the staff's contract shape, and its cities with their country
 * codes (only the public view and the exports show those).
 */
export interface LoadedStory {
  id: string;
  item: StoryListItem;
  cities: StoryCity[];
  /** The hub's name in each language it has one in. */
  hubNames: HubNames;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The contract shape of a story row loaded with its hub, author and cities (in name order). */
export function toLoadedStory(s: StoryEntity, links: StoryLinkIds): LoadedStory {
  const cities = (s.cities ?? []).map((c) => ({ id: c.id, name: c.name, countryCode: c.countryCode }));
  const item: StoryListItem = {
    id: s.id,
    title: s.title,
    category: s.category,
    hubId: s.hubId,
    hubName: s.hub?.name ?? '',
    cityIds: cities.map((c) => c.id),
    cities: cities.map((c) => ({ id: c.id, name: c.name })),
    body: s.body,
    quotes: s.quotes,
    engagementIds: links.engagementIds,
    commitmentIds: links.commitmentIds,
    outcomeIds: links.outcomeIds,
    figureWording: s.figureWording ?? {},
    language: s.language,
    translationOf: s.translationOfId,
    sensitivity: {
      consentForNamedPeople: s.sensitivity.consentForNamedPeople,
      noDetailsExposingIndividuals: s.sensitivity.noDetailsExposingIndividuals,
      cityAgreedToPublication: s.sensitivity.cityAgreedToPublication,
      confirmedById: s.sensitivity.confirmedById,
      confirmedAt: iso(s.sensitivity.confirmedAt),
    },
    status: s.status,
    authorId: s.authorId,
    authorName: s.author?.name ?? null,
    approvedById: s.approvedById,
    publishedAt: iso(s.publishedAt),
    version: s.version,
    updatedAt: s.updatedAt.toISOString(),
    figuresChangedAt: iso(s.figuresChangedAt),
  };
  return { id: s.id, item, cities, hubNames: s.hub?.names ?? {} };
}

/** What the audit log keeps of a story: its content and workflow fields, ids of its links. */
export function storyAudit(s: StoryListItem): Record<string, unknown> {
  return {
    title: s.title,
    category: s.category,
    hubId: s.hubId,
    cityIds: s.cityIds,
    body: s.body,
    quotes: s.quotes,
    engagementIds: s.engagementIds,
    commitmentIds: s.commitmentIds,
    outcomeIds: s.outcomeIds,
    figureWording: s.figureWording,
    language: s.language,
    translationOf: s.translationOf,
    sensitivity: {
      consentForNamedPeople: s.sensitivity.consentForNamedPeople,
      noDetailsExposingIndividuals: s.sensitivity.noDetailsExposingIndividuals,
      cityAgreedToPublication: s.sensitivity.cityAgreedToPublication,
    },
    status: s.status,
  };
}

/**
 * The one mapper to what the public sees. It names fields one by one, so nothing internal (people,
 * e-mails, notes, the checklist, workflow fields) can ride along when the record grows.
 */
export function toPublicStory(s: LoadedStory, figures: readonly StoryFigure[], translations: readonly StoryTranslationRef[]): PublicStory {
  const story = s.item;
  return {
    id: story.id,
    title: story.title,
    category: story.category,
    language: story.language,
    hub: { id: story.hubId, name: story.hubName, names: { ...s.hubNames } },
    cities: s.cities.map((c) => ({ id: c.id, name: c.name, countryCode: c.countryCode.trim() })),
    summary: summaryOf(story.body),
    body: story.body,
    bodyHtml: renderMarkdown(story.body),
    quotes: story.quotes.map((q) => ({ text: q.text, attribution: q.attribution })),
    // In the story's words: the figure's unit and line as the author wrote them in the story's language.
    figures: figures
      .map((f) => wordedFigure(f, story.figureWording))
      .map((f) => ({ date: f.date, type: f.type, value: f.value, unit: f.unit, description: f.description })),
    publishedAt: story.publishedAt ?? '',
    updatedAt: null,
    revision: 0,
    translations: translations.map((t) => ({ id: t.id, language: t.language, title: t.title })),
  };
}
