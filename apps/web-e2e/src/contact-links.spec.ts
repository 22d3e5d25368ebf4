import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Api, unique } from './support/api';
import { chooseLanguage, signIn } from './support/session';
import { expectNotice } from './support/notices';

const SHOTS = join(__dirname, '..', '..', '..', 'tmp', 'screens', 'contact-links');
const PHONE = { width: 360, height: 740 };

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

function inDays(offset: number): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + offset);
  return day.toISOString().slice(0, 10);
}

/** An open follow-up owned by the Esa hub manager, on a new commitment of theirs. */
async function managersFollowUp(request: APIRequestContext): Promise<{ manager: Api; id: string; title: string; commitmentId: string }> {
  const manager = await Api.as(request, 'esa.manager@impact.test');
  const me = await manager.call<{ id: string }>('GET', 'auth/me');
  const commitmentId = await manager.createCommitment(unique('Youth council'));
  const title = unique('Report on the youth council');
  const created = await manager.call<{ id: string }>('POST', 'follow-ups', {
    commitmentId,
    title,
    kind: 'check_in',
    ownerId: me.id,
    dueDate: inDays(5),
  });
  return { manager, id: created.id, title, commitmentId };
}

/** The `/confirm/<token>` path in the mail the outbox holds for `to`, read as an admin. */
async function linkFromOutbox(request: APIRequestContext, to: string): Promise<string> {
  const admin = await Api.as(request, 'admin@impact.test');
  const outbox = await admin.call<{ items: { to: string; text: string }[] }>('GET', 'outbox?pageSize=100');
  const mail = outbox.items.find((m) => m.to.includes(to));
  expect(mail, `a mail to ${to} in the outbox`).toBeDefined();
  const path = /\/confirm\/[A-Za-z0-9_-]+/.exec(mail?.text ?? '')?.[0];
  expect(path, 'the mail holds a /confirm/<token> link').toBeDefined();
  return path as string;
}

