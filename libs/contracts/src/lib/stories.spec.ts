import { groupStoriesByCategory, sensitivityComplete, storyTransitionNeedsNote, suggestStoryCategory } from './stories';

describe('stories', () => {
  it('needs all three checklist answers before review', () => {
    expect(sensitivityComplete(null)).toBe(false);
    expect(sensitivityComplete({ consentForNamedPeople: true, noDetailsExposingIndividuals: true })).toBe(false);
    expect(sensitivityComplete({ consentForNamedPeople: true, noDetailsExposingIndividuals: true, cityAgreedToPublication: true })).toBe(
      true,
    );
  });

  it('asks a reason only for a send-back', () => {
    expect(storyTransitionNeedsNote('in_review', 'draft')).toBe(true);
    expect(storyTransitionNeedsNote('draft', 'in_review')).toBe(false);
  });

  it('suggests a category from the commitment kind and the engagement types', () => {
    expect(suggestStoryCategory(['learning_visit'], 'neighbourhood_watch')).toBe('multi_actor');
    expect(suggestStoryCategory(['learning_visit'], 'youth_council')).toBe('youth');
    expect(suggestStoryCategory(['national_local_dialogue'], 'prevention_committee')).toBe('national_local');
    expect(suggestStoryCategory(['regional_workshop'], 'strategy_or_plan')).toBe('peer_learning');
    expect(suggestStoryCategory(['webinar'], 'other')).toBe('global_crises');
  });

  it('groups in the seed order and leaves empty categories out', () => {
    const groups = groupStoriesByCategory([
      { id: 'a', category: 'youth' as const },
      { id: 'b', category: 'peer_learning' as const },
      { id: 'c', category: 'youth' as const },
    ]);
    expect(groups.map((g) => g.category)).toEqual(['peer_learning', 'youth']);
    expect(groups[1].stories.map((s) => s.id)).toEqual(['a', 'c']);
  });
});
