import type { CityKind, EngagementType, FollowUpKind, FollowUpStatus, MembershipStatus, OutcomeType, PartnerKind } from './enums';
import type { Commitment, HubNames, IsoDate, Participants } from './models';

/*
 * What the API takes on POST and PATCH of the core records. A PATCH sends the `version` it read and
 * only the fields it changes; `null` clears a field that may be empty.
 */

export type Patch<T> = Partial<T> & { version: number };

export interface CreateHubRequest {
  code: string;
  name: string;
  /** Translations of the name by language; in an update it replaces the stored set. */
  names?: HubNames;
}
export type UpdateHubRequest = Patch<CreateHubRequest>;

export interface CreateCityRequest {
  name: string;
  countryCode: string;
  hubId: string;
  kind: CityKind;
  membershipStatus: MembershipStatus;
  memberSince?: IsoDate | null;
  leadOfficial?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}
export type UpdateCityRequest = Patch<CreateCityRequest>;

export interface CreatePartnerRequest {
  name: string;
  kind: PartnerKind;
  countryCode?: string | null;
}
export type UpdatePartnerRequest = Patch<CreatePartnerRequest>;

export interface CreateEngagementRequest {
  title: string;
  type: EngagementType;
  hubId: string;
  startDate: IsoDate;
  endDate?: IsoDate | null;
  locationCityId?: string | null;
  online?: boolean;
  hostCityId?: string | null;
  participatingCityIds?: string[];
  partnerIds?: string[];
  participants?: Participants;
  summary?: string;
  evidenceLinks?: string[];
}
export type UpdateEngagementRequest = Patch<CreateEngagementRequest>;

/** What the server decides about a commitment: never part of a request. */
type CommitmentServerFields = 'id' | 'hubId' | 'status' | 'atRisk' | 'createdAt' | 'version';
/** The fields a new commitment must have; every other field of `Commitment` that a client may set is optional. */
type CommitmentRequiredFields = 'title' | 'kind' | 'cityId';

/**
 * Taken from `Commitment` itself, so a new field a client may set reaches the requests without another
 * edit. The hub of a commitment is always its city's hub; status moves only by transitions.
 */
export type CreateCommitmentRequest = Pick<Commitment, CommitmentRequiredFields> &
  Partial<Omit<Commitment, CommitmentServerFields | CommitmentRequiredFields>>;
export type UpdateCommitmentRequest = Patch<CreateCommitmentRequest>;

/** The fields of a commitment a city liaison may change (the rest belongs to the hub). */
export const LIAISON_COMMITMENT_FIELDS = ['progress', 'ownerId'] as const;

/** A follow-up belongs to a commitment, an engagement, or both. `completedAt` follows the status. */
export interface CreateFollowUpRequest {
  commitmentId?: string | null;
  engagementId?: string | null;
  title: string;
  kind: FollowUpKind;
  ownerId?: string | null;
  dueDate?: IsoDate | null;
  status?: FollowUpStatus;
  note?: string | null;
}
export type UpdateFollowUpRequest = Patch<CreateFollowUpRequest>;

/** `verified: true` records the caller as verifier now; `false` clears it (hub managers and admins). */
export interface CreateOutcomeRequest {
  commitmentId?: string | null;
  cityId: string;
  date: IsoDate;
  type: OutcomeType;
  value?: number | null;
  unit?: string | null;
  description?: string;
  evidenceUrl?: string | null;
  verified?: boolean;
}
export type UpdateOutcomeRequest = Patch<CreateOutcomeRequest>;

export interface PartnerFilters {
  page?: number;
  pageSize?: number;
  sort?: string;
  q?: string;
  kind?: PartnerKind;
}

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  page?: number;
  pageSize?: number;
}

/** Deactivating a user; `reassignToId` takes over their open follow-ups and commitments in the same transaction. */
export interface DeactivateUserRequest {
  reassignToId?: string | null;
}
