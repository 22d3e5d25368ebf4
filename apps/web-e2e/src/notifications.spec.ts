import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Api, unique } from './support/api';
import { seriousViolations } from './support/axe';
import { chooseLanguage, signIn } from './support/session';

const SHOTS = join(__dirname, '..', '..', '..', 'tmp', 'screens', 'notifications');

/** Today and tomorrow in UTC, the calendar the reminder rules run on. */
function utcDay(offset: number): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + offset);
  return day.toISOString().slice(0, 10);
}

/** A follow-up owned by the hub manager, due tomorrow, then today's rules run: one "due tomorrow" for them. */
async function dueTomorrowNotification(request: Parameters<typeof Api.as>[0]): Promise<string> {
  const manager = await Api.as(request, 'esa.manager@impact.test');
  const me = await manager.call<{ id: string }>('GET', 'auth/me');
  const title = unique('Call the mayor back');
  const commitmentId = await manager.createCommitment(unique('Early-warning desk'));
  await manager.call('POST', 'follow-ups', { commitmentId, title, kind: 'check_in', ownerId: me.id, dueDate: utcDay(1) });
  const admin = await Api.as(request, 'admin@impact.test');
  await admin.call('POST', 'reminders/run', { asOf: utcDay(0) });
  return title;
}

/** The bell's accessible name in English for a count, as the ICU message words it. */
function bellLabel(count: number): string {
  return count === 0 ? 'Notifications, none unread' : `Notifications, ${count} unread`;
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

test.describe('notifications', () => {
  test('the bell counts what the rules made; the page marks one read', async ({ page, request }) => {
    const title = await dueTomorrowNotification(request);
    await signIn(page, 'esa.manager@impact.test');

    const bell = page.getByRole('button', { name: /^Notifications, \d+ unread$/ });
    await expect(bell).toBeVisible();
    const before = Number(/(\d+) unread/.exec((await bell.getAttribute('aria-label')) ?? '')?.[1]);
    expect(before).toBeGreaterThan(0);

    // The menu previews the latest ones and leads to the page.
    await bell.click();
    await expect(page.getByRole('menuitem', { name: new RegExp(`Follow-up due tomorrow: ${title}`) })).toBeVisible();
    await page.getByRole('menuitem', { name: 'See all notifications' }).click();
    await expect(page).toHaveURL(/\/notifications$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();

    await page.getByRole('radio', { name: 'Unread' }).click();
    const item = page.getByRole('listitem').filter({ hasText: `Follow-up due tomorrow: ${title}` });
    await expect(item).toBeVisible();
    await shot(page, 'notifications-en-desktop');
    // With notifications listed (the page scan in the accessibility spec sees an admin's empty page).
    expect(await seriousViolations(page), 'notifications in English').toEqual([]);
    await item.getByRole('button', { name: `Mark “Follow-up due tomorrow: ${title}” as read` }).click();
    await expect(page.getByText('Marked as read.')).toBeVisible();
    // Read now: gone from the unread list, and the bell shows the server's new count. (Other tests running
    // beside this one may notify the same manager meanwhile, so the count is the server's, not before - 1.)
    await expect(item).toHaveCount(0);
    const manager = await Api.as(request, 'esa.manager@impact.test');
    await expect
      .poll(async () => {
        const { unread } = await manager.call<{ unread: number }>('GET', 'notifications?unread=true&pageSize=1');
        return (await page.getByRole('button', { name: /^Notifications, / }).getAttribute('aria-label')) === bellLabel(unread);
      })
      .toBe(true);

    // In Arabic, right to left, with the count in Arabic words.
    await chooseLanguage(page, 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1, name: 'الإشعارات' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^الإشعارات، / })).toBeVisible();
    await shot(page, 'notifications-ar-desktop');
    expect(await seriousViolations(page), 'notifications in Arabic').toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    await shot(page, 'notifications-ar-phone');
    // The toolbar fits a phone: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.goto('/notifications/settings');
    await expect(page.getByRole('heading', { level: 1, name: 'إعدادات الإشعارات' })).toBeVisible();
    await shot(page, 'settings-ar-phone');
    await chooseLanguage(page, 'en');
  });

  test('e-mail settings are saved with a confirmation, from the user menu', async ({ page }) => {
    const user = await signIn(page, 'nansana.liaison@impact.test');
    await page.getByRole('button', { name: `Account menu for ${user.name}` }).click();
    await page.getByRole('menuitem', { name: 'Notification settings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Notification settings' })).toBeVisible();
    await page.getByRole('radio', { name: /Immediately/ }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Notification settings saved.')).toBeVisible();
    await shot(page, 'settings-en-desktop');
    await page.reload();
    await expect(page.getByRole('radio', { name: /Immediately/ })).toBeChecked();
    await page.getByRole('radio', { name: /Once a day/ }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Notification settings saved.')).toBeVisible();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/notifications');
    await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
    await shot(page, 'notifications-en-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  test('an admin reads the mail outbox; others do not see it', async ({ page, request }) => {
    await dueTomorrowNotification(request);
    await signIn(page, 'admin@impact.test');
    await page.getByRole('navigation').first().getByRole('link', { name: 'Mail outbox' }).click();
    await expect(page).toHaveURL(/\/admin\/outbox$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Mail outbox' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Mails written by the application' });
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    await page.getByLabel('Status').click();
    await page.getByRole('option', { name: 'Queued' }).click();
    await expect(page.getByText(/^(\d+ mails?|No mails)$/)).toBeVisible();
    const read = table.getByRole('button', { name: /^Read the mail/ }).first();
    await read.click();
    const reader = page.getByTestId('outbox-reader');
    await expect(reader).toBeFocused();
    await expect(reader.locator('pre')).not.toBeEmpty();
    await shot(page, 'outbox-en-desktop');
    await chooseLanguage(page, 'ar');
    await expect(page.getByRole('heading', { level: 1, name: 'البريد الصادر' })).toBeVisible();
    await shot(page, 'outbox-ar-desktop');
    await page.setViewportSize({ width: 360, height: 740 });
    await shot(page, 'outbox-ar-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await chooseLanguage(page, 'en');

    // A hub manager has no outbox: no nav entry, and the address leads elsewhere.
    await page.evaluate(() => localStorage.removeItem('impact.session'));
    await signIn(page, 'esa.manager@impact.test');
    await expect(page.getByRole('navigation').first().getByRole('link', { name: 'Mail outbox' })).toHaveCount(0);
    await page.goto('/admin/outbox');
    await expect(page.getByRole('heading', { level: 1, name: 'Mail outbox' })).toHaveCount(0);
  });
});
