import {
  figuresInOtherLanguage,
  fitsLanguage,
  groupStoriesByCategory,
  sensitivityComplete,
  storyTransitionNeedsNote,
  suggestStoryCategory,
  wordedFigure,
} from './stories';

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

describe('figures in the story’s language', () => {
  const trained = { id: 'o1', unit: 'people trained', description: 'Municipal officials trained for the Watch.' };
  const adopted = { id: 'o2', unit: null, description: '2024' };

  it('tells a line’s language by its script; a line without letters fits any', () => {
    expect(fitsLanguage('Municipal officials', 'ar')).toBe(false);
    expect(fitsLanguage('موظفو البلدية', 'ar')).toBe(true);
    expect(fitsLanguage('موظفو البلدية في برنامج PVE', 'ar')).toBe(true);
    expect(fitsLanguage('موظفو البلدية', 'fr')).toBe(false);
    expect(fitsLanguage('Agents municipaux formés', 'fr')).toBe(true);
    expect(fitsLanguage('150 — 2024', 'es')).toBe(true);
  });

  it('words a figure with the story’s wording when there is one, and lists the lines in another language', () => {
    const wording = { o1: { unit: 'شخصًا مدرَّبًا', description: 'موظفو البلدية' } };
    expect(wordedFigure(trained, wording)).toEqual({ id: 'o1', unit: 'شخصًا مدرَّبًا', description: 'موظفو البلدية' });
    expect(wordedFigure(trained, {})).toBe(trained);
    expect(figuresInOtherLanguage([trained, adopted], {}, 'ar')).toEqual(['o1']);
    expect(figuresInOtherLanguage([trained, adopted], wording, 'ar')).toEqual([]);
    expect(figuresInOtherLanguage([trained, adopted], {}, 'en')).toEqual([]);
  });
});
