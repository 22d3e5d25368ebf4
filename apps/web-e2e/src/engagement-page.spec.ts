import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Api, unique } from './support/api';
import { choose, dialog } from './support/forms';
import { signIn } from './support/session';
import { inLanguage } from './support/words';
import { expectNotice } from './support/notices';

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };
const SCREENS = join(__dirname, '..', '..', '..', 'tmp', 'screens', 'w12');
mkdirSync(SCREENS, { recursive: true });

/**
 * A screenshot of the whole page into tmp/screens/w12, once nothing is loading. The shell scrolls inside
 * its content pane, so for the picture the pane is let grow to its full height.
 */
async function screen(page: Page, name: string): Promise<void> {
  await expect(page.locator('mat-progress-bar[mode="indeterminate"], mat-spinner')).toHaveCount(0, { timeout: 15_000 });
  await page.evaluate(() => document.fonts.ready);
  const grow = await page.addStyleTag({
    content: 'it-shell, mat-sidenav-container, mat-sidenav-content { block-size: auto !important; overflow: visible !important; }',
  });
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: true });
  await grow.evaluate((el) => (el as Element).remove());
}

interface Seeded {
  id: string;
  title: string;
  commitmentTitle: string;
  followUpTitle: string;
  storyTitle: string;
}

/**
 * A workshop hosted by Cape Town with Nansana taking part (East & Southern Africa), with what came of
 * it: a commitment of Nansana inspired by it, a follow-up owed on it and a story that cites it.
 */
async function engagementWithResults(api: Api): Promise<Seeded> {
  const title = unique('E2E peer exchange on youth desks');
  const hubs = await api.call<{ id: string; code: string }[]>('GET', 'hubs');
  const esa = hubs.find((h) => h.code === 'esa');
  expect(esa, 'the ESA hub').toBeDefined();
  const [capeTown, nansana] = [await api.cityId('Cape Town'), await api.cityId('Nansana')];
  const engagement = await api.call<{ id: string }>('POST', 'engagements', {
    title,
    type: 'learning_visit',
    hubId: esa?.id,
    startDate: '2025-03-11',
    endDate: '2025-03-13',
    hostCityId: capeTown,
    locationCityId: capeTown,
    participatingCityIds: [nansana],
    participants: { total: 36, mayors: 4, officials: 12, youth: 14, women: 19, communityLeaders: 6 },
    summary: 'Mayors, officials and youth councillors from Nansana spent three days with the Cape Town youth desk.',
    evidenceLinks: ['https://example.org/reports/cape-town-youth-desk'],
  });
  // An edit, so the history has something to tell: more youth came than first counted.
  await api.call('PATCH', `engagements/${engagement.id}`, {
    version: 1,
    participants: { total: 40, mayors: 4, officials: 12, youth: 18, women: 19, communityLeaders: 6 },
  });
  const commitmentTitle = unique('E2E youth desk in Nansana');
  await api.call('POST', 'commitments', {
    title: commitmentTitle,
    kind: 'youth_council',
    cityId: nansana,
    inspiredByEngagementIds: [engagement.id],
  });
  const followUpTitle = unique('E2E send the visit report');
  await api.call('POST', 'follow-ups', { engagementId: engagement.id, title: followUpTitle, kind: 'check_in', dueDate: '2031-05-01' });
  const storyTitle = unique('E2E two cities, one youth desk');
  await api.call('POST', 'stories', {
    title: storyTitle,
    category: 'youth',
    cityIds: [nansana],
    body: 'Draft.',
    engagementIds: [engagement.id],
  });
  return { id: engagement.id, title, commitmentTitle, followUpTitle, storyTitle };
}

/**
 * Where a character of an element's text is drawn: the left edge of the character at `index` of its
 * text content. Comparing two of them reads the order a person sees, which `dir` alone does not say.
 */
