import type { CommitmentStatus, Role, StoryStatus } from './enums';

/**
 * Which commitment status may follow which (docs/api.md). Used by the API to refuse and by the web to offer.
 * An achieved commitment may be reopened (back to in progress, with a note): how "Achieved" is undone.
 */
export const COMMITMENT_TRANSITIONS: Readonly<Record<CommitmentStatus, readonly CommitmentStatus[]>> = {
  pledged: ['in_progress', 'cancelled'],
  in_progress: ['stalled', 'achieved', 'cancelled'],
  stalled: ['in_progress', 'cancelled'],
  achieved: ['in_progress'],
  cancelled: [],
};

export function canTransitionCommitment(from: CommitmentStatus, to: CommitmentStatus): boolean {
  return COMMITMENT_TRANSITIONS[from].includes(to);
}

export function nextCommitmentStatuses(from: CommitmentStatus): readonly CommitmentStatus[] {
  return COMMITMENT_TRANSITIONS[from];
}

/** How far along the chain a status is; used to colour a city by its furthest commitment. */
export const COMMITMENT_STATUS_RANK: Readonly<Record<CommitmentStatus, number>> = {
  cancelled: 0,
  pledged: 1,
  stalled: 2,
  in_progress: 3,
  achieved: 4,
};

export const STORY_TRANSITIONS: Readonly<Record<StoryStatus, readonly StoryStatus[]>> = {
  draft: ['in_review', 'archived'],
  in_review: ['draft', 'published', 'archived'],
  published: ['archived'],
  archived: [],
};

export function canTransitionStory(from: StoryStatus, to: StoryStatus): boolean {
  return STORY_TRANSITIONS[from].includes(to);
}

/** Only leadership (and admin, who may do all) publishes a story. */
export function mayPublishStory(role: Role): boolean {
  return role === 'leadership' || role === 'admin';
}
