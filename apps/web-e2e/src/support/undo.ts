import { expect, type Locator, type Page } from '@playwright/test';
import { dialog } from './forms';
import { expectNotice } from './notices';

type T = (key: string, vars?: Record<string, string | number>) => string;

/** How a step is taken back right after it: the snack-bar's "Undo" button, or Ctrl+Z from the page. */
export type UndoBy = 'button' | 'keys';

/** The commitment page's current status step. */
export const currentStep = (page: Page): Locator => page.locator('it-status-stepper [aria-current="step"]');

/**
 * "Mark as achieved" on the commitment page, with its note; when the commitment still has `openFollowUps`,
 * the dialog asks what to do with them and `answer` is chosen. Waits for the news that it is achieved.
 */
export async function markAchieved(
  page: Page,
  t: T,
  { name, note, openFollowUps = 0, answer = 'close' }: { name: string; note: string; openFollowUps?: number; answer?: 'close' | 'keep' },
): Promise<Locator> {
  const achieve = t('commitments.transition.to.achieved');
  await page
    .getByRole('group', { name: t('commitments.stepper.next') })
    .getByRole('button', { name: achieve })
    .click();
  const form = dialog(page, t('commitments.transition.title'));
  await form.getByLabel(t('commitments.transition.note')).fill(note);
  if (openFollowUps > 0) {
    const question = form.getByRole('group', { name: t('achieve.question', { count: openFollowUps }) });
    await expect(question).toBeVisible();
    await question.getByRole('radio', { name: t(`achieve.${answer}`, { count: openFollowUps }) }).check();
  }
  await form.getByRole('button', { name: achieve }).click();
  await expect(form).toHaveCount(0);
  const closed = openFollowUps > 0 && answer === 'close';
  await expectNotice(page, closed ? t('undo.achievedClosed', { count: openFollowUps, name }) : t('undo.achieved', { name }));
  await expect(currentStep(page)).toContainText(t('status.commitment.achieved'));
  return form;
}

/** Takes the last step back, `by` the snack-bar's button or the keyboard, and waits for the news `notice`. */
export async function undo(page: Page, t: T, by: UndoBy, notice: string): Promise<void> {
  if (by === 'button')
    await page
      .locator('mat-snack-bar-container')
      .getByRole('button', { name: t('undo.action') })
      .click();
  else await page.keyboard.press('Control+z');
  await expectNotice(page, notice);
}

/** Undoes "Achieved" and checks the commitment is in progress again. */
export async function undoAchieved(page: Page, t: T, by: UndoBy, name: string): Promise<void> {
  await undo(page, t, by, t('undo.reopened', { name }));
  await expect(currentStep(page)).toContainText(t('status.commitment.in_progress'));
}

/**
 * "Mark done" on a follow-up of the follow-ups list (opened on its title, so it is the only one): the row's
 * button named after it on a laptop, the card's plain button on a phone. The list shows open work, so the
 * done one leaves it.
 */
export async function markDoneInList(page: Page, t: T, title: string, phone: boolean): Promise<Locator> {
  const button = phone
    ? page.getByRole('button', { name: t('followUps.markDone'), exact: true })
    : page.getByRole('button', { name: t('followUps.markDoneNamed', { name: title }) });
  const item = phone ? page.getByRole('heading', { level: 2, name: title }) : page.getByRole('row').filter({ hasText: title });
  await expect(item).toBeVisible();
  await expect(button).toHaveCount(1);
  await button.click();
  await expectNotice(page, t('followUps.markedDone', { name: title }));
  await expect(item).toHaveCount(0);
  return item;
}
