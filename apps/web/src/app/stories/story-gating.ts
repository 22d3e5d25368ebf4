import { Sensitivity, StoryStatus, sensitivityComplete } from '@impact/contracts';

export type SubmitBlocker = 'notDraft' | 'checklist' | 'unsaved' | 'noBody' | 'notAllowed';

/**
 * Why "Submit for review" is not offered yet, in the order the author should fix things. Empty when
 * the story may go to review. The API refuses the same cases (422 without the checklist).
 */
export function submitBlockers(state: {
  status: StoryStatus;
  sensitivity: Pick<Sensitivity, 'consentForNamedPeople' | 'noDetailsExposingIndividuals' | 'cityAgreedToPublication'>;
  dirty: boolean;
  body: string;
  mayTransition: boolean;
}): SubmitBlocker[] {
  const blockers: SubmitBlocker[] = [];
  if (!state.mayTransition) blockers.push('notAllowed');
  if (state.status !== 'draft') blockers.push('notDraft');
  if (!state.body.trim()) blockers.push('noBody');
  if (!sensitivityComplete(state.sensitivity)) blockers.push('checklist');
  if (state.dirty) blockers.push('unsaved');
  return blockers;
}
