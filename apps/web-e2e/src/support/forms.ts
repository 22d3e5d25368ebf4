import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Picks an option of a Material select (a combobox named by its label). */
export async function choose(scope: Locator, label: string, option: string | RegExp): Promise<void> {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await scope.page().getByRole('option', { name: option }).click();
  await expect(scope.page().getByRole('listbox')).toHaveCount(0);
}

/** Types into a search-as-you-type picker and picks the matching suggestion (single or chips). */
export async function pick(
  scope: Locator,
  label: string,
  text: string,
  option: string | RegExp = new RegExp(`^${escape(text)}`),
): Promise<void> {
  const input = scope.getByRole('combobox', { name: label, exact: true });
  await input.fill(text);
  await scope.page().getByRole('option', { name: option }).first().click();
}

export function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The open Material dialog with this title. */
export function dialog(page: Page, title: string): Locator {
  return page.getByRole('dialog', { name: title });
}

const SHOTS = join(__dirname, '..', '..', '..', '..', 'tmp', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

/** A full-page screenshot of where the test is, for people to look at (tmp/screenshots). */
export async function shot(page: Page, name: string): Promise<void> {
  await expect(page.locator('mat-progress-bar[mode="indeterminate"], mat-spinner')).toHaveCount(0, { timeout: 15_000 });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SHOTS, `${name.replace(/\W+/g, '_')}.png`), fullPage: true });
}
