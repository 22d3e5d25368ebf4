import { expect, test, type Page } from '@playwright/test';
import { Api, unique } from './support/api';
import { dialog, shot } from './support/forms';
import { expectNotice } from './support/notices';
import { signIn } from './support/session';

const PHONE = { width: 390, height: 844 };

async function inLanguage(page: Page, lang: 'en' | 'ar'): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('impact.language', l), lang);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

const snackBar = (page: Page) => page.locator('mat-snack-bar-container');

test.describe('undo', () => {
  test('achieving a commitment asks about its open follow-ups, closes them, and "Undo" puts everything back', async ({ page, request }) => {
    const api = await Api.as(request, 'esa.manager@impact.test');
    const title = unique('E2E Youth desk to undo');
    const id = await api.createCommitment(title);
    await api.moveCommitment(id, 'in_progress', 'Work started.');
    await api.addOutcome(id);
    const owed = [unique('E2E Send the visit report'), unique('E2E Call the youth council')];
    for (const followUp of owed) {
      await api.call('POST', 'follow-ups', { commitmentId: id, title: followUp, kind: 'check_in', dueDate: '2031-05-01' });
    }

    await signIn(page, 'nansana.liaison@impact.test');
    await page.goto(`/commitments/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    const followUps = page.getByRole('region', { name: 'Follow-ups' });
    const row = (name: string) => followUps.getByRole('listitem').filter({ hasText: name });

    await page.getByRole('group', { name: 'Next steps' }).getByRole('button', { name: 'Mark as achieved' }).click();
    const achieve = dialog(page, 'Change the status');
    const question = achieve.getByRole('group', { name: 'This commitment still has 2 open follow-ups. What should happen to them?' });
    await expect(question).toBeVisible();
    for (const name of owed) await expect(question.getByRole('listitem').filter({ hasText: name })).toBeVisible();
    await achieve.getByLabel('Why? (required)').fill('The desk is open every week.');
    // Not answered: nothing is sent.
    await achieve.getByRole('button', { name: 'Mark as achieved' }).click();
    await expect(achieve.getByRole('alert').filter({ hasText: 'Choose what to do with the open follow-ups.' })).toBeVisible();
    await shot(page, 'undo-achieve-question-en');
    await achieve.getByRole('radio', { name: 'Close them (mark them done)' }).check();
    await achieve.getByRole('button', { name: 'Mark as achieved' }).click();
    await expect(achieve).toHaveCount(0);

    await expectNotice(page, `“${title}” is achieved and its 2 open follow-ups are closed.`);
    await expect(page.locator('it-status-stepper [aria-current="step"]')).toContainText('Achieved');
    for (const name of owed) await expect(row(name)).toContainText('Done');
    await shot(page, 'undo-achieved-snackbar-en');

    await snackBar(page).getByRole('button', { name: 'Undo' }).click();
    await expectNotice(page, `“${title}” is in progress again.`);
    await expect(page.locator('it-status-stepper [aria-current="step"]')).toContainText('In progress');
    for (const name of owed) await expect(row(name)).toContainText('Open');
    // The undo is a step of the workflow, in the history with its note and who took it.
    const history = page.getByRole('region', { name: 'History' });
    await expect(history.getByRole('listitem').filter({ hasText: 'Undone right after it was marked achieved.' })).toContainText(
      /Achieved.*to.*In progress/,
    );
    await expect(history.getByRole('listitem').filter({ hasText: 'Undone right after it was marked achieved.' })).toContainText(
      'Grace Nakato',
    );
    // What the API now says (not only what the page shows).
    const after = await api.call<{ status: string; progress: number }>('GET', `commitments/${id}`);
    expect(after.status).toBe('in_progress');
    const open = await api.call<{ items: { title: string; status: string }[] }>('GET', `follow-ups?commitmentId=${id}&status=open`);
    expect(open.items.map((f) => f.title).sort()).toEqual([...owed].sort());
  });

  test('on a phone in Arabic, "Mark done" on a follow-up can be undone from the snack-bar', async ({ page, request }) => {
    const api = await Api.as(request, 'esa.manager@impact.test');
    const commitmentId = await api.createCommitment(unique('E2E Watch with a follow-up'));
    const title = unique('E2E Check in with the ward leaders');
    await api.call('POST', 'follow-ups', { commitmentId, title, kind: 'check_in', dueDate: '2031-06-01' });

    await page.setViewportSize(PHONE);
    await signIn(page, 'nansana.liaison@impact.test');
    await page.goto(`/follow-ups?q=${encodeURIComponent(title)}`);
    await inLanguage(page, 'ar');
    // On a phone the list is cards: this one, found by its title, with its "Mark done" button.
    const card = page.getByRole('heading', { level: 2, name: title });
    const markDone = page.getByRole('button', { name: 'وضع علامة منجز', exact: true });
    await expect(card).toBeVisible();
    await expect(markDone).toHaveCount(1);
    await markDone.click();

    await expectNotice(page, `تم إنجاز «${title}».`);
    // The list shows open follow-ups: the done one leaves it.
    await expect(card).toHaveCount(0);
    await shot(page, 'undo-follow-up-done-ar-phone');
    await snackBar(page).getByRole('button', { name: 'تراجع' }).click();
    await expectNotice(page, `عادت «${title}» مفتوحة.`);
    await expect(card).toBeVisible();
    await expect(markDone).toHaveCount(1);
    const back = await api.call<{ items: { title: string; status: string }[] }>(
      'GET',
      `follow-ups?q=${encodeURIComponent(title)}&status=open`,
    );
    expect(back.items.map((f) => f.title)).toEqual([title]);
  });
});
