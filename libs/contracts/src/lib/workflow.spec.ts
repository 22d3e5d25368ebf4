import { COMMITMENT_STATUSES } from './enums';
import { canTransitionCommitment, canTransitionStory, mayPublishStory, nextCommitmentStatuses } from './workflow';

describe('commitment workflow', () => {
  it('follows the commitment workflow of docs/api.md', () => {
    expect(nextCommitmentStatuses('pledged')).toEqual(['in_progress', 'cancelled']);
    expect(canTransitionCommitment('in_progress', 'achieved')).toBe(true);
    expect(canTransitionCommitment('stalled', 'in_progress')).toBe(true);
    expect(canTransitionCommitment('pledged', 'achieved')).toBe(false);
    expect(canTransitionCommitment('stalled', 'achieved')).toBe(false);
  });
  it('ends at cancelled, and lets an achieved commitment be reopened only (the way "Achieved" is undone)', () => {
    for (const to of COMMITMENT_STATUSES) {
      expect(canTransitionCommitment('cancelled', to)).toBe(false);
    }
    expect(nextCommitmentStatuses('achieved')).toEqual(['in_progress']);
  });
});

describe('story workflow', () => {
  it('goes draft → in_review → published → archived, and can be sent back', () => {
    expect(canTransitionStory('draft', 'in_review')).toBe(true);
    expect(canTransitionStory('in_review', 'published')).toBe(true);
    expect(canTransitionStory('in_review', 'draft')).toBe(true);
    expect(canTransitionStory('published', 'archived')).toBe(true);
    expect(canTransitionStory('draft', 'published')).toBe(false);
  });
  it('lets only leadership and admin publish', () => {
    expect(mayPublishStory('leadership')).toBe(true);
    expect(mayPublishStory('admin')).toBe(true);
    expect(mayPublishStory('hub_manager')).toBe(false);
    expect(mayPublishStory('city_liaison')).toBe(false);
  });
});
