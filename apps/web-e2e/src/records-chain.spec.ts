import { expect, test, type Page } from '@playwright/test';
import { Api, unique } from './support/api';
import { choose, dialog, pick, shot } from './support/forms';
import { expectNotice } from './support/notices';
import { signIn } from './support/session';

/** The commitment page's status step: the note dialog, filled and confirmed. */
async function step(page: Page, button: string, note: string): Promise<void> {
  await page.getByRole('group', { name: 'Next steps' }).getByRole('button', { name: button }).click();
  const form = dialog(page, 'Change the status');
  await form.getByLabel('Why? (required)').fill(note);
  await form.getByRole('button', { name: button }).click();
  await expect(form).toHaveCount(0);
}

function currentStatus(page: Page) {
  return page.getByRole('list', { name: 'Status path' }).locator('[aria-current="step"]');
}

test.describe('the records chain: engagement → commitment → follow-up → outcome → achieved', () => {
  test('a hub manager logs an engagement and a commitment; the liaison carries it to achieved', async ({ page, browser }) => {
    const engagementTitle = unique('E2E workshop in Cape Town');
    const commitmentTitle = unique('E2E Neighbourhood Watch in Nansana');

    // The East & Southern Africa hub manager logs a workshop hosted by Cape Town with Nansana taking part.
    await signIn(page, 'esa.manager@impact.test');
    await page.goto('/engagements');
    await page.getByRole('button', { name: 'Log engagement' }).first().click();
    const engagement = dialog(page, 'Log an engagement');
    await engagement.getByLabel('Title').fill(engagementTitle);
    await choose(engagement, 'Type', 'Regional workshop');
    await choose(engagement, 'Hub', 'East & Southern Africa');
    await engagement.getByLabel('Start date').fill('2024-05-14');
    await pick(engagement, 'Place', 'Cape Town');
    await pick(engagement, 'Host city', 'Cape Town');
    await pick(engagement, 'Participating cities', 'Nansana');
    // The host city counts among the participating cities by itself.
    const participating = engagement.getByRole('grid', { name: 'Participating cities' }).locator('mat-chip-row');
    await expect(participating.filter({ hasText: 'Cape Town' })).toHaveCount(1);
    await expect(participating).toHaveCount(2);
    await engagement.getByLabel('Total').fill('40');
    await engagement.getByLabel('Summary').fill('Peer learning on Neighbourhood Watch as early warning.');
    await shot(page, 'chain-engagement-form-en');
    await engagement.getByRole('button', { name: 'Save' }).click();
    await expect(engagement).toHaveCount(0);
    await expectNotice(page, `“${engagementTitle}” was saved.`);

    await page.getByRole('searchbox', { name: 'Search engagements' }).fill(engagementTitle);
    const row = page.getByRole('row').filter({ hasText: engagementTitle });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Regional workshop');
    await expect(row).toContainText('Nansana');
    await expect(row).toContainText('Cape Town');

    // …and records what Nansana committed to, inspired by that workshop.
    await page.goto('/commitments');
    await page.getByRole('button', { name: 'Record commitment' }).first().click();
    const commitment = dialog(page, 'Record a commitment');
    await commitment.getByLabel('Title').fill(commitmentTitle);
    await choose(commitment, 'Kind', 'Neighbourhood Watch or early warning');
    await pick(commitment, 'City', 'Nansana');
    await pick(commitment, 'Inspired by', engagementTitle);
    await commitment.getByLabel('Description').fill('Pilot in Gombe Division, to be scaled citywide.');
    await commitment.getByRole('button', { name: 'Save' }).click();
    await expect(commitment).toHaveCount(0);
    await expectNotice(page, `“${commitmentTitle}” was saved.`);

    await expect(page).toHaveURL(/\/commitments\/[0-9a-f-]{36}$/);
    const url = page.url();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(commitmentTitle);
    await expect(currentStatus(page)).toContainText('Pledged');
    await expect(page.getByRole('link', { name: engagementTitle })).toBeVisible();

    // The Nansana liaison takes it from here.
    const liaisonContext = await browser.newContext();
    const liaison = await liaisonContext.newPage();
    await signIn(liaison, 'nansana.liaison@impact.test');
    await liaison.goto(url);
    await expect(liaison.getByRole('heading', { level: 1 })).toHaveText(commitmentTitle);

    await step(liaison, 'Start work', 'The mayor asked for technical assistance; work started.');
    await expectNotice(liaison, 'The commitment is now In progress.');
    await expect(currentStatus(liaison)).toContainText('In progress');

    // A follow-up owed on it…
    await liaison.getByRole('button', { name: 'Add follow-up' }).click();
    const followUp = dialog(liaison, 'Add a follow-up');
    await followUp.getByLabel('Title').fill('Check-in with the Gombe Division pilot');
    await choose(followUp, 'Kind', 'Check-in');
    await followUp.getByLabel('Due date').fill('2030-03-01');
    await followUp.getByRole('button', { name: 'Save' }).click();
    await expect(followUp).toHaveCount(0);
    await expectNotice(liaison, '“Check-in with the Gombe Division pilot” was saved.');
    const followUps = liaison.getByRole('region', { name: 'Follow-ups' });
    await expect(followUps.getByRole('listitem').filter({ hasText: 'Check-in with the Gombe Division pilot' })).toContainText('Open');

    // …and what came of it.
    await liaison.getByRole('button', { name: 'Record outcome' }).click();
    const outcome = dialog(liaison, 'Record an outcome');
    await choose(outcome, 'Type', 'People trained');
    await outcome.getByLabel('Figure').fill('150');
    await outcome.getByLabel('Unit').fill('people trained');
    await outcome.getByLabel('Description').fill('Officials, community leaders and youth trained with Stellenbosch.');
    await outcome.getByRole('button', { name: 'Save' }).click();
    await expect(outcome).toHaveCount(0);
    await expectNotice(liaison, 'Saved.');
    const outcomes = liaison.getByRole('region', { name: 'Outcomes' });
    await expect(outcomes.getByRole('listitem').filter({ hasText: 'Officials, community leaders and youth trained' })).toContainText('150');

    // Achieving it needs a reason.
    await liaison.getByRole('group', { name: 'Next steps' }).getByRole('button', { name: 'Mark as achieved' }).click();
    const achieve = dialog(liaison, 'Change the status');
    await achieve.getByRole('button', { name: 'Mark as achieved' }).click();
    await expect(achieve.getByText('This is required.')).toBeVisible();
    await expect(achieve).toBeVisible();
    await achieve.getByLabel('Why? (required)').fill('The pilot runs in Gombe Division.');
    // The follow-up is still open: what becomes of it is asked first.
    await expect(
      achieve.getByRole('group', { name: 'This commitment still has 1 open follow-up. What should happen to it?' }),
    ).toBeVisible();
    await achieve.getByRole('radio', { name: 'Keep it open' }).check();
    await achieve.getByRole('button', { name: 'Mark as achieved' }).click();
    await expect(achieve).toHaveCount(0);

    await expect(currentStatus(liaison)).toContainText('Achieved');
    // Achieved is undone through the workflow (with a note), so the one step left is reopening.
    await expect(
      liaison.getByRole('group', { name: 'Next steps' }).getByRole('button', { name: 'Reopen (back to in progress)' }),
    ).toBeVisible();
    await expect(followUps.getByRole('listitem').filter({ hasText: 'Check-in with the Gombe Division pilot' })).toContainText('Open');
    await expect(liaison.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('aria-valuenow', '100');
    await expect(liaison.getByRole('region', { name: 'Details' })).toContainText('100%');

    // The history tells who moved it, when and why.
    const history = liaison.getByRole('region', { name: 'History' });
    for (const note of ['The mayor asked for technical assistance; work started.', 'The pilot runs in Gombe Division.']) {
      await expect(history.getByRole('listitem').filter({ hasText: note })).toContainText('Grace Nakato');
    }
    await expect(history.getByRole('listitem').filter({ hasText: 'The pilot runs in Gombe Division.' })).toContainText(
      /In progress.*to.*Achieved/,
    );
    await expect(history.getByRole('listitem').filter({ hasText: 'Recorded' })).toContainText('Amani Otieno');
    await shot(liaison, 'chain-commitment-achieved-en');
    await liaisonContext.close();
  });

  test('achieving a commitment before an outcome exists shows the server’s refusal', async ({ page, request }) => {
    const title = unique('E2E commitment without outcome');
    const manager = await Api.as(request, 'esa.manager@impact.test');
    const id = await manager.createCommitment(title);
    await manager.moveCommitment(id, 'in_progress', 'Started.');

    await signIn(page, 'nansana.liaison@impact.test');
    await page.goto(`/commitments/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await page.getByRole('group', { name: 'Next steps' }).getByRole('button', { name: 'Mark as achieved' }).click();
    const achieve = dialog(page, 'Change the status');
    await achieve.getByLabel('Why? (required)').fill('Done, we think.');
    await achieve.getByRole('button', { name: 'Mark as achieved' }).click();

    await expect(achieve.getByRole('alert')).toHaveText(
      /A commitment can be marked achieved only once at least one outcome is recorded on it\./,
    );
    await expect(achieve.getByLabel('Why? (required)')).toHaveValue('Done, we think.');
    await shot(page, 'chain-achieve-refused-en');
    await achieve.getByRole('button', { name: 'Cancel' }).click();
    await expect(currentStatus(page)).toContainText('In progress');
  });

  test('a stale edit says someone else changed the record and keeps the typed text', async ({ page, request }) => {
    const title = unique('E2E commitment edited twice');
    const manager = await Api.as(request, 'esa.manager@impact.test');
    const id = await manager.createCommitment(title);

    await signIn(page, 'esa.manager@impact.test');
    const other = await page.context().newPage();
    for (const p of [page, other]) {
      await p.goto(`/commitments/${id}`);
      await expect(p.getByRole('heading', { level: 1 })).toHaveText(title);
    }

    // Someone saves first in one tab…
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const first = dialog(page, 'Edit commitment');
    await first.getByLabel('Title').fill(`${title} (renamed)`);
    await first.getByRole('button', { name: 'Save' }).click();
    await expect(first).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title} (renamed)`);

    // …then the same record, still open in the other tab, is saved from there.
    await other.getByRole('button', { name: 'Edit', exact: true }).click();
    const second = dialog(other, 'Edit commitment');
    const typed = 'Typed in the second tab: must survive the conflict.';
    await second.getByLabel('Description').fill(typed);
    await second.getByRole('button', { name: 'Save' }).click();

    await expect(second.getByRole('alert')).toContainText('This record was changed by someone else — reload to see their change.');
    await expect(second).toBeVisible();
    await expect(second.getByLabel('Description')).toHaveValue(typed);
    await expect(second.getByRole('button', { name: 'Reload' })).toBeVisible();
    await shot(other, 'chain-stale-edit-en');
  });

  test('archiving from the record page asks first, says so and goes back to the list; the record is gone', async ({ page, request }) => {
    const title = unique('E2E commitment archived');
    const id = await (await Api.as(request, 'esa.manager@impact.test')).createCommitment(title);

    await signIn(page, 'esa.manager@impact.test');
    await page.goto(`/commitments/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await page.getByRole('button', { name: 'Archive', exact: true }).click();
    const ask = page.getByRole('dialog');
    await expect(ask.getByRole('heading')).toContainText(title);
    await expect(ask).toContainText('It leaves the lists; its history is kept.');
    await ask.getByRole('button', { name: 'Archive' }).click();

    await expectNotice(page, `“${title}” was archived.`);
    await expect(page).toHaveURL(/\/commitments(\?|$)/);
    await page.goto(`/commitments/${id}`);
    await expect(page.getByRole('heading', { name: 'This commitment cannot be found' })).toBeVisible();
  });
});
