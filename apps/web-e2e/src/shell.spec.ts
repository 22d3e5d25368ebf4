import { expect, test, type Locator } from '@playwright/test';
import { chooseLanguage, signIn } from './support/session';

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
});
