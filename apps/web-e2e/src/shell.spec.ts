import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chooseLanguage, signIn } from './support/session';

const SHOTS = join(__dirname, '..', '..', '..', 'tmp', 'screenshots');
mkdirSync(SHOTS, { recursive: true });
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** The toolbar and what its open menu or tooltip shows (the top of the window). */
async function shootTop(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  const { width } = page.viewportSize() ?? LAPTOP;
  await page.screenshot({ path: join(SHOTS, `${name}.png`), clip: { x: 0, y: 0, width, height: 420 } });
}

const xOf = async (l: Locator) => (await l.boundingBox())?.x ?? Number.NaN;

test.describe('app shell', () => {
  test('the API and the web app answer on one port', async ({ page, request }) => {
    const health = await request.get('/api/health');
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', db: 'up' });
    await page.goto('/');
    // Not signed in: the shell sends the visitor to the sign-in page.
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  });

  test('runs under the strict CSP with its stylesheet and icon font applied', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && m.text().includes('Content Security Policy')) violations.push(m.text());
    });
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    const iconFont = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.family.includes('Material Symbols')).map((f) => f.status);
    });
    expect(iconFont).toContain('loaded');
    expect(violations).toEqual([]);
  });

  test('switches to Arabic, mirrors the layout and remembers the choice', async ({ page }) => {
    await signIn(page, 'leadership@impact.test');
    const html = page.locator('html');
    await expect(html).toHaveAttribute('dir', 'ltr');
    const nav = page.getByRole('navigation').first();
    const main = page.getByRole('main');
    expect(await xOf(nav)).toBeLessThan(await xOf(main));

    await chooseLanguage(page, 'ar');
    await expect(html).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('link', { name: 'لوحة المعلومات', exact: true })).toBeVisible();
    // The navigation now sits on the right of the content.
    await expect.poll(async () => (await xOf(nav)) - (await xOf(main))).toBeGreaterThan(0);

    await page.reload();
    await expect(html).toHaveAttribute('lang', 'ar');
    await expect(html).toHaveAttribute('dir', 'rtl');
    await chooseLanguage(page, 'en');
    await expect(html).toHaveAttribute('dir', 'ltr');
  });

  test('speaks French and Spanish on the sign-in page', async ({ page }) => {
    await page.goto('/sign-in');
    await chooseLanguage(page, 'fr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion');
    await chooseLanguage(page, 'es');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Iniciar sesión');
    await chooseLanguage(page, 'en');
  });

  test("the toolbar's controls and the figures' explanations come after the first paint and work by keyboard and pointer", async ({
    page,
  }) => {
    const user = await signIn(page, 'leadership@impact.test');
    const en = { lang: 'en', account: `Account menu for ${user.name}`, signOut: 'Sign out', arabicChecked: 'false' } as const;
    const ar = { lang: 'ar', account: `قائمة حساب ${user.name}`, signOut: 'تسجيل الخروج', arabicChecked: 'true' } as const;
    for (const { words, size, device } of [
      { words: en, size: LAPTOP, device: 'laptop' },
      { words: ar, size: PHONE, device: 'phone' },
      { words: en, size: PHONE, device: 'phone' },
      { words: ar, size: LAPTOP, device: 'laptop' },
    ]) {
      await page.setViewportSize(size);
      await chooseLanguage(page, words.lang);
      const name = `${words.lang}-${device}`;
      // The account menu, by keyboard: Enter opens it; Escape closes it and focus comes back.
      const account = page.getByRole('button', { name: words.account });
      await account.focus();
      await page.keyboard.press('Enter');
      const menu = page.getByRole('menu');
      await expect(menu).toContainText(user.email);
      await expect(page.getByRole('menuitem', { name: words.signOut })).toBeVisible();
      await shootTop(page, `toolbar-account-menu-${name}`);
      await page.keyboard.press('Escape');
      await expect(menu).toHaveCount(0);
      await expect(account).toBeFocused();
      // The language menu, by pointer.
      await page.getByRole('button', { name: /^(Language|اللغة)/ }).click();
      await expect(page.getByRole('menuitemradio', { name: 'العربية' })).toHaveAttribute('aria-checked', words.arabicChecked);
      await shootTop(page, `toolbar-language-menu-${name}`);
      await page.keyboard.press('Escape');
      await expect(menu).toHaveCount(0);
      // A KPI's explanation: its button is described by the explanation, and reaching it by keyboard shows the tooltip.
      const about = page.locator('[data-kpi="activeCities"] button.info');
      await about.focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      await expect(about).toBeFocused();
      // Material's tooltip is hidden from assistive technology; a screen reader hears the same words as the button's description.
      const tip = page.locator('.mat-mdc-tooltip');
      await expect(tip).toBeVisible();
      await expect(tip).not.toBeEmpty();
      const describedBy = await about.getAttribute('aria-describedby');
      await expect(page.locator(`[id="${describedBy}"]`)).toHaveText(await tip.innerText());
      // The whole window: on a phone the focused card, and its tooltip, sit below the toolbar's strip.
      await page.screenshot({ path: join(SHOTS, `dashboard-kpi-tooltip-${name}.png`) });
      await page.keyboard.press('Escape');
    }
  });
});
