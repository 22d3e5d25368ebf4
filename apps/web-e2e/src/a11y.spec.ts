import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chooseLanguage, signIn, type Lang } from './support/session';

/** Every page of the app, scanned in English (LTR) and Arabic (RTL). */
const SIGNED_IN_PAGES = ['/dashboard', '/my-work', '/cities', '/engagements', '/commitments', '/follow-ups', '/stories', '/users'];
const SHOTS = join(__dirname, '..', '..', '..', 'tmp', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

async function scan(page: Page, name: string, lang: Lang) {
  // Let the page settle (data loaded, spinners gone) before judging it.
  await expect(page.locator('mat-progress-bar, mat-spinner')).toHaveCount(0, { timeout: 15_000 });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SHOTS, `${name.replace(/\W+/g, '_')}-${lang}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(serious, `${name} in ${lang}`).toEqual([]);
}

for (const lang of ['en', 'ar'] as const) {
  test.describe(`accessibility in ${lang === 'ar' ? 'Arabic (RTL)' : 'English (LTR)'}`, () => {
    test('sign-in page', async ({ page }) => {
      await page.goto('/sign-in');
      await chooseLanguage(page, lang);
      await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
      await scan(page, 'sign-in', lang);
    });

    test('every signed-in page', async ({ page }) => {
      test.setTimeout(180_000);
      await signIn(page, 'admin@impact.test');
      await chooseLanguage(page, lang);
      for (const path of SIGNED_IN_PAGES) {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
        await expect(page.getByRole('main')).toBeVisible();
        await scan(page, path, lang);
      }
    });
  });
}
