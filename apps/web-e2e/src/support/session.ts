import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DemoUser {
  email: string;
  password: string;
  role: 'admin' | 'leadership' | 'hub_manager' | 'city_liaison';
  name: string;
}

/** The demo sign-ins the API seeds (one file, shared with the API and the README). */
export const DEMO_USERS: DemoUser[] = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', 'api', 'src', 'database', 'demo', 'demo-users.json'), 'utf8'),
);

export function demoUser(email: string): DemoUser {
  const user = DEMO_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`${email} is not a demo user`);
  return user;
}

/**
 * Signs in through the sign-in page, as a person would, and waits for the first page (the dashboard or My work). The page is in
 * English by a choice made on this device (a device choice wins over the account's preferred
 * language, which other tests may have changed).
 */
export async function signIn(page: Page, email: string): Promise<DemoUser> {
  const user = demoUser(email);
  await page.goto('/sign-in');
  await page.evaluate(() => localStorage.setItem('impact.language', 'en'));
  await page.reload();
  await page.getByLabel('E-mail address').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Liaisons and hub managers start on My work, leadership and admins on the dashboard.
  await expect(page).toHaveURL(/\/(dashboard|my-work)/);
  return user;
}

const LANGUAGE_NAMES = { en: 'English', fr: 'Français', ar: 'العربية', es: 'Español' } as const;
export type Lang = keyof typeof LANGUAGE_NAMES;

/** Picks a language from the switcher in the toolbar or on the sign-in page. */
export async function chooseLanguage(page: Page, lang: Lang): Promise<void> {
  await page
    .getByRole('button', { name: /^(Language|Langue|اللغة|Idioma)/ })
    .first()
    .click();
  await page.getByRole('menuitemradio', { name: LANGUAGE_NAMES[lang] }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}
