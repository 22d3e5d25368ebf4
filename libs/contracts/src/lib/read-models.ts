import type { Role } from './enums';
import type { City, Commitment, Engagement, FollowUp, Outcome } from './models';
import type { StoryListItem } from './stories';

/* ---------------------------------------------------------------------------------------------
 * Read models the pages need beyond the bare records: names resolved in SQL (no N+1 from the web),
 * the city timeline, people to pick as owners. The API adds them; clients may ignore them.
 * ------------------------------------------------------------------------------------------- */

/** A record reference with its display name. */
export interface Ref {
  id: string;
  name: string;
}

export interface CityListItem extends City {
  hubName: string;
}

export interface EngagementListItem extends Engagement {
  hubName: string;
  hostCityName: string | null;
  locationCityName: string | null;
  participatingCities: Ref[];
  partners: Ref[];
}

export interface CommitmentListItem extends Commitment {
  cityName: string;
  hubName: string;
  ownerName: string | null;
  inspiredBy: Ref[];
  partners: Ref[];
}

export interface FollowUpListItem extends FollowUp {
  /** The city and hub of the commitment or engagement the follow-up belongs to. */
  cityId: string | null;
  cityName: string | null;
  hubId: string;
  ownerName: string | null;
  commitmentTitle: string | null;
  engagementTitle: string | null;
}

export interface OutcomeListItem extends Outcome {
  cityName: string;
  hubId: string;
  commitmentTitle: string | null;
  verifiedByName: string | null;
}

/** `GET /api/cities/:id/timeline`: the city's whole story in one answer. */
export interface CityTimeline {
  city: CityListItem;
  liaisons: Ref[];
  engagements: EngagementListItem[];
  commitments: CommitmentListItem[];
  followUps: FollowUpListItem[];
  outcomes: OutcomeListItem[];
  /** Cities whose hosted engagements inspired this city's commitments. */
  learnedFrom: { city: Ref; engagement: Ref }[];
  /** Cities that made commitments inspired by engagements this city hosted. */
  taught: { city: Ref; engagement: Ref }[];
}

/**
 * `GET /api/engagements/:id/related`: what came of an engagement, each list holding only what the
 * caller may read (up to `RELATED_MAX_ITEMS` each).
 */
export interface EngagementRelated {
  /** Live commitments it inspired, newest first. */
  commitments: CommitmentListItem[];
  /** Live follow-ups linked to it, soonest due first. */
  followUps: FollowUpListItem[];
  /** Live stories that cite it, last changed first. */
  stories: StoryListItem[];
}

/** `GET /api/users/lookup?q=`: active people a signed-in user may pick as an owner. */
export interface Person {
  id: string;
  name: string;
  role: Role;
  /**
   * Where the person works, so two people of the same name can be told apart in an owner picker: a
   * liaison's cities (those the caller may read) by name, a hub manager's hubs. Only the lookup sends them.
   */
  cityNames?: string[];
  hubIds?: string[];
}

/**
 * What a user still owns that is open (follow-ups not done, commitments neither achieved nor
 * cancelled), and the active people who may own every one of those records: whom a deactivation can
 * hand them to.
 */
export interface OpenWork {
  followUps: number;
  commitments: number;
  candidates: Person[];
}
