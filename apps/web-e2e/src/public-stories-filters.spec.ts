import { expect, test, type Locator, type Page } from '@playwright/test';
import { escape, shot } from './support/forms';
import { chooseLanguage, signIn } from './support/session';

// The public stories page on a phone, in English and in Arabic: the server pages ("Show more") and
// filters (hub, words); the filters live in the URL, so a filtered page is a link; nothing matching says
// so and offers to clear. Then the dashboard map, where cities close together draw as one bubble.

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };

const WORDS = {
  en: {
    heading: 'Impact stories',
    hub: 'Regional hub',
    search: 'Search the stories',
    more: 'Show more stories',
    clear: 'Clear filters',
    empty: 'No story matches these filters.',
    word: 'Nansana',
    title: 'Nansana pilots a Neighbourhood Watch',
    shown: (shown: number, total: number) => new RegExp(`Showing ${shown} of ${total} stories`),
    matches: (n: number) => new RegExp(`\\b${n} stor(y|ies) match`),
    map: 'Cities on the map',
    table: 'Table',
  },
  ar: {
    heading: 'قصص الأثر',
    hub: 'المركز الإقليمي',
    search: 'البحث في القصص',
    more: 'عرض مزيد من القصص',
    clear: 'مسح عوامل التصفية',
    empty: 'لا توجد قصة تطابق عوامل التصفية هذه.',
    word: 'نانسانا',
    title: 'نانسانا تجرّب مراقبة الأحياء',
    shown: (shown: number) => new RegExp(`تُعرض ${shown} من`),
    matches: (n: number) => (n === 1 ? /قصة واحدة مطابقة/ : /مطابق/),
    map: 'المدن على الخريطة',
    table: 'جدول',
  },
} as const;

/** Western digits, so one pattern reads a count in either script. */
const latin = (text: string) => text.replace(/[٠-٩]/g, (d) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d))).replace(/[\u200e\u200f\u061c]/g, '');

const cards = (page: Page) => page.locator('a.it-card');

/** What the map draws now: `[cities, clusters]` (the map writes them on its element). */
const marksOf = async (map: Locator) => ((await map.getAttribute('data-marks')) ?? '0 0').split(' ').map(Number);

interface Facets {
  hubs: { id: string; name: string; names?: Record<string, string> }[];
}

/** A hub of the facets by its name of record, with its name in `lang`. */
function hubOf(facets: Facets, name: string, lang: keyof typeof WORDS): { id: string; label: string } {
  const hub = facets.hubs.find((h) => h.name === name);
  expect(hub, name).toBeDefined();
  const h = hub as Facets['hubs'][number];
  return { id: h.id, label: h.names?.[lang] ?? h.name };
}

async function signInReading(page: Page, lang: keyof typeof WORDS) {
  await signIn(page, 'leadership@impact.test');
  if (lang !== 'en') await chooseLanguage(page, lang);
}

async function openStories(page: Page, lang: keyof typeof WORDS) {
  await page.goto('/stories');
  if (lang !== 'en') {
    await chooseLanguage(page, lang);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  }
  await expect(page.getByRole('heading', { level: 1, name: WORDS[lang].heading })).toBeVisible();
  await expect(cards(page).first()).toBeVisible();
  // The filter bar renders after the first paint: the screenshots show the page once it is there.
  await expect(page.getByRole('searchbox', { name: WORDS[lang].search })).toBeVisible();
}

