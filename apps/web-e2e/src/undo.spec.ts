import { expect, test } from '@playwright/test';
import { Api, unique } from './support/api';
import { dialog, shot } from './support/forms';
import { signIn } from './support/session';
import { currentStep, markAchieved, markDoneInList, undo, undoAchieved } from './support/undo';
import { inLanguage, SETUPS } from './support/words';

// "Achieved" and "Mark done" can be taken back right after, by the snack-bar's "Undo" and by Ctrl+Z:
// each of the two, both ways, in English on a laptop and in Arabic on a phone.

for (const { lang, viewport, t, shot: suffix, phone } of SETUPS) {
  test.describe(`undo (${suffix})`, () => {
    test.use({ viewport });

    test(`achieving asks about the open follow-ups and closes them; "Undo" puts everything back, and Ctrl+Z does too (${suffix})`, async ({
      page,
      request,
    }) => {
      const api = await Api.as(request, 'esa.manager@impact.test');
      const title = unique(`E2E Youth desk to undo ${lang}`);
      const id = await api.createCommitment(title);
      await api.moveCommitment(id, 'in_progress', 'Work started.');
      await api.addOutcome(id);
      const owed = [unique('E2E Send the visit report'), unique('E2E Call the youth council')];
      for (const followUp of owed) {
        await api.call('POST', 'follow-ups', { commitmentId: id, title: followUp, kind: 'check_in', dueDate: '2031-05-01' });
      }

      await signIn(page, 'nansana.liaison@impact.test');
      await page.goto(`/commitments/${id}`);
      await inLanguage(page, lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      const followUps = page.getByRole('region', { name: t('nav.followUps') });
      const statusOf = (name: string) => followUps.getByRole('listitem').filter({ hasText: name }).locator('it-status-chip');

      // Not answered, the question stops the dialog: nothing is sent.
      await page
        .getByRole('group', { name: t('commitments.stepper.next') })
        .getByRole('button', { name: t('commitments.transition.to.achieved') })
        .click();
      const ask = dialog(page, t('commitments.transition.title'));
      const question = ask.getByRole('group', { name: t('achieve.question', { count: 2 }) });
      for (const name of owed) await expect(question.getByRole('listitem').filter({ hasText: name })).toBeVisible();
      await ask.getByLabel(t('commitments.transition.note')).fill('The desk is open every week.');
      await ask.getByRole('button', { name: t('commitments.transition.to.achieved') }).click();
      await expect(ask.getByRole('alert').filter({ hasText: t('achieve.choose') })).toBeVisible();
      await shot(page, `undo-achieve-question-${suffix}`);
      await ask.getByRole('button', { name: t('common.cancel') }).click();
      await expect(ask).toHaveCount(0);

      // Closed with it, then "Undo" from the snack-bar: in progress again, both follow-ups open again.
      await markAchieved(page, t, { name: title, note: 'The desk is open every week.', openFollowUps: 2, answer: 'close' });
      for (const name of owed) await expect(statusOf(name)).toHaveAttribute('data-status', 'done');
      await shot(page, `undo-achieved-snackbar-${suffix}`);
      await undoAchieved(page, t, 'button', title);
      for (const name of owed) await expect(statusOf(name)).toHaveAttribute('data-status', 'open');
      // The undo is a step of the workflow, in the history with its note and who took it.
      const undone = page
        .getByRole('region', { name: t('commitments.history.title') })
        .getByRole('listitem')
        .filter({ hasText: t('undo.note') });
      await expect(undone).toHaveCount(1);
      await expect(undone).toContainText('Grace Nakato');
      await expect(undone).toContainText(new RegExp(`${t('status.commitment.achieved')}.*${t('status.commitment.in_progress')}`));

      // Achieved again, the follow-ups kept open this time, and Ctrl+Z takes it back the same way.
      await markAchieved(page, t, { name: title, note: 'Open every week, really.', openFollowUps: 2, answer: 'keep' });
      // Later than that, the workflow's own step (with a note) takes it back.
      await expect(
        page.getByRole('group', { name: t('commitments.stepper.next') }).getByRole('button', { name: t('undo.reopen') }),
      ).toBeVisible();
      await undoAchieved(page, t, 'keys', title);
      await expect(currentStep(page)).toContainText(t('status.commitment.in_progress'));

      // What the API now says (not only what the page shows).
      expect((await api.call<{ status: string }>('GET', `commitments/${id}`)).status).toBe('in_progress');
      const open = await api.call<{ items: { title: string }[] }>('GET', `follow-ups?commitmentId=${id}&status=open`);
      expect(open.items.map((f) => f.title).sort()).toEqual([...owed].sort());
    });

    test(`"Mark done" on a follow-up is undone by "Undo", and again by Ctrl+Z (${suffix})`, async ({ page, request }) => {
      const api = await Api.as(request, 'esa.manager@impact.test');
      const commitmentId = await api.createCommitment(unique(`E2E Watch with a follow-up ${lang}`));
      const title = unique(`E2E Check in with the ward leaders ${lang}`);
      await api.call('POST', 'follow-ups', { commitmentId, title, kind: 'check_in', dueDate: '2031-06-01' });

      await signIn(page, 'nansana.liaison@impact.test');
      await page.goto(`/follow-ups?q=${encodeURIComponent(title)}`);
      await inLanguage(page, lang);
      // On a laptop the list is a table, on a phone cards: this one, found by its title.
      const item = await markDoneInList(page, t, title, phone);
      await shot(page, `undo-follow-up-done-${suffix}`);
      await undo(page, t, 'button', t('undo.followUpReopened', { name: title }));
      await expect(item).toBeVisible();

      await markDoneInList(page, t, title, phone);
      await undo(page, t, 'keys', t('undo.followUpReopened', { name: title }));
      await expect(item).toBeVisible();
      const back = await api.call<{ items: { title: string }[] }>('GET', `follow-ups?q=${encodeURIComponent(title)}&status=open`);
      expect(back.items.map((f) => f.title)).toEqual([title]);
    });
  });
}
