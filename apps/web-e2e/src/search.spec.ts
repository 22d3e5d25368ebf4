import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Api, unique } from './support/api';
import { signIn } from './support/session';
import { inLanguage } from './support/words';

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };
const SCREENS = join(__dirname, '..', '..', '..', 'tmp', 'screens', 'w12');
mkdirSync(SCREENS, { recursive: true });

async function screen(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SCREENS, `${name}.png`) });
}

/** The open results panel of the toolbar search. */
const panel = (page: Page) => page.locator('.it-search-panel');

test.describe('search in the toolbar', () => {
  test('a hub manager types a city name, sees it among the cities and opens it', async ({ page }) => {
    await page.setViewportSize(LAPTOP);
    await signIn(page, 'esa.manager@impact.test');

    // "/" from the page puts the cursor in the search field; before typing it says what it searches.
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    const field = page.getByRole('combobox', { name: 'Search everything' });
    await expect(field).toBeFocused();
    await expect(panel(page)).toContainText('Type at least 2 characters');

    await field.pressSequentially('Nansana', { delay: 30 });
    const cities = page.getByRole('group', { name: /^Cities \(\d+ match(es)?\)$/ });
    await expect(cities).toBeVisible();
    const option = cities.getByRole('option', { name: /^Nansana/ });
    await expect(option).toBeVisible();
    // Other kinds come in their own groups (the demo data has stories about Nansana).
    await expect(page.getByRole('group', { name: /^Stories \(/ })).toBeVisible();
    await screen(page, 'search-en-laptop');

    // The keyboard reaches the results: the best match is active, the arrows move through the others,
    // and Enter opens the active one's page.
    await expect(option).toHaveClass(/mat-mdc-option-active/);
    await field.press('ArrowDown');
    await expect(option).not.toHaveClass(/mat-mdc-option-active/);
    await field.press('ArrowUp');
    await expect(option).toHaveClass(/mat-mdc-option-active/);
    await field.press('Enter');
    await expect(page).toHaveURL(/\/cities\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Nansana' })).toBeVisible();
    await expect(field).toHaveValue('');

    // Words that match nothing say so.
    await field.fill('zqxj nothing like this');
    await expect(panel(page)).toContainText('Nothing found for “zqxj nothing like this”.');
  });

  test('a liaison does not find an engagement of another hub', async ({ page, request }) => {
    const admin = await Api.as(request, 'admin@impact.test');
    const hubs = await admin.call<{ id: string; code: string }[]>('GET', 'hubs');
    const balkans = hubs.find((h) => h.code === 'balkans');
    const danilovgrad = await admin.cityId('Danilovgrad');
    const title = unique('E2E Danilovgrad mediation forum');
    await admin.call('POST', 'engagements', {
      title,
      type: 'roundtable',
      hubId: balkans?.id,
      startDate: '2025-04-02',
      endDate: '2025-04-02',
      hostCityId: danilovgrad,
      locationCityId: danilovgrad,
      participatingCityIds: [],
      participants: { total: 20, mayors: 1, officials: 6, youth: 8, women: 10, communityLeaders: 3 },
      summary: 'A forum on mediation between neighbourhoods.',
    });
    // The same words find it for someone who may read it.
    const asManager = await Api.as(request, 'balkans.manager@impact.test');
    const found = await asManager.call<{ groups: { kind: string; total: number }[] }>('GET', `search?q=${encodeURIComponent(title)}`);
    expect(found.groups.find((g) => g.kind === 'engagements')?.total).toBe(1);

    await page.setViewportSize(LAPTOP);
    await signIn(page, 'nansana.liaison@impact.test');
    const field = page.getByRole('combobox', { name: 'Search everything' });
    await field.click();
    await field.pressSequentially(title, { delay: 10 });
    await expect(panel(page)).toContainText(`Nothing found for “${title}”.`);
    await expect(page.getByRole('option', { name: title, exact: true })).toHaveCount(0);
    await expect(panel(page).getByRole('group')).toHaveCount(0);
  });

  test('on a phone in Arabic the search is an icon button that opens the field across the toolbar', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await signIn(page, 'esa.manager@impact.test');
    await inLanguage(page, 'ar');

    const opener = page.getByRole('button', { name: 'بحث', exact: true });
    await expect(opener).toBeVisible();
    await expect(page.locator('it-search-box').getByRole('combobox')).toHaveCount(0);
    await opener.click();
    const field = page.getByRole('combobox', { name: 'البحث في كل شيء' });
    await expect(field).toBeFocused();
    await field.pressSequentially('Nansana', { delay: 30 });
    const cities = page.getByRole('group', { name: /^المدن \(/ });
    await expect(cities.getByRole('option', { name: /^Nansana/ })).toBeVisible();

    // Mirrored: the field starts at the right edge (the back button first), and the panel lies within the screen.
    const back = page.getByRole('button', { name: 'إغلاق البحث' });
    const backBox = await back.boundingBox();
    const fieldBox = await field.boundingBox();
    expect(backBox && fieldBox && backBox.x > fieldBox.x).toBe(true);
    const panelBox = await panel(page).boundingBox();
    expect(panelBox && panelBox.x >= 0 && panelBox.x + panelBox.width <= PHONE.width).toBe(true);
    await screen(page, 'search-ar-phone');

    await back.click();
    await expect(page.locator('it-search-box').getByRole('combobox')).toHaveCount(0);
    await expect(opener).toBeFocused();
  });

  test('screens: English on a phone, Arabic on a laptop', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await signIn(page, 'esa.manager@impact.test');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('combobox', { name: 'Search everything' }).pressSequentially('Cape', { delay: 30 });
    await expect(page.getByRole('group', { name: /^Cities \(/ })).toBeVisible();
    await screen(page, 'search-en-phone');

    await page.setViewportSize(LAPTOP);
    await inLanguage(page, 'ar');
    const field = page.getByRole('combobox', { name: 'البحث في كل شيء' });
    await screen(page, 'search-ar-laptop-idle');
    await field.click();
    await field.pressSequentially('Cape', { delay: 30 });
    await expect(page.getByRole('group', { name: /^المدن \(/ })).toBeVisible();
    await screen(page, 'search-ar-laptop');
  });
});
