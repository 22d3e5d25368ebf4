import { MAX_PAGE_SIZE } from './models';
import { PASSWORD_MIN_LENGTH } from './routes';

/**
 * The bounds of every record field, written once for the API's request validation and the web's
 * form validators. Each text length is no wider than its database column (`varchar(n)` in the
 * migrations; `text` columns are bounded here only). Lengths count UTF-16 code units, as both
 * class-validator's `MaxLength` and Angular's `Validators.maxLength` do.
 */
export const MAX_LENGTH = {
  hub: { code: 32, name: 200 },
  city: { name: 200, countryCode: 2, leadOfficial: 200 },
  partner: { name: 200 },
  user: { email: 254, name: 200, password: 256 },
  engagement: { title: 300, summary: 20_000, evidenceLink: 2_000 },
  commitment: { title: 300, description: 20_000, transitionNote: 2_000 },
  followUp: { title: 300, note: 5_000 },
  outcome: { unit: 100, description: 20_000, evidenceUrl: 2_000 },
  story: { title: 300, body: 50_000, quoteText: 2_000, quoteAttribution: 300, transitionNote: 2_000 },
  /** Signing in takes longer passwords than an account may be given, so old ones still work. */
  login: { email: 254, password: 1_024, refreshToken: 512 },
  /** A list's free-text search (`q`). */
  search: 200,
  /** A list's keyset cursor (`after`). */
  cursor: 2_000,
} as const;

/** The shortest text a field takes (required text fields take at least one character). */
export const MIN_LENGTH = {
  user: { password: PASSWORD_MIN_LENGTH },
} as const;

/** A closed range of numbers. */
export interface Bounds {
  readonly min: number;
  readonly max: number;
}

/** Numeric bounds, inclusive at both ends. */
export const BOUNDS = {
  city: {
    latitude: { min: -90, max: 90 },
    longitude: { min: -180, max: 180 },
  },
  commitment: { progress: { min: 0, max: 100 } },
  /** Each participant count (total and every group). */
  engagement: { participants: { min: 0, max: 10_000_000 } },
  outcome: { value: { min: -1e12, max: 1e12 } },
  /** A record's `version` is a PostgreSQL `integer`. */
  version: { min: 1, max: 2_147_483_647 },
  page: { min: 1, max: 1_000_000 },
  pageSize: { min: 1, max: MAX_PAGE_SIZE },
} as const satisfies Record<string, Bounds | Record<string, Bounds>>;

/** The most entries a list field of a record takes. */
export const MAX_ITEMS = {
  user: { hubIds: 50, cityIds: 500 },
  engagement: { participatingCityIds: 500, partnerIds: 100, evidenceLinks: 50 },
  commitment: { inspiredByEngagementIds: 100, partnerIds: 100 },
  story: { cityIds: 100, engagementIds: 100, commitmentIds: 100, outcomeIds: 200, quotes: 50 },
} as const;

/** The most records of each kind a record page's "what came of it" lists carry (`GET /api/engagements/:id/related`). */
export const RELATED_MAX_ITEMS = 500;