for (const lang of ['en', 'ar'] as const) {
  test.describe(`public stories, on a phone, in ${lang}`, () => {
    test.use({ viewport: PHONE });

    test('pages and filters on the server, keeps the filters in the URL, and says when nothing matches', async ({ page, request }) => {
      const w = WORDS[lang];
      // What the server holds: one version per story in the reader's language.
      const all = (await (await request.get(`/api/public/stories?preferLanguage=${lang}&pageSize=1`)).json()) as { total: number };
      expect(all.total).toBeGreaterThan(12);
      const requests: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/api/public/stories?')) requests.push(r.url());
      });

      await openStories(page, lang);
      // The first page only: twelve stories, asked of the server with the reader's language.
      await expect(cards(page)).toHaveCount(12);
      expect(requests.some((u) => u.includes('pageSize=12') && u.includes(`preferLanguage=${lang}`))).toBe(true);
      expect(requests.every((u) => !u.includes('pageSize=200'))).toBe(true);
      await expect(page.getByText(w.shown(12, all.total))).toBeVisible();
      await shot(page, `public-stories-${lang}-phone`);

      // Show more: the next page is appended.
      await page.getByRole('button', { name: w.more }).click();
      await expect(cards(page)).toHaveCount(Math.min(24, all.total));
      expect(requests.some((u) => u.includes('page=2'))).toBe(true);

      // A hub: the server filters, the URL says so.
      const facets = (await (await request.get('/api/public/stories/facets')).json()) as Facets;
      const esa = hubOf(facets, 'East & Southern Africa', lang);
      const inHub = (await (await request.get(`/api/public/stories?preferLanguage=${lang}&hubId=${esa.id}&pageSize=1`)).json()) as {
        total: number;
      };
      await page.getByRole('combobox', { name: w.hub }).click();
      await page.getByRole('option', { name: esa.label }).click();
      await expect(page).toHaveURL(new RegExp(`hubId=${esa.id}`));
      await expect(cards(page)).toHaveCount(Math.min(12, inHub.total));
      await expect
        .poll(async () => latin((await page.locator('.it-matches').textContent()) ?? '').trim())
        .toMatch(new RegExp(`${inHub.total}`));

      // Words: typed, then the URL carries them; the Nansana story is found, in the reader's language.
      // Every story of the hub that says the word (its title or its text), counted by the server.
      const found = (await (
        await request.get(`/api/public/stories?preferLanguage=${lang}&hubId=${esa.id}&q=${encodeURIComponent(w.word)}&pageSize=12`)
      ).json()) as { total: number; items: { title: string }[] };
      expect(found.total).toBeGreaterThan(0);
      expect(found.total).toBeLessThan(inHub.total);
      await page.getByRole('searchbox', { name: w.search }).fill(w.word);
      await expect(page).toHaveURL(new RegExp(`q=${escape(encodeURIComponent(w.word))}`));
      await expect(cards(page)).toHaveCount(found.total);
      // The Nansana story is among them, in the reader's language.
      const nansana = cards(page).filter({ hasText: w.title });
      await expect(nansana).toHaveCount(1);
      await expect(nansana).toHaveAttribute('lang', lang);
      await expect(page.locator('.it-matches')).toHaveText(w.matches(found.total));
      // The filtered page is a link: opened afresh, it shows the same.
      const link = page.url();
      await page.goto('about:blank');
      await page.goto(link);
      await expect(cards(page)).toHaveCount(found.total);
      await expect(page.getByRole('searchbox', { name: w.search })).toHaveValue(w.word);
      await expect(page.getByRole('combobox', { name: w.hub })).toContainText(esa.label);
      await shot(page, `public-stories-filtered-${lang}-phone`);

      // Nothing matches: it says so, and clearing brings every story back.
      await page.getByRole('searchbox', { name: w.search }).fill('zzqx-nothing');
      await expect(page.getByText(w.empty)).toBeVisible();
      await expect(cards(page)).toHaveCount(0);
      await shot(page, `public-stories-empty-${lang}-phone`);
      await page.getByRole('button', { name: w.clear }).first().click();
      await expect(page).toHaveURL(/\/stories$/);
      await expect(cards(page)).toHaveCount(12);
      await expect(page.getByRole('searchbox', { name: w.search })).toHaveValue('');
    });
  });

  test(`the public stories page and the dashboard map on a laptop, in ${lang}`, async ({ page }) => {
    await page.setViewportSize(LAPTOP);
    await openStories(page, lang);
    await shot(page, `public-stories-${lang}-laptop`);

    await signInReading(page, lang);
    const map = page.locator('it-city-map [data-testid="city-map"]');
    await expect(page.locator('it-city-map canvas')).toHaveCount(1, { timeout: 15_000 });
    await expect(page.getByRole('heading', { name: WORDS[lang].map })).toBeVisible();
    // The whole world: Europe's cities overlap, so some are drawn as one bubble with their count.
    await expect.poll(async () => (await marksOf(map))[1]).toBeGreaterThan(0);
    const before = await marksOf(map);
    await map.scrollIntoViewIfNeeded();
    await shot(page, `dashboard-map-${lang}-laptop`);
    // Zooming in (the wheel, over the map) tells more cities apart.
    await map.hover({ position: { x: 300, y: 120 } });
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -300);
    await expect.poll(async () => (await marksOf(map))[0]).toBeGreaterThan(before[0]);
    const [citiesAfter] = await marksOf(map);
    await page.setViewportSize(PHONE);
    await shot(page, `dashboard-map-${lang}-phone`);
    // The table view still lists every city, the keyboard's way through them.
    await page.getByTestId('map-view').locator('button', { hasText: WORDS[lang].table }).click();
    await expect(page.getByTestId('map-table').getByRole('link', { name: 'Strasbourg' })).toBeVisible();
    expect(await page.getByTestId('map-table').locator('tbody tr').count()).toBeGreaterThan(citiesAfter);
  });
}
