import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { seriousViolations } from './support/axe';
import { shot } from './support/forms';
import { chooseLanguage, signIn, type Lang } from './support/session';
import { texts } from './support/words';

// The dashboard's date range, and its map and peer-learning graph as tables: in English on a laptop and
// in Arabic on a phone.

const SHOTS = join(__dirname, '..', '..', '..', 'tmp', 'screens', 'w12-dash');
mkdirSync(SHOTS, { recursive: true });

const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** Chart animations have no "done" signal; screenshots give them this long. */
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the map draws now (the map writes it on its element): cities, clusters and the zoom. */
async function marksOf(map: Locator) {
  const [cities, clusters, zoom] = ((await map.getAttribute('data-marks')) ?? '0 0 0').split(' ').map(Number);
  return { cities, clusters, zoom };
}

/** Western digits, so one pattern reads a date in either script. */
const latin = (text: string) => text.replace(/[٠-٩]/g, (d) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d))).replace(/[\u200e\u200f\u061c]/g, '');

const WORDS = {
  en: { table: 'Table', chart: 'Chart', wholeDate: 'Enter a whole date', order: '“To” cannot be before “From”.' },
  ar: { table: 'جدول', chart: 'رسم', wholeDate: 'أدخل تاريخًا كاملًا', order: 'لا يمكن أن يسبق تاريخ «إلى» تاريخ «من».' },
} as const;

async function open(page: Page, lang: Lang) {
  await signIn(page, 'leadership@impact.test');
  if (lang !== 'en') {
    // The language switcher is picked from the laptop toolbar; the page then goes back to its size.
    const size = page.viewportSize() ?? LAPTOP;
    await page.setViewportSize(LAPTOP);
    await chooseLanguage(page, lang);
    await page.setViewportSize(size);
  }
  await expect(page.locator('[data-kpi="engagements"] [data-testid="kpi-figure"]')).toBeVisible();
  await expect(page.locator('mat-progress-bar')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('it-city-map canvas')).toHaveCount(1, { timeout: 15_000 });
  await expect(page.locator('it-peer-graph canvas')).toHaveCount(1);
  await page.evaluate(() => document.fonts.ready);
}

/** The shell scrolls its content pane, so a full-page shot needs a tall window. */
async function shoot(page: Page, name: string, viewport: { width: number; height: number }) {
  await page.setViewportSize({ width: viewport.width, height: viewport.width < 600 ? 5200 : 2900 });
  await settle(1_000);
  await page.screenshot({ path: join(SHOTS, name), fullPage: true });
  await page.setViewportSize(viewport);
}

