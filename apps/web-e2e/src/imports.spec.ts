import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unique } from './support/api';
import { seriousViolations } from './support/axe';
import { choose, dialog } from './support/forms';
import { signIn } from './support/session';

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 900 };
const SHOTS = join(__dirname, '..', '..', '..', 'tmp', 'screens', 'w14-web');
mkdirSync(SHOTS, { recursive: true });

/** The whole page: the shell scrolls inside its content pane, so the window is made as tall as that pane for the shot. */
async function screenshot(page: Page, name: string): Promise<void> {
  await expect(page.locator('mat-progress-bar')).toHaveCount(0, { timeout: 15_000 });
  await page.evaluate(() => document.fonts.ready);
  const size = page.viewportSize() ?? LAPTOP;
  const height = await page.evaluate(() => {
    const pane = document.querySelector('mat-sidenav-content');
    return pane ? pane.getBoundingClientRect().top + pane.scrollHeight : document.documentElement.scrollHeight;
  });
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.ceil(height)) });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  await page.setViewportSize(size);
}

async function inLanguage(page: Page, lang: 'en' | 'ar'): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('impact.language', l), lang);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** A partners spreadsheet in the export's columns; a row without an id creates a partner. */
function partnersCsv(rows: [name: string, kind: string, country: string][]): Buffer {
  return Buffer.from(['id,name,kind,countryCode', ...rows.map(([n, k, c]) => `,"${n}",${k},${c}`)].join('\r\n') + '\r\n', 'utf8');
}

async function upload(page: Page, fileName: string, content: Buffer): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: content });
  await expect(page.getByTestId('import-chosen')).toContainText(fileName);
}

async function box(locator: Locator): Promise<{ x: number; width: number }> {
  const found = await locator.boundingBox();
  expect(found, 'a laid-out box').not.toBeNull();
  return found as { x: number; width: number };
}

function errorRows(page: Page): Locator {
  return page.getByRole('table', { name: /Problems found in the file|المشكلات التي وُجدت في الملف/ }).locator('tbody tr');
}

