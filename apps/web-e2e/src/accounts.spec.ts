import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Api, unique } from './support/api';
import { chooseLanguage, signIn } from './support/session';
import { expectNotice } from './support/notices';

const SHOTS = join(__dirname, '..', '..', '..', 'tmp', 'screens', 'w13');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 860 };

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The `/set-password/<token>` path in the newest mail the outbox holds for `to`, read as an admin. */
async function linkFromOutbox(request: APIRequestContext, to: string): Promise<string> {
  const admin = await Api.as(request, 'admin@impact.test');
  const outbox = await admin.call<{ items: { to: string; text: string }[] }>('GET', 'outbox?pageSize=100');
  const mail = outbox.items.find((m) => m.to === to);
  expect(mail, `a mail to ${to} in the outbox`).toBeDefined();
  const path = /\/set-password\/[A-Za-z0-9_-]+/.exec(mail?.text ?? '')?.[0];
  expect(path, 'the mail holds a /set-password/<token> link').toBeDefined();
  return path as string;
}

/** A fresh browser: nobody signed in, nothing remembered. */
async function freshPage(browser: Browser, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

const emailFor = (who: string) => `${unique(who).replace(' ', '.')}@impact.test`;

test.describe('accounts by e-mail', () => {
  test('an admin invites a user; the invitee opens the link from the outbox, chooses a password and signs in', async ({
    page,
    browser,
    request,
  }) => {
    const email = emailFor('invitee');
    const name = unique('Nadia Benali');
    await signIn(page, 'admin@impact.test');
    await page.goto('/users');
    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('checkbox', { name: 'Invite by e-mail' })).toBeChecked();
    // Invited by default: no password to type.
    await expect(dialog.getByLabel('Password', { exact: true })).toHaveCount(0);
    await dialog.getByLabel('E-mail address').fill(email);
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Leadership' }).click();
    await page.setViewportSize(DESKTOP);
    await shot(page, 'users-invite-dialog-en-desktop');
    await dialog.getByRole('button', { name: 'Add and invite' }).click();
    await expectNotice(page, `${name} was added and invited by e-mail.`);
    await page.getByRole('searchbox').fill(name);
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row.getByText('Invited')).toBeVisible();
    await expect(row.getByRole('button', { name: `Send ${name} the invitation again` })).toBeVisible();

    const path = await linkFromOutbox(request, email);
    const invitee = await freshPage(browser);
    await invitee.goto(path);
    await expect(invitee.getByRole('heading', { level: 1, name: `Choose your password, ${name}` })).toBeVisible();
    await expect(invitee.getByText(email)).toBeVisible();
    await shot(invitee, 'set-password-en-desktop');
    await invitee.setViewportSize(PHONE);
    expect(await invitee.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(invitee, 'set-password-en-phone');

    // Two different passwords are refused before anything is sent.
    const password = 'lantern-harbour-violet-42';
    await invitee.getByLabel('New password').fill(password);
    await invitee.getByLabel('Repeat the password').fill('something-else-entirely');
    await invitee.getByRole('button', { name: 'Save my password' }).click();
    await expect(invitee.getByRole('alert')).toHaveText('The two passwords are not the same.');
    await invitee.getByLabel('Repeat the password').fill(password);
    await invitee.getByRole('button', { name: 'Save my password' }).click();
    await expect(invitee.getByRole('heading', { level: 1, name: 'Your password is saved' })).toBeVisible();
    await shot(invitee, 'set-password-done-en-phone');

    await invitee.getByRole('link', { name: 'Sign in' }).click();
    await expect(invitee).toHaveURL(/\/sign-in/);
    await invitee.getByLabel('E-mail address').fill(email);
    await invitee.getByLabel('Password', { exact: true }).fill(password);
    await invitee.getByRole('button', { name: 'Sign in' }).click();
    await expect(invitee).toHaveURL(/\/dashboard/);

    // The link was spent: opening it again says so and offers a new one.
    const again = await freshPage(browser, PHONE);
    await again.goto(path);
    await expect(again.getByRole('heading', { level: 1, name: 'This link was already used' })).toBeVisible();
    await expect(again.getByRole('link', { name: 'Ask for a new link' })).toBeVisible();
    await shot(again, 'set-password-used-en-phone');
  });

  test('forgot password in Arabic: the request page, the same answer, and the set-password page right to left', async ({
    browser,
    request,
  }) => {
    // An Arabic-speaking user invited through the API: the link's page opens in the mail's language.
    const admin = await Api.as(request, 'admin@impact.test');
    const email = emailFor('amal');
    await admin.call('POST', 'users', { email, name: 'أمل حداد', role: 'leadership', hubIds: [], cityIds: [], language: 'ar' });
    const path = await linkFromOutbox(request, email);
    const page = await freshPage(browser);
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1, name: 'اختر كلمة المرور يا أمل حداد' })).toBeVisible();
    await shot(page, 'set-password-ar-desktop');
    await page.setViewportSize(PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'set-password-ar-phone');

    // From the sign-in page, "Forgot your password?" leads to the request page.
    await page.setViewportSize(DESKTOP);
    await page.goto('/sign-in');
    await chooseLanguage(page, 'en');
    await shot(page, 'sign-in-en-desktop');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await shot(page, 'forgot-password-en-desktop');
    await page.setViewportSize(PHONE);
    await shot(page, 'forgot-password-en-phone');
    await chooseLanguage(page, 'ar');
    await expect(page.getByRole('heading', { level: 1, name: 'هل نسيت كلمة المرور؟' })).toBeVisible();
    await shot(page, 'forgot-password-ar-phone');
    await page.setViewportSize(DESKTOP);
    await shot(page, 'forgot-password-ar-desktop');

    await page.getByRole('link', { name: 'العودة إلى تسجيل الدخول' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.setViewportSize(PHONE);
    await shot(page, 'sign-in-ar-phone');
    await page.getByRole('link', { name: 'هل نسيت كلمة المرور؟' }).click();
    await page.setViewportSize(DESKTOP);
    await page.getByLabel('البريد الإلكتروني').fill('nobody-at-all@impact.test');
    await page.getByRole('button', { name: 'أرسل لي رابطًا' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'تحقق من بريدك الإلكتروني' })).toBeVisible();
    await shot(page, 'forgot-password-sent-ar-desktop');
    await page.setViewportSize(PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'forgot-password-sent-ar-phone');
  });
});
