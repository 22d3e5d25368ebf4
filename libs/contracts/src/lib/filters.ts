import type { CommitmentKind, CommitmentStatus, EngagementType, FollowUpStatus, MembershipStatus, OutcomeType } from './enums';
import type { CursorQuery, IsoDate, ListQuery } from './models';

/** Extra list filters beyond the common ones of docs/api.md, shared by API and web. */
export interface CommitmentFilters extends ListQuery, CursorQuery {
  hubId?: string;
  cityId?: string;
  status?: CommitmentStatus;
  kind?: CommitmentKind;
  overdue?: boolean;
  atRisk?: boolean;
  ownerId?: string;
  /** Achieved, and the move to achieved fell on or after / on or before this day (dashboard drill-down). */
  achievedFrom?: IsoDate;
  achievedTo?: IsoDate;
  /** Inspired by this engagement. */
  engagementId?: string;
}

export interface FollowUpFilters extends ListQuery, CursorQuery {
  hubId?: string;
  cityId?: string;
  ownerId?: string;
  status?: FollowUpStatus;
  overdue?: boolean;
  commitmentId?: string;
  engagementId?: string;
}

export interface EngagementFilters extends ListQuery, CursorQuery {
  hubId?: string;
  cityId?: string;
  type?: EngagementType;
  from?: IsoDate;
  to?: IsoDate;
  /** Inspired at least one live commitment (dashboard drill-down). */
  ledToCommitment?: boolean;
  /** Worked with this partner (a partner's link from a record or the partners list). */
  partnerId?: string;
}

export interface CityFilters extends ListQuery {
  hubId?: string;
  countryCode?: string;
  membershipStatus?: MembershipStatus;
  /** Had activity (an engagement, a commitment status change) in [activeFrom, activeTo] (dashboard drill-down). */
  active?: boolean;
  activeFrom?: IsoDate;
  activeTo?: IsoDate;
}

export interface OutcomeFilters extends ListQuery {
  hubId?: string;
  cityId?: string;
  commitmentId?: string;
  type?: OutcomeType;
  from?: IsoDate;
  to?: IsoDate;
}
