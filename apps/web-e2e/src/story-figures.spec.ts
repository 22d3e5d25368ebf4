import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Api, unique } from './support/api';
import { chooseLanguage, signIn } from './support/session';

const SHOTS = join(__dirname, '..', '..', '..', 'tmp', 'screens', 'story-figures');

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await expect(page.locator('mat-progress-bar[mode="indeterminate"]')).toHaveCount(0, { timeout: 15_000 });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

test.describe('figures in the story’s language', () => {
  test('an Arabic story cannot go to review while its figure reads in English; worded in Arabic, it can', async ({ page, request }) => {
    // An Arabic draft from an achieved commitment of Nansana: its outcome was typed in English.
    const manager = await Api.as(request, 'esa.manager@impact.test');
    const commitmentId = await manager.achievedCommitment(unique('Neighbourhood Watch'));
    const draft = await manager.call<{ id: string; version: number }>('POST', `stories/draft-from-commitment/${commitmentId}`, {
      language: 'ar',
    });
    await manager.call('PATCH', `stories/${draft.id}`, {
      version: draft.version,
      title: unique('نانسانا تدرّب فرق مراقبة الأحياء'),
      sensitivity: { consentForNamedPeople: true, noDetailsExposingIndividuals: true, cityAgreedToPublication: true },
    });

    await signIn(page, 'esa.manager@impact.test');
    await page.goto(`/story-desk/${draft.id}`);
    const figures = page.getByRole('region', { name: 'Figures in this story' });
    await expect(figures).toBeVisible();
    const row = figures.getByRole('group', { name: /150/ });
    await expect(row.getByText('In the record:')).toBeVisible();
    await expect(row.getByText('Still in another language: word it in Arabic.')).toBeVisible();
    await expect(page.getByText('Word every figure in the story’s language.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Submit for review' })).toBeDisabled();
    await shot(page, 'foreign-en-desktop');

    // Worded in Arabic: the field is right to left, the warning goes, and after saving the story may go to review.
    const unit = row.getByRole('textbox', { name: 'Unit' });
    await expect(unit).toHaveAttribute('dir', 'rtl');
    await unit.fill('شخصًا مدرَّبًا');
    await row
      .getByRole('textbox', { name: 'What the figure says' })
      .fill('موظفو البلدية وقادة المجتمع والشباب الذين تدرّبوا على مراقبة الأحياء');
    await expect(row.getByText('Still in another language: word it in Arabic.')).toHaveCount(0);
    // The legend reads the number with the Arabic unit, in that order.
    await expect(row.locator('legend it-figure')).toHaveText('150 شخصًا مدرَّبًا');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Word every figure in the story’s language.')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Submit for review' })).toBeEnabled();

    // The same panel in Arabic, on a phone.
    await chooseLanguage(page, 'ar');
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByRole('region', { name: 'أرقام هذه القصة' })).toBeVisible();
    await page.getByRole('region', { name: 'أرقام هذه القصة' }).scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'worded-ar-phone');
    await chooseLanguage(page, 'en');
  });
});