function leftOf(locator: Locator, index: number): Promise<number> {
  return locator.evaluate((el, at) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let offset = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0;
      if (at < offset + length) {
        const range = document.createRange();
        range.setStart(node, at - offset);
        range.setEnd(node, at - offset + 1);
        return range.getBoundingClientRect().left;
      }
      offset += length;
    }
    throw new Error(`no character ${at} in "${el.textContent}"`);
  }, index);
}

/** The horizontal mirror a transform applies (-1 when an icon is flipped, 1 when not). */
function mirror(locator: Locator): Promise<number> {
  return locator.evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
}

/** A number in the page's locale (Arabic-Indic digits in Arabic), as the page formats it. */
function localNumber(page: Page, value: number): Promise<string> {
  return page.evaluate((v) => new Intl.NumberFormat(document.documentElement.lang).format(v), value);
}

test.describe('an engagement has a page', () => {
  test('a hub manager opens an engagement from the list, sees what came of it and records a commitment from it', async ({
    page,
    request,
  }) => {
    const api = await Api.as(request, 'esa.manager@impact.test');
    const seeded = await engagementWithResults(api);
    await page.setViewportSize(LAPTOP);
    await signIn(page, 'esa.manager@impact.test');

    // From the list: the title is a link to the engagement's page.
    await page.goto('/engagements');
    await page.getByRole('searchbox', { name: 'Search engagements' }).fill(seeded.title);
    const row = page.getByRole('row').filter({ hasText: seeded.title });
    await expect(row).toHaveCount(1);
    await row.getByRole('link', { name: seeded.title }).click();
    await expect(page).toHaveURL(new RegExp(`/engagements/${seeded.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seeded.title);
    await expect(page).toHaveTitle(/Engagement/);

    // What happened.
    const happened = page.getByRole('region', { name: 'What happened' });
    await expect(happened.getByRole('link', { name: 'Nansana' })).toBeVisible();
    await expect(happened.getByRole('link', { name: 'Cape Town' }).first()).toBeVisible();
    const people = happened.getByRole('list', { name: 'Participants' });
    await expect(people.getByRole('listitem').filter({ hasText: 'Total' })).toContainText('40');
    await expect(people.getByRole('listitem').filter({ hasText: 'Youth' })).toContainText('18');
    await expect(happened).toContainText('spent three days with the Cape Town youth desk');
    await expect(happened.getByRole('link', { name: 'https://example.org/reports/cape-town-youth-desk' })).toHaveAttribute(
      'target',
      '_blank',
    );
    await expect(page.locator('.it-sub')).toContainText('Learning visit');
    await expect(page.locator('.it-sub')).toContainText(/March 11, 2025\s*–\s*to March 13, 2025/);

    // What came of it: the commitment it inspired, the follow-up owed on it, the story that cites it.
    const results = page.getByRole('region', { name: 'What came of it' });
    const inspired = results.getByRole('region', { name: /Commitments it inspired/ });
    await expect(inspired.getByRole('listitem')).toHaveCount(1);
    await expect(inspired.getByRole('link', { name: seeded.commitmentTitle })).toBeVisible();
    await expect(results.getByRole('region', { name: /Follow-ups/ }).getByRole('listitem')).toContainText(seeded.followUpTitle);
    await expect(
      results.getByRole('region', { name: /Stories that cite it/ }).getByRole('link', { name: seeded.storyTitle }),
    ).toBeVisible();
    const history = page.getByRole('region', { name: 'History' });
    await expect(history.getByRole('listitem').first()).toContainText('Amani Otieno');
    await expect(history.getByRole('listitem').first()).toContainText('Recorded');
    // The edit says which head-counts changed, old to new, in words.
    await expect(history.locator('li[data-field="participants"]')).toHaveText(
      /Participants:\s*Total 36, Youth 14→\s*to\s*Total 40, Youth 18/,
    );
    await screen(page, 'engagement-en-desktop');

    // Record a commitment from it: Cape Town hosted and Nansana took part, so it asks which city.
    await page.getByRole('button', { name: 'Record a commitment from this engagement' }).click();
    await page.getByRole('menuitem', { name: 'Nansana' }).click();
    const form = dialog(page, 'Record a commitment');
    await expect(form.getByRole('combobox', { name: 'City', exact: true })).toHaveValue('Nansana');
    await expect(form.getByRole('grid', { name: 'Inspired by' }).getByRole('row').filter({ hasText: seeded.title })).toHaveCount(1);
    await screen(page, 'engagement-record-commitment-en-desktop');
    const recorded = unique('E2E Nansana youth council, from the visit');
    await form.getByLabel('Title').fill(recorded);
    await choose(form, 'Kind', 'Youth council or youth desk');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toHaveCount(0);
    await expectNotice(page, `“${recorded}” was recorded, inspired by this engagement.`);
    await expect(inspired.getByRole('listitem')).toHaveCount(2);
    await expect(inspired.getByRole('listitem').filter({ hasText: recorded })).toContainText('Pledged');

    // A follow-up owed on the engagement, added from its page: the save is told, and the list shows it.
    const owed = unique('E2E Send the visit report to Nansana');
    const followUps = results.getByRole('region', { name: /Follow-ups/ });
    await followUps.getByRole('button', { name: 'Add follow-up' }).click();
    const followUp = dialog(page, 'Add a follow-up');
    await followUp.getByLabel('Title').fill(owed);
    await choose(followUp, 'Kind', 'Check-in');
    await followUp.getByLabel('Due date').fill('2031-06-01');
    await followUp.getByRole('button', { name: 'Save' }).click();
    await expect(followUp).toHaveCount(0);
    await expectNotice(page, `“${owed}” was saved.`);
    await expect(followUps.getByRole('listitem').filter({ hasText: owed })).toContainText('Open');

    // The new commitment names its engagement, and "Inspired by" leads back here.
    await inspired.getByRole('link', { name: recorded }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(recorded);
    await expect(page.getByRole('region', { name: 'Details' })).toContainText('East & Southern Africa');
    await page.getByRole('region', { name: 'Details' }).getByRole('link', { name: seeded.title }).click();
    await expect(page).toHaveURL(new RegExp(`/engagements/${seeded.id}$`));
  });

  test('the page on a phone, in English and in Arabic; a liaison of another city is told it cannot be found', async ({
    page,
    request,
    browser,
  }) => {
    const seeded = await engagementWithResults(await Api.as(request, 'esa.manager@impact.test'));
    await page.setViewportSize(PHONE);
    await signIn(page, 'esa.manager@impact.test');
    await page.goto(`/engagements/${seeded.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seeded.title);
    // Nothing is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screen(page, 'engagement-en-phone');

    await inLanguage(page, 'ar');
    await expect(page.getByRole('region', { name: 'ما الذي جرى' })).toBeVisible();
    const results = page.getByRole('region', { name: 'ما الذي نتج عنه' });
    await expect(results.getByRole('link', { name: seeded.commitmentTitle })).toBeVisible();
    await expect(page.getByRole('button', { name: 'تسجيل التزام نابع من هذا النشاط' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screen(page, 'engagement-ar-phone');
    await page.setViewportSize(LAPTOP);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seeded.title);
    await screen(page, 'engagement-ar-desktop');

    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    await signIn(other, 'danilovgrad.liaison@impact.test');
    await other.goto(`/engagements/${seeded.id}`);
    await expect(other.getByRole('heading', { name: 'This engagement cannot be found' })).toBeVisible();
    await expect(other.getByText(seeded.commitmentTitle)).toHaveCount(0);
    await otherContext.close();
  });
});

test.describe('figures read right in Arabic', () => {
  test('a ratio, a figure with its unit and a range keep their order on a phone; arrows and chevrons point the reading way', async ({
    page,
    request,
    browser,
  }) => {
    const manager = await Api.as(request, 'esa.manager@impact.test');
    const commitmentId = await manager.createCommitment(unique('E2E figures in Arabic'));
    await manager.addOutcome(commitmentId);
    const before = await manager.call<{ version: number }>('GET', `commitments/${commitmentId}`);
    await manager.call('PATCH', `commitments/${commitmentId}`, { version: before.version, progress: 55 });
    const at55 = await manager.call<{ version: number }>('GET', `commitments/${commitmentId}`);
    await manager.call('PATCH', `commitments/${commitmentId}`, { version: at55.version, progress: 100 });

    // Leadership reads on a phone; the hub manager's dialog below is on a laptop.
    await page.setViewportSize(PHONE);
    await signIn(page, 'leadership@impact.test');
    await inLanguage(page, 'ar');

    // The dashboard's "led to a commitment" ratio per hub: "14 / 47" reads 14 first, as written, not "47 / 14".
    const ratio = page.locator('it-hub-table it-ratio').first();
    await ratio.scrollIntoViewIfNeeded();
    await expect(ratio).toBeVisible();
    const ratioText = String(await ratio.textContent());
    expect(ratioText).toMatch(/^\S+ \/ \S+$/);
    expect(await leftOf(ratio, 0)).toBeLessThan(await leftOf(ratio, ratioText.length - 1));
    await screen(page, 'figures-ar-dashboard');

    // "150 people trained": the figure, then its (Latin) unit, side by side as written.
    await page.goto(`/commitments/${commitmentId}`);
    const outcomes = page.getByRole('region', { name: 'النتائج' });
    const figure = outcomes.locator('it-figure').first();
    const n150 = await localNumber(page, 150);
    await expect(figure).toHaveText(`${n150} people trained`);
    expect(await leftOf(figure, 0)).toBeLessThan(await leftOf(figure, n150.length + 1));

    // "Progress 55 → 100" in the history: 55 where Arabic reading starts (on the right), the arrow pointing left to 100.
    const history = page.getByRole('region', { name: 'السجل' });
    const range = history.locator('li[data-field="progress"] it-range').last();
    const [n55, n100] = [await localNumber(page, 55), await localNumber(page, 100)];
    await expect(range.locator('.it-range-from')).toHaveText(n55);
    await expect(range.locator('.it-range-to')).toHaveText(n100);
    // Read aloud in order: 55, "to", 100 (the arrow itself is hidden from screen readers).
    await expect(range).toHaveText(new RegExp(`^${n55}→\\s*إلى\\s*${n100}$`));
    const fromBox = await range.locator('.it-range-from').boundingBox();
    const toBox = await range.locator('.it-range-to').boundingBox();
    expect(fromBox?.x ?? 0).toBeGreaterThan(toBox?.x ?? 0);
    expect(await mirror(range.locator('.it-range-mark'))).toBe(-1);

    // The status path's chevrons point the reading way.
    expect(await mirror(page.locator('.it-step-arrow mat-icon').first())).toBe(-1);
    await screen(page, 'figures-ar-commitment');

    // So does the arrow of the change-status dialog (a hub manager may move the commitment).
    const managerContext = await browser.newContext({ viewport: LAPTOP });
    const managerPage = await managerContext.newPage();
    await signIn(managerPage, 'esa.manager@impact.test');
    await inLanguage(managerPage, 'ar');
    await managerPage.goto(`/commitments/${commitmentId}`);
    await managerPage.getByRole('group', { name: 'الخطوات التالية' }).getByRole('button').first().click();
    const move = managerPage.getByRole('dialog');
    expect(await mirror(move.locator('.it-move .it-flip-rtl'))).toBe(-1);
    await screen(managerPage, 'figures-ar-transition-dialog');
    await managerContext.close();

    // In English nothing is mirrored and the range reads left to right.
    await inLanguage(page, 'en');
    await page.goto(`/commitments/${commitmentId}`);
    const enRange = page.getByRole('region', { name: 'History' }).locator('li[data-field="progress"] it-range').last();
    await expect(enRange).toHaveText(/^55→\s*to\s*100$/);
    expect(await mirror(enRange.locator('.it-range-mark'))).toBe(1);
    const enFrom = await enRange.locator('.it-range-from').boundingBox();
    const enTo = await enRange.locator('.it-range-to').boundingBox();
    expect(enFrom?.x ?? 0).toBeLessThan(enTo?.x ?? 0);
  });
});
