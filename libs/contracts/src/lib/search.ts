/** `GET /api/search`: one search box across the records a user may read. */

export const SEARCH_KINDS = ['cities', 'engagements', 'commitments', 'followUps', 'outcomes', 'stories', 'partners'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** `q` must have at least this many characters (trimmed); fewer match too much to be useful. */
export const SEARCH_MIN_CHARS = 2;
/** Items per kind: `limit` within these bounds, this many without it. */
export const SEARCH_LIMIT = { min: 1, max: 20, default: 5 } as const;
/** Each kind's matches are counted up to this many; past it, `total` is this and `more` is true ("1,000+"). */
export const SEARCH_COUNT_CAP = 1000;

export interface SearchQuery {
  q: string;
  limit?: number;
}

export interface SearchItem {
  id: string;
  title: string;
  /** A short line of context (city, hub, kind or date), or null. */
  subtitle: string | null;
  /** The web route that shows the record (or its parent's page). */
  link: string;
}

export interface SearchGroup {
  kind: SearchKind;
  /** Every match of this kind the caller may read, beyond the `limit` shown, counted up to SEARCH_COUNT_CAP. */
  total: number;
  /** True when more than `total` match (the count stopped at SEARCH_COUNT_CAP): `total` is a lower bound. */
  more: boolean;
  items: SearchItem[];
}

export interface SearchResults {
  groups: SearchGroup[];
}