for (const lang of ['en', 'ar'] as const) {
  const [viewport, other] = lang === 'ar' ? [PHONE, LAPTOP] : [LAPTOP, PHONE];
  const [device, otherDevice] = lang === 'ar' ? ['phone', 'laptop'] : ['laptop', 'phone'];
  const words = WORDS[lang];
  const t = texts(lang);

  test.describe(`dashboard views in ${lang === 'ar' ? 'Arabic on a phone' : 'English on a laptop'}`, () => {
    test.use({ viewport });

    test('half a date sends nothing and says why; a whole, ordered range applies once', async ({ page }) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await open(page, lang);
      const sent: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/api/dashboard/')) sent.push(r.url());
      });

      const from = page.getByTestId('range-from');
      const to = page.getByTestId('range-to');
      await from.click();
      await from.pressSequentially(lang === 'ar' ? '١/٣' : '3/1');
      await from.press('Tab');
      await expect(page.getByTestId('range-from-error')).toContainText(words.wholeDate);
      expect(sent, 'nothing is asked while the day is half typed').toEqual([]);

      // A whole day applies at once (an open end is no bound).
      const fromApplied = page.waitForRequest((r) => r.url().includes('/api/dashboard/summary?') && r.url().includes('from=2024-06-01'));
      await from.fill('');
      await from.pressSequentially(lang === 'ar' ? '٠١/٠٦/٢٠٢٤' : '06/01/2024');
      await from.press('Tab');
      await fromApplied;
      await expect(page).toHaveURL(/from=2024-06-01/);
      await expect(page.locator('mat-progress-bar')).toHaveCount(0, { timeout: 15_000 });

      // An end before the start is refused, with its own words, and asks nothing.
      await to.pressSequentially(lang === 'ar' ? '٠١/٠١/٢٠٢٤' : '01/01/2024');
      await to.press('Tab');
      await expect(page.getByTestId('range-to-error')).toHaveText(words.order);

      // Mend the end: the range applies with whole days.
      const applied = page.waitForRequest((r) => r.url().includes('/api/dashboard/summary?') && r.url().includes('to=2024-12-31'));
      await to.fill('');
      await to.pressSequentially(lang === 'ar' ? '٣١/١٢/٢٠٢٤' : '12/31/2024');
      await to.press('Enter');
      await applied;
      await expect(page).toHaveURL(/to=2024-12-31/);
      await expect(page.locator('mat-progress-bar')).toHaveCount(0, { timeout: 15_000 });
      const summaries = sent.filter((u) => u.includes('/summary?')).map((u) => new URL(u).search);
      expect(summaries).toEqual(['?from=2024-06-01', '?from=2024-06-01&to=2024-12-31']);
      for (const url of sent) expect(new URL(url).searchParams.get('from')).toBe('2024-06-01');
      expect(errors).toEqual([]);

      // A figure is a door: "led to a commitment" opens the engagements of the range, the filter that has
      // no control of its own shown as a chip; removing it lifts only that filter.
      await page.locator('[data-kpi="engagementsLedToCommitment"] [data-testid="kpi-figure"]').click();
      await expect(page).toHaveURL(/\/engagements\?.*ledToCommitment=true/);
      await expect(page).toHaveURL(/from=2024-06-01/);
      const chip = page.getByTestId('filter-chips').locator('mat-chip[data-filter="ledToCommitment"]');
      await expect(chip).toContainText(t('worklists.chips.ledToCommitment'));
      await chip.scrollIntoViewIfNeeded();
      await shot(page, `dashboard-drilldown-chip-${lang}-${device}`);
      await chip.getByRole('button').click();
      await expect(page).not.toHaveURL(/ledToCommitment/);
      await expect(page).toHaveURL(/from=2024-06-01/);
      await expect(page.getByTestId('filter-chips')).toHaveCount(0);
    });

    test('the datepicker writes the day in the order of the language', async ({ page }) => {
      await open(page, lang);
      await page.getByTestId('range-from').locator('xpath=ancestor::mat-form-field').locator('mat-datepicker-toggle button').click();
      await page
        .locator('mat-calendar .mat-calendar-body-cell-content')
        .filter({ hasText: /^\s*(15|١٥)\s*$/ })
        .click();
      const value = latin(await page.getByTestId('range-from').inputValue());
      // English: month first; Arabic: day first (never mm/dd/yyyy).
      expect(value).toMatch(lang === 'ar' ? /^15\/\d{1,2}\/\d{4}$/ : /^\d{1,2}\/15\/\d{4}$/);
      await expect(page).toHaveURL(/from=\d{4}-\d{2}-15/);
    });

    test('the map and the graph as tables: known rows, reachable by keyboard, no serious axe finding', async ({ page }) => {
      await open(page, lang);
      await settle(1_500);
      await shoot(page, `dashboard-charts-${lang}-${device}.png`, viewport);

      // The graph's cities can be stepped through with the arrow keys, and their names are announced.
      const graph = page.locator('it-peer-graph [role="img"]');
      await graph.focus();
      await page.keyboard.press('ArrowRight');
      await expect(page.locator('it-peer-graph [aria-live]')).not.toBeEmpty();

      // The switch is reached and used with the keyboard.
      const graphTable = page.getByTestId('graph-view').locator('button', { hasText: words.table });
      await graphTable.focus();
      await page.keyboard.press('Enter');
      const learned = page.getByTestId('graph-table').locator('tbody tr', {
        has: page.locator('th', { hasText: 'Cape Town' }),
      });
      await expect(learned.filter({ has: page.locator('td', { hasText: 'Nansana' }) })).toHaveCount(1);

      await page.getByTestId('map-view').locator('button', { hasText: words.table }).click();
      const nansana = page.getByTestId('map-table').locator('tbody tr', { has: page.locator('th', { hasText: 'Nansana' }) });
      await expect(nansana).toHaveCount(1);
      await expect(nansana.locator('td').nth(1)).toHaveText(/^[\d٠-٩]+$/);

      expect(await seriousViolations(page), `dashboard with table views in ${lang}`).toEqual([]);
      await shoot(page, `dashboard-tables-${lang}-${device}.png`, viewport);
      // The other device too, tables open.
      await shoot(page, `dashboard-tables-${lang}-${otherDevice}.png`, other);

      // Back to the chart: the whole world, where Europe's cities overlap and some are drawn as one bubble.
      await page.getByTestId('map-view').locator('button', { hasText: words.chart }).click();
      const map = page.locator('it-city-map [data-testid="city-map"]');
      await expect.poll(async () => (await marksOf(map)).clusters).toBeGreaterThan(0);
      const world = await marksOf(map);
      // Choosing a hub frames its cities: the map zooms in on them.
      await page.getByTestId('hub-filter').click();
      await page.getByRole('option').nth(1).click();
      await expect(page).toHaveURL(/hubId=/);
      await expect(page.locator('it-city-map canvas')).toHaveCount(1, { timeout: 15_000 });
      await expect.poll(async () => (await marksOf(map)).zoom).toBeGreaterThan(world.zoom);
      await settle(1_000);
      await page.locator('it-map-panel').screenshot({ path: join(SHOTS, `map-hub-${lang}.png`) });
    });
  });
}

test('the French datepicker writes day first', async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await open(page, 'fr');
  await page.getByTestId('range-from').locator('xpath=ancestor::mat-form-field').locator('mat-datepicker-toggle button').click();
  await page
    .locator('mat-calendar .mat-calendar-body-cell-content')
    .filter({ hasText: /^\s*15\s*$/ })
    .click();
  await expect(page.getByTestId('range-from')).toHaveValue(/^15\/\d{2}\/\d{4}$/);
  await expect(page.getByTestId('range-from')).toHaveAttribute('placeholder', /^ex\. 31\/12\/\d{4}$/);
});
