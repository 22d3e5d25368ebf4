import { Sensitivity, StoryStatus, sensitivityComplete } from '@impact/contracts';

export type SubmitBlocker = 'notDraft' | 'checklist' | 'figureLanguage' | 'unsaved' | 'noBody' | 'notAllowed';

/**
 * Why "Submit for review" is not offered yet, in the order the author should fix things. Empty when
 * the story may go to review. The API refuses the same cases (422 without the checklist, or with a
 * figure line in another language).
 */
export function submitBlockers(state: {
  status: StoryStatus;
  sensitivity: Pick<Sensitivity, 'consentForNamedPeople' | 'noDetailsExposingIndividuals' | 'cityAgreedToPublication'>;
  dirty: boolean;
  body: string;
  mayTransition: boolean;
  /** How many cited figures are still worded in another language than the story's. */
  foreignFigures?: number;
}): SubmitBlocker[] {
  const blockers: SubmitBlocker[] = [];
  if (!state.mayTransition) blockers.push('notAllowed');
  if (state.status !== 'draft') blockers.push('notDraft');
  if (!state.body.trim()) blockers.push('noBody');
  if (state.foreignFigures) blockers.push('figureLanguage');
  if (!sensitivityComplete(state.sensitivity)) blockers.push('checklist');
  if (state.dirty) blockers.push('unsaved');
  return blockers;
}
