import type {
  CityKind,
  CommitmentKind,
  CommitmentStatus,
  EngagementType,
  FollowUpKind,
  FollowUpStatus,
  Language,
  MembershipStatus,
  OutcomeType,
  PartnerKind,
  Role,
  StoryCategory,
  StoryStatus,
} from './enums';

/** ISO date without time, `YYYY-MM-DD`. */
export type IsoDate = string;
/** ISO 8601 instant with `Z`. */
export type IsoInstant = string;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /**
   * On the lists that page by cursor too (commitments, engagements, follow-ups): pass it as `after` for
   * the next page (same filters and sort); null on the last page.
   */
  nextCursor?: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface ListQuery {
  page?: number;
  pageSize?: number;
  /** `<field>:<asc|desc>` */
  sort?: string;
  q?: string;
}

/** Keyset paging, on the lists that offer it: `after` is a `nextCursor` of the same list and sort (not with `page`). */
export interface CursorQuery {
  after?: string;
}

export interface FieldError {
  field: string;
  message: string;
}

export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  requestId?: string;
  details?: FieldError[] | { current: unknown } | unknown;
}

export interface Health {
  status: 'ok' | 'error';
  db: 'up' | 'down';
}

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  hubIds: string[];
  cityIds: string[];
  language: Language;
}

export interface User extends UserSummary {
  active: boolean;
  /** True while an invited user has not yet chosen a password from the mailed link. */
  invitationPending: boolean;
  createdAt: IsoInstant;
  version: number;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export interface LoginResponse extends TokenPair {
  user: UserSummary;
}

export interface RefreshRequest {
  refreshToken: string;
}

export interface CreateUserRequest {
  email: string;
  name: string;
  /** Left out, the user is invited: a set-password link is mailed (valid 72 hours). */
  password?: string;
  role: Role;
  hubIds: string[];
  cityIds: string[];
  language?: Language;
}

export interface UpdateUserRequest {
  version: number;
  name?: string;
  role?: Role;
  hubIds?: string[];
  cityIds?: string[];
  active?: boolean;
  language?: Language;
  password?: string;
}

/** A hub's name in other languages; a language left out reads `name`. */
export type HubNames = Partial<Record<Language, string>>;

export interface Hub {
  id: string;
  code: string;
  /** The name of record (English), used where no translation is stored. */
  name: string;
  names: HubNames;
  version: number;
}

export interface City {
  id: string;
  name: string;
  countryCode: string;
  hubId: string;
  kind: CityKind;
  membershipStatus: MembershipStatus;
  memberSince: IsoDate | null;
  leadOfficial: string | null;
  latitude: number | null;
  longitude: number | null;
  liaisonIds: string[];
  version: number;
}

export interface Partner {
  id: string;
  name: string;
  kind: PartnerKind;
  countryCode: string | null;
  version: number;
}

export interface Participants {
  total: number;
  mayors: number;
  officials: number;
  youth: number;
  women: number;
  communityLeaders: number;
}

export interface Engagement {
  id: string;
  title: string;
  type: EngagementType;
  hubId: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
  locationCityId: string | null;
  online: boolean;
  hostCityId: string | null;
  participatingCityIds: string[];
  partnerIds: string[];
  participants: Participants;
  summary: string;
  evidenceLinks: string[];
  version: number;
}

export interface Commitment {
  id: string;
  title: string;
  kind: CommitmentKind;
  cityId: string;
  hubId: string;
  ownerId: string | null;
  targetDate: IsoDate | null;
  progress: number;
  status: CommitmentStatus;
  inspiredByEngagementIds: string[];
  partnerIds: string[];
  description: string;
  atRisk: boolean;
  createdAt: IsoInstant;
  version: number;
}

export interface CommitmentTransitionRequest {
  to: CommitmentStatus;
  note: string;
}

export interface FollowUp {
  id: string;
  commitmentId: string | null;
  engagementId: string | null;
  title: string;
  kind: FollowUpKind;
  ownerId: string | null;
  dueDate: IsoDate | null;
  status: FollowUpStatus;
  completedAt: IsoInstant | null;
  note: string | null;
  overdue: boolean;
  version: number;
}

export interface Outcome {
  id: string;
  commitmentId: string | null;
  cityId: string;
  date: IsoDate;
  type: OutcomeType;
  value: number | null;
  unit: string | null;
  description: string;
  evidenceUrl: string | null;
  verifiedById: string | null;
  verifiedAt: IsoInstant | null;
  version: number;
}

export interface Quote {
  text: string;
  attribution: string;
}

export interface Sensitivity {
  consentForNamedPeople: boolean;
  noDetailsExposingIndividuals: boolean;
  cityAgreedToPublication: boolean;
  confirmedById: string | null;
  confirmedAt: IsoInstant | null;
}

/** How a story words one cited figure in its own language: the unit and the line after the number. */
export interface StoryFigureWording {
  unit: string | null;
  description: string;
}
/** By outcome id (an index signature, so the API's schema allows any id as a key). */
export interface StoryFigureWordings {
  [outcomeId: string]: StoryFigureWording;
}

export interface Story {
  id: string;
  title: string;
  category: StoryCategory;
  hubId: string;
  cityIds: string[];
  body: string;
  quotes: Quote[];
  engagementIds: string[];
  commitmentIds: string[];
  outcomeIds: string[];
  /** Each cited figure worded in the story's language, by outcome id; the number stays the record's. */
  figureWording: StoryFigureWordings;
  language: Language;
  translationOf: string | null;
  sensitivity: Sensitivity;
  status: StoryStatus;
  authorId: string;
  approvedById: string | null;
  publishedAt: IsoInstant | null;
  version: number;
}

/** One field's change in an audit row. */
export interface FieldChange {
  old: unknown;
  new: unknown;
}

/** What a write changed, field by field. */
export interface FieldChanges {
  [field: string]: FieldChange;
}

export interface HistoryEntry {
  id: string;
  at: IsoInstant;
  actorId: string | null;
  actorName: string | null;
  action: string;
  from: string | null;
  to: string | null;
  note: string | null;
  changes: FieldChanges | null;
}

export interface AuditEntry {
  id: string;
  at: IsoInstant;
  actorId: string | null;
  entity: string;
  entityId: string;
  action: string;
  changes: FieldChanges | null;
  note: string | null;
}
