import { expect, type Page } from '@playwright/test';

/** The news in the snack-bar, read without the invisible marks that keep a name's direction (FSI … PDI). */
export async function expectNotice(page: Page, text: string): Promise<void> {
  // The newest snack-bar's label (while one leaves, the next is already there).
  const label = page.locator('[matsnackbarlabel]').last();
  await expect
    .poll(async () => (await label.textContent({ timeout: 1000 }).catch(() => ''))?.replace(/[\u2068\u2069]/g, '').trim())
    .toBe(text);
}
