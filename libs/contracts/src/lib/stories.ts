import {
  STORY_CATEGORIES,
  type CommitmentKind,
  type EngagementType,
  type Language,
  type OutcomeType,
  type StoryCategory,
  type StoryStatus,
} from './enums';
import type { HubNames, IsoDate, IsoInstant, ListQuery, Quote, Sensitivity, Story, StoryFigureWordings } from './models';
import type { Ref } from './read-models';

/*
 * Impact stories beyond the bare record: what the story desk reads and sends, what the public page
 * reads, and the rules both sides apply (checklist complete, suggested category, grouping).
 */

/** The three answers of the sensitivity checklist, as PATCH sends them. */
export type SensitivityAnswers = Pick<Sensitivity, 'consentForNamedPeople' | 'noDetailsExposingIndividuals' | 'cityAgreedToPublication'>;

export const SENSITIVITY_QUESTIONS = ['consentForNamedPeople', 'noDetailsExposingIndividuals', 'cityAgreedToPublication'] as const;
export type SensitivityQuestion = (typeof SENSITIVITY_QUESTIONS)[number];

/** True when all three checklist answers are yes: the condition for `draft → in_review`. */
export function sensitivityComplete(s: Partial<SensitivityAnswers> | null | undefined): boolean {
  return !!s && SENSITIVITY_QUESTIONS.every((q) => s[q] === true);
}

/** A transition the story desk asks for. A send-back (`in_review → draft`) needs a note saying why. */
export interface StoryTransitionRequest {
  to: StoryStatus;
  note?: string;
  /** The version the person read; required to publish, so only the text leadership approved goes live. */
  version?: number;
}

/** True when this step needs a reason from the person taking it. */
export function storyTransitionNeedsNote(from: StoryStatus, to: StoryStatus): boolean {
  return from === 'in_review' && to === 'draft';
}

export interface CreateStoryRequest {
  title: string;
  category: StoryCategory;
  /** The hub; when left out, the hub of the first city. */
  hubId?: string;
  cityIds?: string[];
  body?: string;
  quotes?: Quote[];
  engagementIds?: string[];
  commitmentIds?: string[];
  outcomeIds?: string[];
  language?: Language;
  /** The original this story translates (a language version of it). */
  translationOf?: string | null;
}

export interface UpdateStoryRequest extends Partial<Omit<CreateStoryRequest, 'hubId'>> {
  version: number;
  /**
   * The cited figures worded in the story's language, by outcome id (the whole set: a figure left out
   * reads in its record's words). Wording of an outcome the story does not cite is dropped.
   */
  figureWording?: StoryFigureWordings;
  /** Checklist answers; who and when are recorded by the server. */
  sensitivity?: Partial<SensitivityAnswers>;
}

export interface StoryFilters extends ListQuery {
  category?: StoryCategory;
  status?: StoryStatus;
  hubId?: string;
  cityId?: string;
  language?: Language;
  /** Cites this engagement. */
  engagementId?: string;
}

/** An outcome as a story shows it: the figure first. */
export interface StoryFigure {
  id: string;
  date: IsoDate;
  type: OutcomeType;
  value: number | null;
  unit: string | null;
  description: string;
}

/** A cited figure as the story words it: the author's wording in the story's language, else the record's own words. */
export function wordedFigure<F extends Pick<StoryFigure, 'id' | 'unit' | 'description'>>(f: F, wording: StoryFigureWordings): F {
  const w = wording[f.id];
  return w ? { ...f, unit: w.unit, description: w.description } : f;
}

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/u;

/**
 * Whether a line can be in `language`, told by its letters: Arabic needs Arabic letters, English,
 * French and Spanish need Latin ones; a line without letters (a number, a sign) fits any language.
 * The script cannot tell English from French or Spanish: those the author answers for.
 */
export function fitsLanguage(text: string, language: Language): boolean {
  const arabic = ARABIC_LETTER.test(text);
  const latin = LATIN_LETTER.test(text);
  if (!arabic && !latin) return true;
  return language === 'ar' ? arabic : latin;
}

/** The cited figures whose line (unit and description, as the story words them) is in another language than the story's. */
export function figuresInOtherLanguage(
  figures: readonly Pick<StoryFigure, 'id' | 'unit' | 'description'>[],
  wording: StoryFigureWordings,
  language: Language,
): string[] {
  return figures
    .map((f) => wordedFigure(f, wording))
    .filter((f) => !fitsLanguage(`${f.unit ?? ''} ${f.description}`, language))
    .map((f) => f.id);
}

/** A hub's name in `language`: its stored translation, else the name of record. */
export function hubNameIn(hub: { name: string; names?: HubNames }, language: Language): string {
  return hub.names?.[language]?.trim() || hub.name;
}

export interface StoryTranslationRef {
  id: string;
  language: Language;
  status: StoryStatus;
  title: string;
}

/** A story as the story desk lists it: names resolved in SQL. */
export interface StoryListItem extends Story {
  hubName: string;
  cities: Ref[];
  authorName: string | null;
  updatedAt: IsoInstant;
  /** Set when a figure the published revision cites changed afterwards: the story needs a new revision. */
  figuresChangedAt: IsoInstant | null;
}

/** One story with everything the editor and the reviewer need. */
export interface StoryDetail extends StoryListItem {
  engagements: Ref[];
  commitments: Ref[];
  outcomes: StoryFigure[];
  approvedByName: string | null;
  confirmedByName: string | null;
  /** The original and its other language versions (not this one). */
  translations: StoryTranslationRef[];
  /** Why the story was last sent back to draft, while it is a draft again. */
  sentBackNote: string | null;
}

