import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Api } from './support/api';
import { seriousViolations } from './support/axe';
import { chooseLanguage, signIn, type Lang } from './support/session';

/** Every page of the app, scanned in English (LTR) and Arabic (RTL); `:city`, `:engagement`, `:commitment`, `:story` are demo records. */
const SIGNED_IN_PAGES = [
  '/dashboard',
  '/my-work',
  '/cities',
  '/cities/:city',
  '/engagements',
  '/engagements/:engagement',
  '/commitments',
  '/commitments/:commitment',
  '/follow-ups',
  '/stories',
  '/story-desk',
  '/story-desk/:story',
  '/users',
  '/partners',
  '/imports',
  '/notifications',
  '/notifications/settings',
  '/admin/outbox',
];
/** The public pages, scanned without signing in. */
const PUBLIC_PAGES = ['/stories', '/stories/:publicStory', '/forgot-password'];

/** Real ids for the pages of one record (demo data, read through the API as the admin). */
async function recordIds(request: APIRequestContext): Promise<Record<string, string>> {
  const admin = await Api.as(request, 'admin@impact.test');
  return {
    city: await admin.cityId('Nansana'),
    commitment: await admin.firstId('commitments?pageSize=1&status=achieved'),
    engagement: await admin.firstId('engagements?pageSize=1&ledToCommitment=true'),
    story: await admin.firstId('stories?pageSize=1'),
    publicStory: await Api.firstPublicStoryId(request),
  };
}

/** `list` cut into pieces of `size`, in order. */
function chunks<T>(list: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));
}

function fill(path: string, ids: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, key: string) => ids[key]);
}
const SHOTS = join(__dirname, '..', '..', '..', 'tmp', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

async function scan(page: Page, name: string, lang: Lang) {
  // Let the page settle (data loaded, spinners gone) before judging it.
  // (Only the busy indicators: a determinate bar is a commitment's progress, not loading.)
  await expect(page.locator('mat-progress-bar[mode="indeterminate"], mat-spinner')).toHaveCount(0, { timeout: 15_000 });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SHOTS, `${name.replace(/\W+/g, '_')}-${lang}.png`), fullPage: true });
  expect(await seriousViolations(page), `${name} in ${lang}`).toEqual([]);
}

for (const lang of ['en', 'ar'] as const) {
  test.describe(`accessibility in ${lang === 'ar' ? 'Arabic (RTL)' : 'English (LTR)'}`, () => {
    test('sign-in page', async ({ page }) => {
      await page.goto('/sign-in');
      await chooseLanguage(page, lang);
      await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
      await scan(page, 'sign-in', lang);
    });

    // A few pages per test, so each test stays well inside its time on a busy machine.
    for (const [part, pages] of chunks(SIGNED_IN_PAGES, 5).entries()) {
      test(`signed-in pages, part ${part + 1}: ${pages.join(', ')}`, async ({ page, request }) => {
        const ids = await recordIds(request);
        await signIn(page, 'admin@impact.test');
        await chooseLanguage(page, lang);
        for (const path of pages) {
          await page.goto(fill(path, ids));
          await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
          await expect(page.getByRole('main')).toBeVisible();
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          await scan(page, path, lang);
        }
      });
    }

    test('the public story pages, without signing in', async ({ page, request }) => {
      const ids = await recordIds(request);
      await page.goto('/stories');
      await chooseLanguage(page, lang);
      for (const path of PUBLIC_PAGES) {
        await page.goto(fill(path, ids));
        await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
        await expect(page.getByRole('main')).toBeVisible();
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await scan(page, `public${path}`, lang);
      }
    });
  });
}
