import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Api, unique } from './support/api';
import { choose } from './support/forms';
import { chooseLanguage, signIn } from './support/session';

const CHECKLIST = [
  'Every named person and every quoted person has given consent',
  'No detail exposes an individual at risk',
  'The city agreed to publication',
];
const REFUSED = 'Not published: this story changed after you opened it';

const SHOTS = join(__dirname, '..', '..', '..', 'tmp', 'screens', 'w11');
mkdirSync(SHOTS, { recursive: true });

/** Full-page screenshots for people to look at, once the page has settled. */
async function screens(page: Page, name: string): Promise<void> {
  await expect(page.locator('mat-progress-bar[mode="indeterminate"]')).toHaveCount(0, { timeout: 15_000 });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The same page in English and Arabic, on a desktop and on a 390px phone. */
async function screensInBothLanguages(page: Page, name: string, settled: (p: Page) => Promise<void>): Promise<void> {
  for (const lang of ['en', 'ar'] as const) {
    await chooseLanguage(page, lang);
    for (const [device, size] of [
      ['desktop', { width: 1280, height: 900 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      await page.setViewportSize(size);
      await settled(page);
      await screens(page, `${name}-${lang}-${device}`);
    }
  }
  await chooseLanguage(page, 'en');
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Leadership publishes the version it reads, through the API. */
async function publish(leadership: Api, id: string): Promise<void> {
  const { version } = await leadership.call<{ version: number }>('GET', `stories/${id}`);
  await leadership.call('POST', `stories/${id}/transitions`, { to: 'published', version });
}

test.describe('story revisions: what leadership read is what goes live', () => {
  test('the author edits a story leadership has open in review: Publish is refused with a clear message, the story is back in draft and the checklist must be confirmed again', async ({
    page,
    browser,
    request,
  }) => {
    const manager = await Api.as(request, 'esa.manager@impact.test');
    const commitmentId = await manager.achievedCommitment(unique('E2E revision source'));
    const title = unique('E2E story read in review');
    const storyId = await manager.storyInReview(commitmentId, title);

    // Leadership opens the story in review.
    await signIn(page, 'leadership@impact.test');
    await page.goto(`/story-desk/${storyId}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    const publishButton = page.getByRole('button', { name: 'Publish' });
    await expect(publishButton).toBeVisible();

    // Meanwhile the author changes the text in another browser.
    const authorContext = await browser.newContext();
    const author = await authorContext.newPage();
    await signIn(author, 'esa.manager@impact.test');
    await author.goto(`/story-desk/${storyId}`);
    await expect(author.getByRole('heading', { level: 1 })).toHaveText(title);
    await author.getByRole('textbox', { name: 'Text (Markdown)' }).fill('Ms. Example of 12 Hidden Street leads the watch.');
    await author.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(author.getByText('Unsaved changes')).toHaveCount(0);
    await expect(author.locator('it-story-status-chip').first()).toContainText('Draft');
    for (const point of CHECKLIST) await expect(author.getByRole('checkbox', { name: point })).not.toBeChecked();
    await expect(author.getByRole('button', { name: 'Submit for review' })).toBeDisabled();
    await expect(author.getByText('Confirm all three points of the checklist.')).toBeVisible();

    // Leadership's Publish, on the text it read, is refused.
    await publishButton.click();
    await page.getByRole('dialog', { name: 'Publish this story?' }).getByRole('button', { name: 'Publish' }).click();
    const alert = page.getByRole('alert').filter({ hasText: REFUSED });
    await expect(alert).toBeVisible();
    await expect(page.locator('it-story-status-chip').first()).toContainText('Draft');
    await expect(page.getByRole('button', { name: 'Publish' })).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'Text (Markdown)' })).toHaveValue('Ms. Example of 12 Hidden Street leads the watch.');
    const checklist = page.getByRole('region', { name: 'Sensitivity checklist' });
    for (const point of CHECKLIST) await expect(checklist.getByRole('checkbox', { name: point })).not.toBeChecked();
    await expect(
      page
        .getByRole('region', { name: 'History' })
        .getByRole('listitem')
        .filter({ hasText: 'The content changed during review: back to draft, the sensitivity checklist must be confirmed again.' }),
    ).toContainText(/In review\s*→\s*to\s*Draft/); // the arrow, then "to" for screen readers
    // Nothing went public.
    expect((await request.get(`/api/public/stories/${storyId}`)).status()).toBe(404);

    await screensInBothLanguages(page, 'publish-refused', async (p) => {
      await expect(p.getByRole('alert')).toBeVisible();
      await p.getByRole('alert').scrollIntoViewIfNeeded();
    });
    await authorContext.close();
  });

  test('the revisions of a published story, and a word-level diff between two of them or one and the draft', async ({ page, request }) => {
    const manager = await Api.as(request, 'esa.manager@impact.test');
    const leadership = await Api.as(request, 'leadership@impact.test');
    const commitmentId = await manager.achievedCommitment(unique('E2E diff source'));
    const title = unique('E2E story with two revisions');
    const storyId = await manager.storyInReview(commitmentId, title);
    type Versioned = { version: number };
    let story = await manager.call<Versioned>('GET', `stories/${storyId}`);
    story = await manager.call<Versioned>('PATCH', `stories/${storyId}`, {
      version: story.version,
      body: 'The watch trained 150 people in Gombe Division.',
    });
    const checklist = { consentForNamedPeople: true, noDetailsExposingIndividuals: true, cityAgreedToPublication: true };
    story = await manager.call<Versioned>('PATCH', `stories/${storyId}`, { version: story.version, sensitivity: checklist });
    await manager.call('POST', `stories/${storyId}/transitions`, { to: 'in_review' });
    await publish(leadership, storyId);
    // The second revision: a corrected figure and a new place.
    story = await manager.call<Versioned>('GET', `stories/${storyId}`);
    // Editing the published story starts a draft and clears its checklist: confirmed again after the edit.
    story = await manager.call<Versioned>('PATCH', `stories/${storyId}`, {
      version: story.version,
      body: 'The watch trained 180 people in Gombe and Kazo divisions.',
    });
    await manager.call<Versioned>('PATCH', `stories/${storyId}`, { version: story.version, sensitivity: checklist });
    await manager.call('POST', `stories/${storyId}/transitions`, { to: 'in_review' });
    await publish(leadership, storyId);

    await signIn(page, 'esa.manager@impact.test');
    await page.goto(`/story-desk/${storyId}`);
    const revisions = page.getByRole('region', { name: 'Revisions' });
    await expect(revisions.getByRole('listitem')).toHaveCount(2);
    await expect(revisions.getByRole('listitem').nth(0)).toContainText('Revision 1');
    await expect(revisions.getByRole('listitem').nth(1)).toContainText('Revision 2');
    await expect(revisions.getByRole('listitem').nth(1)).toContainText('Public now');
    await expect(revisions.getByRole('listitem').nth(1)).toContainText('Lena Leadership');

    // By default the newest revision against the draft: the same text, until the draft changes (unsaved too).
    await expect(revisions.getByText('No differences.').first()).toBeVisible();
    await page.getByRole('textbox', { name: 'Text (Markdown)' }).fill('The watch trained 180 people in Gombe, Kazo and Nakawa divisions.');
    const body = revisions.getByTestId('diff-body');
    await expect(body.locator('ins')).toContainText(['Nakawa']);

    // Revision 1 against revision 2: whole words, removed and added.
    await choose(revisions, 'Compare', 'Revision 1');
    await choose(revisions, 'with', 'Revision 2');
    await expect(body.locator('del')).toContainText(['150', 'Division']);
    await expect(body.locator('ins')).toContainText(['180', 'Kazo']);
    await expect(body).toContainText('The watch trained');

    // The history names the revisions it published, and never "Published → Published".
    const history = page.getByRole('region', { name: 'History' });
    await expect(history.getByRole('listitem').filter({ hasText: 'Revision 2' })).toContainText('Published');
    await expect(history).not.toContainText(/Published\s*→\s*Published/);

    await screensInBothLanguages(page, 'revisions-diff', async (p) => {
      // The app scrolls inside its frame, so a full-page shot is the viewport: bring the section into it.
      await p.getByTestId('diff-from').scrollIntoViewIfNeeded();
      await expect(p.getByTestId('diff-body').locator('del').first()).toBeVisible();
    });
  });
});