/** What `POST /api/stories/draft-from-commitment/:id` used: the chain behind the draft. */
export interface StoryDraftSource {
  city: { id: string; name: string; countryCode: string };
  hubId: string;
  commitment: { id: string; title: string; kind: CommitmentKind; status: string; description: string };
  engagements: { id: string; title: string; type: EngagementType; startDate: IsoDate; hostCity: string | null; place: string | null }[];
  followUps: { id: string; title: string; completedAt: IsoInstant | null }[];
  partners: string[];
  outcomes: StoryFigure[];
}

export interface DraftFromCommitmentRequest {
  language?: Language;
}

/* ------------------------------- public ------------------------------- */

/** A published story for anyone: no e-mails, no people of the staff, no notes, no checklist, no workflow fields. */
export interface PublicStory {
  id: string;
  title: string;
  category: StoryCategory;
  language: Language;
  /** `names`: the hub's name in each language it has one in (absent in revisions frozen before names were kept). */
  hub: { id: string; name: string; names?: HubNames };
  cities: { id: string; name: string; countryCode: string }[];
  /** First paragraph of the body as plain text, for cards. */
  summary: string;
  body: string;
  /** The body rendered from Markdown with raw HTML disabled. */
  bodyHtml: string;
  quotes: Quote[];
  figures: Omit<StoryFigure, 'id'>[];
  /** When the story was first published. */
  publishedAt: IsoInstant;
  /** When the revision shown was published, when it replaced an earlier one ("Updated on …"); null otherwise. */
  updatedAt: IsoInstant | null;
  /** The published revision shown (1 for the first). */
  revision: number;
  /** Published language versions of the same story (this one excluded). */
  translations: { id: string; language: Language; title: string }[];
}

/* ------------------------------ revisions ------------------------------ */

/** One frozen revision as the story desk lists it (`GET /api/stories/:id/revisions`). */
export interface StoryRevisionSummary {
  /** 1 for the first publication, then one more per publication. */
  revision: number;
  /** When this revision went live. */
  publishedAt: IsoInstant;
  /** Who published it; left out when that is not recorded (stories published before revisions existed). */
  publishedBy?: string;
  title: string;
  language: Language;
  /** True for the revision the public reads now. */
  current: boolean;
}

export interface StoryRevisionList {
  /** Oldest first. */
  items: StoryRevisionSummary[];
}

/** Exactly what a revision froze: the public story as leadership approved it. */
export type StoryRevisionSnapshot = Omit<PublicStory, 'translations' | 'updatedAt' | 'revision'>;

/** One revision in full (`GET /api/stories/:id/revisions/:revision`), for reading and comparing. */
export interface StoryRevisionDetail extends StoryRevisionSummary {
  snapshot: StoryRevisionSnapshot;
}

export interface PublicStoryFilters {
  category?: StoryCategory;
  hubId?: string;
  cityId?: string;
  language?: Language;
  /** Words that must all appear (any case) in the title, summary or body. */
  q?: string;
  /**
   * Without `language`: one version per story, the one in this language when it has one, else the
   * English one, else the original. Without either, every published version is listed.
   */
  preferLanguage?: Language;
}

/** What the public page offers to filter by (`GET /api/public/stories/facets`): the published stories' hubs and cities. */
export interface PublicStoryFacets {
  /** Published stories, each counted once whatever its number of language versions. */
  stories: number;
  hubs: { id: string; name: string; names?: HubNames }[];
  cities: { id: string; name: string; countryCode: string }[];
  /** Languages with at least one published story. */
  languages: Language[];
}

export interface PublicStoryList {
  items: PublicStory[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PublicStoryQuery extends PublicStoryFilters {
  page?: number;
  pageSize?: number;
}

export interface StoryGroup<T> {
  category: StoryCategory;
  stories: T[];
}

/** Stories grouped by the five categories in the seed's order; empty categories left out. */
export function groupStoriesByCategory<T extends { category: StoryCategory }>(stories: readonly T[]): StoryGroup<T>[] {
  return STORY_CATEGORIES.map((category) => ({ category, stories: stories.filter((s) => s.category === category) })).filter(
    (g) => g.stories.length > 0,
  );
}

const YOUTH_KINDS: readonly CommitmentKind[] = ['youth_council'];
const MULTI_ACTOR_KINDS: readonly CommitmentKind[] = ['local_safety_council', 'prevention_committee', 'neighbourhood_watch'];
const PEER_KINDS: readonly CommitmentKind[] = ['peer_learning_host', 'remembrance', 'strategy_or_plan', 'agenda_item'];

/**
 * The category a drafted story starts with (the author may change it): what the commitment built
 * says most, then what kind of engagement inspired it.
 */
export function suggestStoryCategory(engagementTypes: readonly EngagementType[], kind: CommitmentKind): StoryCategory {
  if (YOUTH_KINDS.includes(kind) || engagementTypes.includes('youth_programme')) return 'youth';
  if (engagementTypes.includes('national_local_dialogue')) return 'national_local';
  if (MULTI_ACTOR_KINDS.includes(kind)) return 'multi_actor';
  if (engagementTypes.includes('webinar') && !engagementTypes.some((t) => t === 'learning_visit' || t === 'regional_workshop')) {
    return 'global_crises';
  }
  if (
    PEER_KINDS.includes(kind) ||
    engagementTypes.some((t) => ['learning_visit', 'regional_workshop', 'summit', 'transatlantic_dialogue', 'roundtable'].includes(t))
  ) {
    return 'peer_learning';
  }
  return 'multi_actor';
}

/** `GET /api/stories/:id/export.md` and `.html`. */
export const STORY_EXPORT_FORMATS = ['md', 'html'] as const;
export type StoryExportFormat = (typeof STORY_EXPORT_FORMATS)[number];
