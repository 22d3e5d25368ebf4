import { expect, test, type Page } from '@playwright/test';
import { Api, unique } from './support/api';
import { choose, escape, shot } from './support/forms';
import { chooseLanguage, signIn } from './support/session';
import { expectNotice } from './support/notices';
import { inLanguage, PHONE, texts } from './support/words';

const ar = texts('ar');

const CATEGORY = 'Facilitating city-led multi-actor collaboration';
const CATEGORY_AR = 'تيسير التعاون بين أطراف متعددة بقيادة المدن';
const CATEGORIES_AR = [
  'تحفيز عمل المدن عبر التعلّم من النظراء',
  CATEGORY_AR,
  'تعزيز مشاركة الشباب بقيادة المدن',
  'حوارات وطنية محلية على مستوى البلدان',
  'أزمات عالمية وآثار محلية',
];
const CHECKLIST = [
  'Every named person and every quoted person has given consent',
  'No detail exposes an individual at risk',
  'The city agreed to publication',
];

/** Opens the story desk's draft of a commitment and waits for the editor of the new story. */
async function draftFrom(page: Page, commitmentId: string): Promise<string> {
  await page.goto(`/story-desk/new?commitmentId=${commitmentId}`);
  await expect(page).toHaveURL(/\/story-desk\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('');
  return page.url();
}

async function saveStory(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Unsaved changes')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeEnabled();
}

test.describe('impact stories: draft, review, publish, read', () => {
  test('a hub manager drafts a story from an achieved commitment; leadership publishes it; the public reads it in English and Arabic', async ({
    page,
    browser,
    request,
  }) => {
    const manager = await Api.as(request, 'esa.manager@impact.test');
    const commitmentId = await manager.achievedCommitment(unique('E2E story source: Neighbourhood Watch'));
    const title = unique('E2E Nansana’s Neighbourhood Watch');
    const body = `Nansana set up a **Neighbourhood Watch** as early warning.\n\n- 150 people trained\n- pilot in Gombe Division (${title})`;

    // The hub manager drafts, edits and sends it to review.
    await signIn(page, 'esa.manager@impact.test');
    const editorUrl = await draftFrom(page, commitmentId);
    await expect(page.getByText('Draft', { exact: true }).first()).toBeVisible();
    await page.getByRole('textbox', { name: 'Title' }).fill(title);
    await choose(page.getByRole('main'), 'Category', CATEGORY);
    await page.getByRole('textbox', { name: 'Text (Markdown)' }).fill(body);
    await expect(page.getByText('Unsaved changes')).toBeVisible();
    await saveStory(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

    const submit = page.getByRole('button', { name: 'Submit for review' });
    await expect(submit).toBeDisabled();
    await expect(page.getByText('Confirm all three points of the checklist.')).toBeVisible();
    const checklist = page.getByRole('region', { name: 'Sensitivity checklist' });
    for (const point of CHECKLIST) await checklist.getByRole('checkbox', { name: point }).check();
    await saveStory(page);
    await expect(page.getByText(/Last confirmed by \u2068?Amani Otieno/)).toBeVisible();
    await shot(page, 'stories-editor-draft-en');
    await expect(submit).toBeEnabled();
    await submit.click();

    const history = page.getByRole('region', { name: 'History' });
    await expect(history.getByRole('listitem').filter({ hasText: 'In review' })).toContainText('Amani Otieno');
    await expect(page.getByRole('button', { name: 'Send back to the author' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Publish' })).toHaveCount(0);

    // Leadership publishes it.
    const leadershipContext = await browser.newContext();
    const leadership = await leadershipContext.newPage();
    await signIn(leadership, 'leadership@impact.test');
    await leadership.goto(editorUrl);
    await expect(leadership.getByRole('heading', { level: 1 })).toHaveText(title);
    await leadership.getByRole('button', { name: 'Publish' }).click();
    // It asks first, naming the story; then says it is published, with the public page one click away.
    const confirm = leadership.getByRole('dialog', { name: 'Publish this story?' });
    await expect(confirm).toContainText(`“${title}” will be on the public stories page`);
    await shot(leadership, 'stories-publish-confirm-en');
    await confirm.getByRole('button', { name: 'Publish' }).click();
    const news = leadership.locator('mat-snack-bar-container');
    await expectNotice(leadership, `“${title}” is published and live on the public stories page.`);
    await expect(news.getByRole('button', { name: 'View on the public page' })).toBeVisible();
    await expect(leadership.getByText(/^\s*Published on .+ by Lena Leadership\.\s*$/)).toBeVisible();
    await expect(leadership.getByRole('link', { name: 'View on the public page' })).toBeVisible();
    await shot(leadership, 'stories-editor-published-en');
    await leadershipContext.close();

    // Anyone reads it on the public page, without signing in.
    const publicContext = await browser.newContext();
    const reader = await publicContext.newPage();
    await reader.goto('/stories');
    await expect(reader.getByRole('heading', { level: 1, name: 'Impact stories' })).toBeVisible();
    const card = reader.getByRole('region', { name: new RegExp(escape(CATEGORY)) }).getByRole('link', { name: new RegExp(escape(title)) });
    await expect(card).toBeVisible();
    await expect(card).toContainText('Nansana (UG)');
    await shot(reader, 'stories-public-list-en');

    await chooseLanguage(reader, 'ar');
    await expect(reader.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(reader.getByRole('heading', { level: 1, name: 'قصص الأثر' })).toBeVisible();
    const categories = reader.getByRole('navigation', { name: 'الفئات' });
    for (const name of CATEGORIES_AR) await expect(categories.getByRole('link', { name, exact: true })).toBeVisible();
    const arabicCard = reader
      .getByRole('region', { name: new RegExp(escape(CATEGORY_AR)) })
      .getByRole('link', { name: new RegExp(escape(title)) });
    await expect(arabicCard).toBeVisible();
    // An English story inside the Arabic page keeps its own language and direction.
    await expect(arabicCard).toHaveAttribute('lang', 'en');
    await expect(arabicCard).toHaveAttribute('dir', 'ltr');
    await shot(reader, 'stories-public-list-ar');

    await arabicCard.click();
    await expect(reader).toHaveURL(/\/stories\/[0-9a-f-]{36}$/);
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
    const article = reader.getByRole('article');
    await expect(article).toHaveAttribute('lang', 'en');
    await expect(article).toContainText(CATEGORY_AR);
    await expect(article.locator('strong', { hasText: 'Neighbourhood Watch' })).toBeVisible();
    await expect(article.getByRole('listitem').filter({ hasText: '150 people trained' })).toBeVisible();
    await expect(reader.getByRole('link', { name: 'كل القصص' })).toBeVisible();
    await shot(reader, 'stories-public-story-ar');

    await chooseLanguage(reader, 'en');
    await expect(reader.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(article).toContainText(CATEGORY);
    await shot(reader, 'stories-public-story-en');
    await publicContext.close();
  });

  test('"Submit for review" stays disabled until the sensitivity checklist is complete and saved', async ({ page, request }) => {
    const manager = await Api.as(request, 'esa.manager@impact.test');
    const commitmentId = await manager.achievedCommitment(unique('E2E story checklist source'));

    await signIn(page, 'esa.manager@impact.test');
    await draftFrom(page, commitmentId);
    const submit = page.getByRole('button', { name: 'Submit for review' });
    const checklist = page.getByRole('region', { name: 'Sensitivity checklist' });
    await expect(submit).toBeDisabled();

    // Two of three points are not enough, saved or not.
    await checklist.getByRole('checkbox', { name: CHECKLIST[0] }).check();
    await checklist.getByRole('checkbox', { name: CHECKLIST[1] }).check();
    await saveStory(page);
    await expect(submit).toBeDisabled();
    await expect(page.getByText('Confirm all three points of the checklist.')).toBeVisible();

    // All three, but not yet saved.
    await checklist.getByRole('checkbox', { name: CHECKLIST[2] }).check();
    await expect(submit).toBeDisabled();
    await expect(page.getByText('Save your changes first.')).toBeVisible();
    await expect(page.getByText('Confirm all three points of the checklist.')).toHaveCount(0);

    await saveStory(page);
    await expect(submit).toBeEnabled();
    await expect(page.getByText('Save your changes first.')).toHaveCount(0);
  });

  test('a hub manager reviewing a story sees no Publish action; leadership publishes it in Arabic on a phone', async ({
    page,
    browser,
    request,
  }) => {
    const manager = await Api.as(request, 'esa.manager@impact.test');
    const commitmentId = await manager.achievedCommitment(unique('E2E story review source'));
    const title = unique('E2E story in review');
    const storyId = await manager.storyInReview(commitmentId, title);

    await signIn(page, 'esa.manager@impact.test');
    await page.goto(`/story-desk/${storyId}`);
    await expect(page.getByText('Check the text and the checklist, then publish it or send it back with a reason.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send back to the author' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Publish' })).toHaveCount(0);

    // Leadership publishes it in Arabic on a phone: it asks first, then says so with the public page a tap away.
    const leadershipContext = await browser.newContext({ viewport: PHONE });
    const leadership = await leadershipContext.newPage();
    await signIn(leadership, 'leadership@impact.test');
    await leadership.goto(`/story-desk/${storyId}`);
    await inLanguage(leadership, 'ar');
    await leadership.getByRole('button', { name: ar('stories.workflow.publish'), exact: true }).click();
    const confirm = leadership.getByRole('dialog', { name: ar('publish.title') });
    await expect(confirm).toContainText(ar('publish.message').split('»')[1].trim());
    await expect(confirm).toContainText(title);
    await shot(leadership, 'stories-publish-confirm-ar-phone');
    await confirm.getByRole('button', { name: ar('publish.confirm'), exact: true }).click();
    await expectNotice(leadership, ar('publish.done', { name: title }));
    await expect(leadership.locator('mat-snack-bar-container').getByRole('button', { name: ar('publish.view') })).toBeVisible();
    await expect(leadership.getByRole('link', { name: ar('stories.workflow.viewPublic') })).toBeVisible();
    // The history says it was published once, never "Published → Published".
    const history = leadership.getByRole('region', { name: ar('stories.history.title') });
    await expect(history).toContainText(ar('stories.history.publish'));
    await expect(history).not.toContainText(new RegExp(`${ar('stories.status.published')}\\s*→\\s*${ar('stories.status.published')}`));
    await shot(leadership, 'stories-published-ar-phone');
    await leadershipContext.close();
  });
});
