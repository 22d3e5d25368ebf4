/** Enumerations of the HTTP contract (docs/api.md). Values are the wire values. */

export const ROLES = ['admin', 'leadership', 'hub_manager', 'city_liaison'] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['en', 'fr', 'ar', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
export const RTL_LANGUAGES: readonly Language[] = ['ar'];

export const MEMBERSHIP_STATUSES = ['member', 'joining', 'engaged'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

export const CITY_KINDS = ['city', 'municipality', 'urban_council', 'region', 'working_group'] as const;
export type CityKind = (typeof CITY_KINDS)[number];

export const PARTNER_KINDS = [
  'international_organisation',
  'national_government',
  'municipality',
  'association',
  'civil_society',
  'academic',
  'other',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const ENGAGEMENT_TYPES = [
  'regional_workshop',
  'learning_visit',
  'summit',
  'roundtable',
  'national_local_dialogue',
  'transatlantic_dialogue',
  'webinar',
  'technical_assistance',
  'training',
  'grant',
  'youth_programme',
  'other',
] as const;
export type EngagementType = (typeof ENGAGEMENT_TYPES)[number];

export const COMMITMENT_KINDS = [
  'local_safety_council',
  'prevention_committee',
  'neighbourhood_watch',
  'youth_council',
  'strategy_or_plan',
  'agenda_item',
  'remembrance',
  'peer_learning_host',
  'partnership',
  'other',
] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

export const COMMITMENT_STATUSES = ['pledged', 'in_progress', 'stalled', 'achieved', 'cancelled'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export const FOLLOW_UP_STATUSES = ['open', 'done', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const FOLLOW_UP_KINDS = ['technical_assistance', 'training', 'check_in', 'workshop', 'peer_introduction', 'other'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export const OUTCOME_TYPES = [
  'institution_created',
  'policy_adopted',
  'people_trained',
  'cities_joined',
  'national_policy_change',
  'youth_engaged',
  'other',
] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];

/** The five categories of impact stories, in the seed's order. */
export const STORY_CATEGORIES = ['peer_learning', 'multi_actor', 'youth', 'national_local', 'global_crises'] as const;
export type StoryCategory = (typeof STORY_CATEGORIES)[number];

export const STORY_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

/** Participant groups counted on an engagement. */
export const PARTICIPANT_GROUPS = ['mayors', 'officials', 'youth', 'women', 'communityLeaders'] as const;
export type ParticipantGroup = (typeof PARTICIPANT_GROUPS)[number];
