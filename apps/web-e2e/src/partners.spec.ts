import { expect, test, type Page } from '@playwright/test';
import { Api } from './support/api';
import { choose, shot } from './support/forms';
import { signIn } from './support/session';

const PHONE = { width: 390, height: 844 };

async function inLanguage(page: Page, lang: 'en' | 'ar'): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('impact.language', l), lang);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

test.describe('partners list', () => {
  test('a hub manager opens Partners from the navigation, searches and filters them by kind', async ({ page, request }) => {
    const api = await Api.as(request, 'esa.manager@impact.test');
    const all = await api.call<{ items: { name: string; kind: string }[]; total: number }>('GET', 'partners?pageSize=100');
    expect(all.total).toBeGreaterThan(0);
    // The demo data has international organisations (IOM, an EU mission); the filter keeps exactly those.
    const international = all.items.filter((p) => p.kind === 'international_organisation');
    expect(international.length).toBeGreaterThan(0);

    await signIn(page, 'esa.manager@impact.test');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Partners' }).click();
    await expect(page).toHaveURL(/\/partners/);
    await expect(page.getByRole('heading', { level: 1, name: 'Partners' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Partner organisations' });
    await expect(table.getByRole('row')).toHaveCount(Math.min(all.total, 25) + 1);
    await shot(page, 'partners-list-en');

    await choose(page.getByRole('main').getByRole('search'), 'Kind', 'International organisation');
    await expect(page).toHaveURL(/kind=international_organisation/);
    await expect(table.getByRole('row')).toHaveCount(international.length + 1);
    for (const p of international) await expect(table.getByRole('cell', { name: p.name, exact: true })).toBeVisible();
  });

  test('on a phone in Arabic the partners are cards with their kind in Arabic', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await signIn(page, 'leadership@impact.test');
    await page.goto('/partners');
    await inLanguage(page, 'ar');
    await expect(page.getByRole('heading', { level: 1, name: 'الشركاء' })).toBeVisible();
    await expect(page.locator('it-list-page h2').first()).toBeVisible();
    await shot(page, 'partners-list-ar-phone');
  });
});
