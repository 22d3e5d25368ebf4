import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chooseLanguage, signIn } from './support/session';

const SHOTS = join(__dirname, '..', '..', '..', 'tmp', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

/** Chart animations have no "done" signal to wait for; screenshots give them this long to finish. */
const animationsSettle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The shell scrolls its content pane, so a full-page shot needs a tall window. */
async function shoot(page: Page, name: string, width = 1280) {
  await page.setViewportSize({ width, height: 2900 });
  await animationsSettle(1_000); // charts resize to the new window
  await page.screenshot({ path: join(SHOTS, name), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** The dashboard has settled: figures loaded, charts drawn, fonts in. */
async function settled(page: Page) {
  await expect(page.locator('[data-kpi="engagements"] [data-testid="kpi-figure"]')).toBeVisible();
  await expect(page.locator('mat-progress-bar')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('it-city-map canvas')).toHaveCount(1, { timeout: 15_000 });
  await expect(page.locator('it-peer-graph canvas')).toHaveCount(1);
  await page.evaluate(() => document.fonts.ready);
  await animationsSettle(1_500); // the force layout of the graph comes to rest
}

const digits = (text: string) => Number(text.replace(/[^\d٠-٩]/g, '').replace(/[٠-٩]/g, (d) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d))));

test('leadership opens the dashboard, switches hub, and a KPI opens a list with the same total', async ({ page }) => {
  await signIn(page, 'leadership@impact.test');
  await settled(page);
  await expect(page.getByTestId('freshness')).toContainText('Figures as of');
  await shoot(page, 'dashboard-en.png');
  await shoot(page, 'dashboard-en-phone.png', 390);

  // Switch hub: the URL says which, the figures follow.
  await page.getByTestId('hub-filter').click();
  await page.getByRole('option', { name: 'East & Southern Africa' }).click();
  await expect(page).toHaveURL(/hubId=/);
  const figure = page.locator('[data-kpi="engagements"] [data-testid="kpi-figure"]');
  await expect(figure).toBeVisible();
  await expect(page.locator('mat-progress-bar')).toHaveCount(0);
  const shown = digits(await figure.innerText());
  expect(shown).toBeGreaterThan(0);

  // Every number is a door: the list behind it holds exactly that many.
  const listAnswer = page.waitForResponse((r) => r.url().includes('/api/engagements?') && r.status() === 200);
  await figure.click();
  await expect(page).toHaveURL(/\/engagements\?.*hubId=/);
  const body = (await (await listAnswer).json()) as { total: number };
  expect(body.total).toBe(shown);
  await expect(page.locator('.mat-mdc-paginator-range-label')).toContainText(String(shown));

  // And back: the dashboard keeps the hub in the URL.
  await page.goBack();
  await expect(page).toHaveURL(/\/dashboard\?.*hubId=/);
});

test('a hub manager lands on its hub; the peer-learning graph and at-risk list are there', async ({ page }) => {
  await signIn(page, 'esa.manager@impact.test');
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/hubId=/);
  await settled(page);
  await expect(page.locator('tr.selected')).toContainText('East & Southern Africa');
  await expect(page.getByRole('heading', { name: 'Late and at risk' })).toBeVisible();
});

test('the dashboard in Arabic mirrors', async ({ page }) => {
  await signIn(page, 'leadership@impact.test');
  await chooseLanguage(page, 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await settled(page);
  await shoot(page, 'dashboard-ar.png');
  await shoot(page, 'dashboard-ar-phone.png', 390);
});
