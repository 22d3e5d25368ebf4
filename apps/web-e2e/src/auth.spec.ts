import { expect, test } from '@playwright/test';
import { signIn } from './support/session';

const ALL_NAV = ['Dashboard', 'My work', 'Cities', 'Engagements', 'Commitments', 'Follow-ups', 'Stories', 'Users'];

const CASES = [
  { email: 'admin@impact.test', role: 'Administrator', nav: ALL_NAV },
  { email: 'leadership@impact.test', role: 'Leadership', nav: ALL_NAV.filter((n) => n !== 'Users') },
  { email: 'esa.manager@impact.test', role: 'Hub manager', nav: ALL_NAV.filter((n) => n !== 'Users') },
  { email: 'nansana.liaison@impact.test', role: 'City liaison', nav: ALL_NAV.filter((n) => n !== 'Users') },
];

test.describe('sign-in and sign-out', () => {
  for (const c of CASES) {
    test(`${c.role} signs in, sees the right navigation, and signs out`, async ({ page }) => {
      const user = await signIn(page, c.email);
      const nav = page.getByRole('navigation').first();
      for (const item of c.nav) await expect(nav.getByRole('link', { name: item, exact: true })).toBeVisible();
      for (const item of ALL_NAV.filter((n) => !c.nav.includes(n))) {
        await expect(nav.getByRole('link', { name: item, exact: true })).toHaveCount(0);
      }
      await expect(page.getByRole('banner')).toContainText(user.name);
      await expect(page.getByRole('banner')).toContainText(c.role);

      // The session survives a reload.
      await page.reload();
      await expect(page.getByRole('banner')).toContainText(user.name);

      await page.getByRole('button', { name: `Account menu for ${user.name}` }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await expect(page).toHaveURL(/\/sign-in/);
      expect(await page.evaluate(() => localStorage.getItem('impact.session'))).toBeNull();
      // Signed out means signed out: the shell is closed again.
      await page.goto('/dashboard');
      await expect(page).toHaveURL(/\/sign-in/);
    });
  }

  test('a wrong password is refused with a clear message', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('E-mail address').fill('leadership@impact.test');
    await page.getByLabel('Password', { exact: true }).fill('definitely-not-it');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('E-mail or password is incorrect.')).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('a liaison cannot open the users page', async ({ page }) => {
    await signIn(page, 'nansana.liaison@impact.test');
    await page.goto('/users');
    await expect(page).toHaveURL(/\/dashboard/);
  });
});