test.describe('spreadsheet import', () => {
  test('a hub manager previews a partners file with two bad rows, fixes it, imports it with progress and finds the partners', async ({
    page,
  }) => {
    await page.setViewportSize(LAPTOP);
    const prefix = unique('Import e2e');
    const good = (n: number) => `${prefix} partner ${n}`;
    const bad = partnersCsv([
      [good(1), 'civil_society', 'KE'],
      [good(2), 'charity', 'KE'],
      [good(3), 'municipality', 'UG'],
      [good(4), 'civil_society', 'KENYA'],
    ]);
    const fixed = partnersCsv([
      [good(1), 'civil_society', 'KE'],
      [good(2), 'civil_society', 'KE'],
      [good(3), 'municipality', 'UG'],
      [good(4), 'civil_society', 'KE'],
    ]);

    await signIn(page, 'esa.manager@impact.test');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Import' }).click();
    await expect(page).toHaveURL(/\/imports/);
    await expect(page.getByRole('heading', { level: 1, name: 'Import spreadsheets' })).toBeVisible();
    await expect(page.getByText('at most 50 MB and 200,000 rows per file')).toBeVisible();
    await choose(page.getByRole('main'), 'What to import', 'Partners');

    // The template for partners comes from the API with the export's header.
    const templateDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the template' }).click();
    const template = await templateDownload;
    expect(template.suggestedFilename()).toBe('partners-template.csv');
    expect(readFileSync(await template.path(), 'utf8')).toMatch(/^\uFEFF?id,name,kind,countryCode/);

    const importButton = page.getByRole('button', { name: 'Import', exact: true });
    await upload(page, 'esa-partners.csv', bad);
    await expect(importButton).toBeDisabled();
    await page.getByRole('button', { name: 'Preview' }).click();

    await expect(page.getByRole('heading', { name: '2 problems to fix' })).toBeVisible();
    await expect(errorRows(page)).toHaveCount(2);
    // Rows as a spreadsheet numbers them: the header is row 1, so the 2nd and 4th data rows are 3 and 5.
    await expect(errorRows(page).nth(0).locator('td').nth(0)).toHaveText('3');
    await expect(errorRows(page).nth(0).locator('td').nth(1)).toHaveText('kind');
    await expect(errorRows(page).nth(1).locator('td').nth(0)).toHaveText('5');
    await expect(errorRows(page).nth(1).locator('td').nth(1)).toHaveText('countryCode');
    await expect(page.getByTestId('count-created')).toHaveText('2');
    await expect(importButton).toBeDisabled();
    await screenshot(page, 'imports-preview-errors-en-laptop');
    // The preview with its problems table is read by assistive technology too.
    expect(await seriousViolations(page), 'imports preview in English').toEqual([]);

    const errorsDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download errors as CSV' }).click();
    const errorsFile = await errorsDownload;
    expect(errorsFile.suggestedFilename()).toBe('esa-partners-errors.csv');
    const lines = readFileSync(await errorsFile.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Row,Column,Problem');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['3,kind', '5,countryCode']);

    // The fixed file is a new file: it needs its own preview before Import.
    await upload(page, 'esa-partners.csv', fixed);
    await expect(importButton).toBeDisabled();
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByText('No problems found. Nothing has been written yet')).toBeVisible();
    await expect(page.getByTestId('count-created')).toHaveText('4');
    await expect(importButton).toBeEnabled();

    await importButton.click();
    const confirm = dialog(page, 'Import this file?');
    await expect(confirm).toContainText('4 records created and 0 updated');
    await confirm.getByRole('button', { name: 'Import' }).click();
    await expect(page.getByRole('progressbar', { name: 'Progress of the import' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await expect(page.getByTestId('count-created')).toHaveText('4');
    await screenshot(page, 'imports-done-en-laptop');

    // The history has the run with its counts and Undo; the preview runs are there too, without Undo.
    const history = page.getByTestId('import-history');
    const run = history.getByRole('listitem').filter({ hasText: 'Partners · Import' }).first();
    await expect(run).toContainText('esa-partners.csv');
    await expect(run).toContainText('4 created · 0 updated · 0 unchanged');
    await expect(run).toContainText('Done');
    await expect(run.getByRole('button', { name: 'Undo the import of esa-partners.csv' })).toBeVisible();

    await page.getByRole('link', { name: 'Open the partners' }).click();
    await expect(page).toHaveURL(/\/partners/);
    await page.getByRole('main').getByRole('searchbox').fill(prefix);
    const table = page.getByRole('table', { name: 'Partner organisations' });
    for (const n of [1, 2, 3, 4]) await expect(table.getByRole('cell', { name: good(n), exact: true })).toBeVisible();

    // Undo from the history: asked first, then told what was archived.
    await page.goto('/imports');
    const again = page.getByTestId('import-history').getByRole('listitem').filter({ hasText: 'Partners · Import' }).first();
    await again.getByRole('button', { name: 'Undo the import of esa-partners.csv' }).click();
    await dialog(page, 'Undo this import?').getByRole('button', { name: 'Undo import' }).click();
    const report = page.getByTestId('undo-report');
    await expect(report).toContainText('Undone: 4 records archived, 0 restored.');
    await expect(report).toContainText('Every record was archived or put back.');
    await expect(again).toContainText('Undone');
  });

  test('a hub manager imports follow-ups naming their commitment by title, after fixing an unknown one, and finds them in the list', async ({
    page,
  }) => {
    await page.setViewportSize(LAPTOP);
    const prefix = unique('Imported follow-up');
    const watch = 'Neighbourhood Watch as an early-warning mechanism';
    const followUps = (second: string) =>
      Buffer.from(
        [
          'id,title,kind,status,overdue,dueDate,completedAt,owner,city,commitment,engagement,note,version',
          `,"${prefix} 1",check_in,,,2031-05-01,,esa.manager@impact.test,Nansana,"${watch}",,,`,
          `,"${prefix} 2",training,,,2031-05-02,,,Nansana,"${second}",,Imported from a hub spreadsheet,`,
        ].join('\r\n') + '\r\n',
        'utf8',
      );

    await signIn(page, 'esa.manager@impact.test');
    await page.goto('/imports');
    const main = page.getByRole('main');
    await choose(main, 'What to import', 'Follow-ups');
    await expect(page.getByTestId('import-entity-hint')).toContainText('A follow-up names its commitment');
    const templateDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the template' }).click();
    const template = await templateDownload;
    expect(template.suggestedFilename()).toBe('follow-ups-template.csv');
    expect(readFileSync(await template.path(), 'utf8')).toMatch(
      /^\uFEFF?id,title,kind,status,overdue,dueDate,completedAt,owner,city,commitment,engagement,note,version/,
    );

    await upload(page, 'follow-ups.csv', followUps('A commitment nobody made'));
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByRole('heading', { name: '1 problem to fix' })).toBeVisible();
    await expect(errorRows(page)).toHaveCount(1);
    await expect(errorRows(page).first().locator('td').nth(0)).toHaveText('3');
    await expect(errorRows(page).first().locator('td').nth(1)).toHaveText('commitment');
    await screenshot(page, 'imports-follow-ups-errors-en-laptop');

    await upload(page, 'follow-ups.csv', followUps(watch));
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByText('No problems found. Nothing has been written yet')).toBeVisible();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog(page, 'Import this file?').getByRole('button', { name: 'Import' }).click();
    await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
    await expect(page.getByTestId('count-created')).toHaveText('2');

    await page.getByRole('link', { name: 'Open the follow-ups' }).click();
    await expect(page).toHaveURL(/\/follow-ups/);
    await page.goto(`/follow-ups?q=${encodeURIComponent(prefix)}`);
    for (const n of [1, 2]) await expect(main.getByText(`${prefix} ${n}`, { exact: true }).first()).toBeVisible();

    // The page offers outcomes too, in Arabic as well.
    await page.goto('/imports');
    await inLanguage(page, 'ar');
    await choose(main, 'ما الذي تستورده', 'النتائج');
    await expect(page.getByTestId('import-entity-hint')).toContainText('تذكر النتيجة مدينتها');
    await screenshot(page, 'imports-outcomes-ar-laptop');
  });

  test('on a phone in Arabic the page reads right to left and the errors table starts at the right', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await signIn(page, 'esa.manager@impact.test');
    await page.goto('/imports');
    await inLanguage(page, 'ar');
    const main = page.getByRole('main');
    const heading = main.getByRole('heading', { level: 1, name: 'استيراد جداول البيانات' });
    await expect(heading).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await screenshot(page, 'imports-start-ar-phone');

    // Nothing is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await choose(main, 'ما الذي تستورده', 'الشركاء');
    await upload(
      page,
      'شركاء.csv',
      partnersCsv([
        [unique('شريك'), 'civil_society', 'KE'],
        [unique('شريك'), 'charity', 'KE'],
      ]),
    );
    await main.getByRole('button', { name: 'معاينة' }).click();
    await expect(main.getByRole('heading', { name: 'مشكلة واحدة يجب إصلاحها' })).toBeVisible();
    await expect(errorRows(page)).toHaveCount(1);

    // Right to left: the heading starts at the right edge, the Preview button (first) sits right of Import,
    // and the table's first column (row) is its rightmost.
    const h1 = await box(heading);
    const preview = await box(main.getByRole('button', { name: 'معاينة' }));
    const doImport = await box(main.getByRole('button', { name: 'استيراد', exact: true }));
    const rowHeader = await box(main.getByRole('columnheader', { name: 'الصف' }));
    const problemHeader = await box(main.getByRole('columnheader', { name: 'المشكلة' }));
    expect(h1.x + h1.width).toBeGreaterThan(PHONE.width - 40);
    expect(preview.x).toBeGreaterThan(doImport.x);
    expect(rowHeader.x).toBeGreaterThan(problemHeader.x);
    // The row number in the reader's digits (as the browser writes 3 in Arabic).
    const three = await page.evaluate(() => new Intl.NumberFormat('ar').format(3));
    await expect(errorRows(page).first().locator('td').first()).toHaveText(three);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'imports-preview-errors-ar-phone');
    expect(await seriousViolations(page), 'imports preview in Arabic on a phone').toEqual([]);

    // The same page on a laptop (the side navigation opens at the right), then on a phone in English.
    await page.setViewportSize(LAPTOP);
    await expect(page.getByRole('navigation', { name: 'التنقل الرئيسي' }).getByRole('link', { name: 'الاستيراد' })).toBeInViewport({
      ratio: 1,
    });
    const nav = await box(page.locator('mat-sidenav'));
    expect(nav.x).toBeGreaterThan(LAPTOP.width / 2);
    await screenshot(page, 'imports-preview-errors-ar-laptop');
    await inLanguage(page, 'en');
    await page.setViewportSize(PHONE);
    await expect(page.locator('mat-sidenav')).toBeHidden();
    await expect(main.getByRole('heading', { level: 1, name: 'Import spreadsheets' })).toBeVisible();
    await screenshot(page, 'imports-start-en-phone');
  });
});