test.describe('contact links', () => {
  test('a city contact opens the mailed link in Arabic on a phone, marks it done, and the hub manager is told', async ({
    browser,
    request,
  }) => {
    const { manager, id, title } = await managersFollowUp(request);
    const email = `${unique('amal').replace(' ', '.')}@city.test`;
    const created = await manager.call<{ id: string; expiresAt: string }>('POST', `follow-ups/${id}/contact-links`, {
      name: 'Amal Haddad',
      email,
      language: 'ar',
    });
    expect(created.id).toBeTruthy();
    const path = await linkFromOutbox(request, email);

    // A fresh browser: nobody signed in, nothing remembered, a phone screen.
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('ما وضعها الآن؟')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // The public frame without the staff sign-in (a contact has no account), its bar on one line.
    await expect(page.getByRole('link', { name: 'دخول الفريق' })).toHaveCount(0);
    expect((await page.locator('header').boundingBox())?.height).toBeLessThan(64);
    await shot(page, 'confirm-ar-phone');

    // Sending without a choice says what is missing; then "done".
    await page.getByRole('button', { name: 'أرسل إجابتي' }).click();
    await expect(page.getByRole('alert')).toHaveText('اختر إحدى الإجابات الثلاث.');
    await page.getByRole('radio', { name: 'تمّ' }).check();
    await page.getByRole('button', { name: 'أرسل إجابتي' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'شكرًا لك، سُجّلت إجابتك' })).toBeVisible();
    // The English title is isolated (FSI … PDI), so it keeps its order inside the Arabic sentence.
    await expect(page.getByText(`وُضعت علامة «تمّ» على «\u2068${title}\u2069».`)).toBeVisible();
    await shot(page, 'confirmed-ar-phone');

    // The follow-up is closed now: the same link answers 410 with its reason.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'لم يعد بالإمكان استخدام هذا الرابط' })).toBeVisible();
    await expect(page.getByText('أُغلقت هذه المتابعة بالفعل: لم يبقَ شيء لتأكيده.')).toBeVisible();
    await shot(page, 'gone-ar-phone');

    // In English through the switcher; an unknown link is a clear 404 page.
    await page.goto('/confirm/no-such-link-at-all');
    await chooseLanguage(page, 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'This link does not exist' })).toBeVisible();
    await shot(page, 'unknown-en-phone');
    await context.close();

    // The follow-up's owner, the hub manager, has the notification.
    const notes = await manager.call<{ items: { kind: string; title: string; link: string | null }[] }>('GET', 'notifications?pageSize=50');
    expect(notes.items.some((n) => n.kind === 'follow_up_confirmed' && n.title.includes(title))).toBe(true);
  });

  test('the English page offers the three answers and records a new date', async ({ browser, request }) => {
    const { manager, id, title } = await managersFollowUp(request);
    const email = `${unique('lena').replace(' ', '.')}@city.test`;
    await manager.call('POST', `follow-ups/${id}/contact-links`, { name: 'Lena Ortiz', email, language: 'en' });
    const path = await linkFromOutbox(request, email);
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await shot(page, 'confirm-en-phone');
    await page.getByRole('radio', { name: 'New date' }).check();
    await page.getByLabel('Proposed date').fill(inDays(30));
    await page.getByLabel('Note (optional)').fill('The council meets next month.');
    await page.getByRole('button', { name: 'Send my answer' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Thank you, your answer is recorded' })).toBeVisible();
    await expect(page.getByText(/You proposed .+ as the new date for/)).toBeVisible();
    await expect(page.getByText('The council meets next month.')).toBeVisible();
    await shot(page, 'recorded-en-phone');
    await context.close();
  });

  test('staff send a link from the follow-up, see its state, and revoke it', async ({ page, request }) => {
    const { manager, title, commitmentId } = await managersFollowUp(request);
    await signIn(page, 'esa.manager@impact.test');
    await page.goto(`/follow-ups?commitmentId=${commitmentId}`);
    await page.getByRole('button', { name: `Ask the city to confirm ${title}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Ask the city to confirm' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText('No link sent yet.')).toBeVisible();

    // Nothing is sent until the fields are right.
    await dialog.getByRole('button', { name: 'Send link' }).click();
    await expect(dialog.getByText('Enter the contact’s name.')).toBeVisible();
    const email = `${unique('karim').replace(' ', '.')}@city.test`;
    await dialog.getByRole('combobox', { name: 'Contact’s name' }).fill('Karim Nasser');
    await dialog.getByLabel('Contact’s e-mail').fill(email);
    await dialog.getByRole('button', { name: 'Send link' }).click();
    await expectNotice(page, `Link sent to Karim Nasser (${email}).`);
    const item = dialog.getByRole('listitem').filter({ hasText: email });
    await expect(item).toContainText('Sent');
    await shot(page, 'dialog-en-desktop');
    await page.setViewportSize(PHONE);
    await shot(page, 'dialog-en-phone');
    await page.setViewportSize({ width: 1280, height: 800 });

    // The mail really went to the outbox with the link.
    await linkFromOutbox(request, email);

    await item.getByRole('button', { name: 'Revoke the link of Karim Nasser' }).click();
    await page.getByRole('dialog', { name: 'Revoke this link?' }).getByRole('button', { name: 'Revoke' }).click();
    await expect(item).toContainText('Revoked');
    await expect(item.getByRole('button', { name: /^Revoke/ })).toHaveCount(0);

    // Another follow-up of the same city offers the contact already asked: picking the name brings the address.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    const next = unique('Share the minutes');
    await manager.call('POST', 'follow-ups', { commitmentId, title: next, kind: 'check_in', dueDate: inDays(9) });
    await page.reload();
    await page.getByRole('button', { name: `Ask the city to confirm ${next}` }).click();
    await expect(dialog.getByText('No link sent yet.')).toBeVisible();
    await dialog.getByRole('combobox', { name: 'Contact’s name' }).fill('Kar');
    await page.getByRole('option', { name: new RegExp(`Karim Nasser\\s+${email.replace(/\./g, '\\.')}`) }).click();
    await expect(dialog.getByRole('combobox', { name: 'Contact’s name' })).toHaveValue('Karim Nasser');
    await expect(dialog.getByLabel('Contact’s e-mail')).toHaveValue(email);
    await shot(page, 'dialog-picked-en-desktop');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);

    // In Arabic, right to left.
    await chooseLanguage(page, 'ar');
    await page.getByRole('button', { name: `اطلب من المدينة تأكيد ${title}` }).click();
    const ar = page.getByRole('dialog', { name: 'اطلب من المدينة التأكيد' });
    await expect(ar.getByRole('listitem').filter({ hasText: email })).toContainText('مسحوب');
    await shot(page, 'dialog-ar-desktop');
    await page.setViewportSize(PHONE);
    await shot(page, 'dialog-ar-phone');
    await page.keyboard.press('Escape');
    await expect(ar).toHaveCount(0);
    // On a phone the follow-up is a card, and the card offers the same action in words.
    await page
      .getByRole('listitem')
      .filter({ hasText: title })
      .getByRole('button', { name: 'اطلب من المدينة التأكيد', exact: true })
      .click();
    await expect(ar.getByRole('listitem').filter({ hasText: email })).toContainText('مسحوب');
    await shot(page, 'card-action-ar-phone');
    await page.keyboard.press('Escape');
    await expect(ar).toHaveCount(0);
    // The account keeps the language it had, for the tests after this one.
    await chooseLanguage(page, 'en');
  });
});
