import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Api, unique } from './support/api';
import { choose, dialog, pick } from './support/forms';
import { expectNotice } from './support/notices';
import { demoUser, signIn } from './support/session';
import { inLanguage, LAPTOP, PHONE, plain, SETUPS, texts } from './support/words';

const ar = texts('ar');

const SCREENS = join(__dirname, '..', '..', '..', 'tmp', 'screens', 'w12-roles');
mkdirSync(SCREENS, { recursive: true });

async function screen(page: Page, name: string): Promise<void> {
  await expect(page.locator('mat-progress-bar[mode="indeterminate"], mat-spinner')).toHaveCount(0, { timeout: 15_000 });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: true });
}

/** A commitment status that ends the work (listed last). */
const closed = (status: string) => ['achieved', 'cancelled'].includes(status);

/** The device a setup is not on, for a second picture of the same page. */
const otherDevice = (phone: boolean) => (phone ? { viewport: LAPTOP, name: 'laptop' } : { viewport: PHONE, name: 'phone' });

test.describe('hub names in the reader’s language', () => {
  test('the dashboard and the cities list name the hubs in Arabic on a phone, in English otherwise', async ({ page }) => {
    await signIn(page, 'leadership@impact.test');
    await expect(page).toHaveURL(/\/dashboard/);
    await expect(page.getByRole('link', { name: 'East & Southern Africa' }).first()).toBeVisible();
    await screen(page, 'dashboard-en');

    await page.setViewportSize(PHONE);
    await inLanguage(page, 'ar');
    await expect(page.getByRole('link', { name: 'شرق وجنوب أفريقيا' }).first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'غرب البلقان' }).first()).toBeVisible();
    await expect(page.getByText('East & Southern Africa')).toHaveCount(0);
    await page.getByRole('link', { name: 'غرب البلقان' }).first().scrollIntoViewIfNeeded();
    await screen(page, 'dashboard-ar-phone');

    await page.goto('/cities?q=Nansana');
    await expect(page.locator('main')).toContainText('شرق وجنوب أفريقيا');
    await expect(page.locator('main')).not.toContainText('East & Southern Africa');
    await screen(page, 'cities-ar-phone');
  });
});

test.describe('each role starts where its work is', () => {
  test('a liaison lands on My work with open commitments before achieved ones, and sees no hub filter (English laptop, Arabic phone)', async ({
    page,
    request,
  }) => {
    // Two commitments the liaison owns: one achieved (due long ago), one pledged (due far ahead).
    const admin = await Api.as(request, 'admin@impact.test');
    const liaison = demoUser('nansana.liaison@impact.test');
    const people = await admin.call<{ items: { id: string; email: string }[] }>('GET', `users?q=${encodeURIComponent(liaison.email)}`);
    const owner = people.items.find((u) => u.email === liaison.email)?.id;
    expect(owner, liaison.email).toBeDefined();
    const achieved = unique('E2E owned and achieved');
    const done = await admin.createCommitment(achieved);
    await admin.call('PATCH', `commitments/${done}`, { version: 1, ownerId: owner, targetDate: '2025-01-31' });
    await admin.moveCommitment(done, 'in_progress', 'Started.');
    await admin.addOutcome(done);
    await admin.moveCommitment(done, 'achieved', 'Done and shown.');
    const pledged = unique('E2E owned and pledged');
    const open = await admin.createCommitment(pledged);
    await admin.call('PATCH', `commitments/${open}`, { version: 1, ownerId: owner, targetDate: '2032-12-31' });

    await signIn(page, liaison.email);
    for (const { lang, viewport, t, shot, phone } of SETUPS) {
      await page.setViewportSize(viewport);
      await page.goto('/my-work');
      await inLanguage(page, lang);
      await expect(page).toHaveURL(/\/my-work/);
      await expect(page.getByRole('heading', { level: 1, name: t('nav.myWork') })).toBeVisible();
      await expect(page.getByTestId('my-hub')).toHaveCount(0);
      // The lists' own order: open work first (by target date), achieved and cancelled last.
      const mine = page.getByRole('region', { name: t('myWork.commitments') }).getByRole('listitem');
      await expect(mine.filter({ hasText: pledged })).toHaveCount(1);
      const titles = (await mine.allTextContents()).map(plain);
      const [at, atDone] = [titles.findIndex((x) => x.includes(pledged)), titles.findIndex((x) => x.includes(achieved))];
      expect(atDone, 'the achieved one is listed').toBeGreaterThan(at);
      const statuses = await mine.locator('it-status-chip').evaluateAll((chips) => chips.map((c) => c.getAttribute('data-status') ?? ''));
      expect(statuses.slice(statuses.findIndex(closed)).every(closed), statuses.join(', ')).toBe(true);
      await screen(page, `my-work-liaison-${shot}`);
      // The same page on the other device, for people to look at.
      const other = otherDevice(phone);
      await page.setViewportSize(other.viewport);
      await screen(page, `my-work-liaison-${lang}-${other.name}`);
      await page.setViewportSize(viewport);

      await page.goto('/commitments');
      const filters = page.getByRole('search', { name: t('list.filters') });
      await expect(filters.getByRole('combobox', { name: t('fields.status') })).toBeVisible();
      await expect(filters.getByRole('combobox', { name: t('fields.hub'), exact: true })).toHaveCount(0);
      await page.goto('/dashboard');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByTestId('hub-filter')).toHaveCount(0);
    }
  });

  test('a hub manager lands on My work with its hub’s open work, each figure a door to its list (English, Arabic phone)', async ({
    page,
    request,
  }) => {
    const api = await Api.as(request, 'esa.manager@impact.test');
    const esa = (await api.call<{ id: string; code: string }[]>('GET', 'hubs')).find((h) => h.code === 'esa')?.id as string;
    const overdue = await api.call<{ total: number }>('GET', `follow-ups?hubId=${esa}&overdue=true&pageSize=1`);

    await signIn(page, 'esa.manager@impact.test');
    await expect(page).toHaveURL(/\/my-work/);
    const hub = page.getByRole('region', { name: 'My hub' });
    await expect(hub).toContainText('East & Southern Africa');
    const late = hub.getByRole('link', {
      name: overdue.total === 1 ? '1 follow-up overdue' : overdue.total === 0 ? 'None overdue' : `${overdue.total} follow-ups overdue`,
    });
    await expect(late).toBeVisible();
    await screen(page, 'my-work-manager-en');
    await late.click();
    await expect(page).toHaveURL(new RegExp(`/follow-ups\\?.*hubId=${esa}`));
    await expect(page).toHaveURL(/overdue=true/);

    await page.goto('/my-work');
    await page.setViewportSize(PHONE);
    await inLanguage(page, 'ar');
    const arHub = page.getByRole('region', { name: 'مركزي' });
    await expect(arHub).toContainText('شرق وجنوب أفريقيا');
    await screen(page, 'my-work-manager-ar-phone');
  });
});

test.describe('the engagement form’s defaults and checks', () => {
  test('a one-hub manager finds its hub chosen; the host takes part; a group above the total is refused at the field', async ({ page }) => {
    await signIn(page, 'esa.manager@impact.test');
    await page.goto('/engagements');
    await page.getByRole('button', { name: 'Log engagement' }).first().click();
    const form = dialog(page, 'Log an engagement');
    await expect(form.getByRole('combobox', { name: 'Hub', exact: true })).toContainText('East & Southern Africa');

    await pick(form, 'Host city', 'Cape Town');
    // The host joins the participating cities as a chip.
    const participating = form.getByRole('grid', { name: 'Participating cities' }).locator('mat-chip-row');
    await expect(participating).toHaveCount(1);
    await expect(participating).toHaveText(/Cape Town/);

    await form.getByRole('spinbutton', { name: 'Total' }).fill('10');
    const women = form.getByRole('spinbutton', { name: 'Women' });
    await women.fill('12');
    await women.blur();
    await expect(form.getByText('More than the total (10)', { exact: true })).toBeVisible();
    await screen(page, 'engagement-form-en');

    await page.setViewportSize(PHONE);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await inLanguage(page, 'ar');
    await page.getByRole('button', { name: 'تسجيل نشاط' }).first().click();
    const arForm = page.getByRole('dialog');
    await expect(arForm.getByRole('combobox', { name: 'المركز الإقليمي', exact: true })).toContainText('شرق وجنوب أفريقيا');
    await arForm.getByRole('spinbutton', { name: 'المجموع' }).fill('5');
    const mayors = arForm.getByRole('spinbutton', { name: 'رؤساء البلديات' });
    await mayors.fill('9');
    await mayors.blur();
    const arError = arForm.getByText('أكثر من المجموع (5)', { exact: true });
    await arError.scrollIntoViewIfNeeded();
    await expect(arError).toBeVisible();
    await screen(page, 'engagement-form-ar-phone');

    // The host takes part here too; mended, the form saves and says so, in Arabic.
    await pick(arForm, ar('engagements.hostCity'), 'Cape Town');
    await expect(arForm.getByRole('grid', { name: ar('engagements.cities') }).locator('mat-chip-row')).toHaveText(/Cape Town/);
    await mayors.fill('2');
    const title = unique('E2E يوم تدريبي في كيب تاون');
    await arForm.getByLabel(ar('fields.title'), { exact: true }).fill(title);
    await choose(arForm, ar('fields.type'), ar('enums.engagementType.training'));
    await arForm.getByLabel(ar('fields.startDate'), { exact: true }).fill('١٤/٠٥/٢٠٢٤');
    await arForm.getByRole('button', { name: ar('common.save'), exact: true }).click();
    await expect(arForm).toHaveCount(0);
    await expectNotice(page, ar('form.saved', { name: title }));
  });
});

test.describe('deactivating a user', () => {
  async function leaverWithWork(request: Parameters<typeof Api.as>[0]): Promise<{ name: string; commitment: string }> {
    const admin = await Api.as(request, 'admin@impact.test');
    const name = unique('E2E Leaving liaison');
    const nansana = await admin.cityId('Nansana');
    const user = await admin.call<{ id: string }>('POST', 'users', {
      email: `${name.replace(/\W+/g, '.').toLowerCase()}@impact.test`,
      name,
      password: 'a-long-enough-password',
      role: 'city_liaison',
      hubIds: [],
      cityIds: [nansana],
    });
    const title = unique('E2E Youth desk to hand over');
    const commitment = await admin.createCommitment(title);
    const current = await admin.call<{ version: number }>('GET', `commitments/${commitment}`);
    await admin.call('PATCH', `commitments/${commitment}`, { version: current.version, ownerId: user.id });
    await admin.call('POST', 'follow-ups', {
      commitmentId: commitment,
      title: unique('E2E Visit'),
      kind: 'check_in',
      ownerId: user.id,
      dueDate: '2031-05-01',
    });
    return { name, commitment };
  }

  test('offers to hand the open work to someone who may own it, and does both at once', async ({ page, request }) => {
    const { name, commitment } = await leaverWithWork(request);
    await signIn(page, 'admin@impact.test');
    await page.goto(`/users?q=${encodeURIComponent(name)}`);
    await page.getByRole('button', { name: `Deactivate ${name}` }).click();
    const ask = dialog(page, `Deactivate ${name}?`);
    await expect(ask.getByTestId('open-work')).toContainText('still owns 1 open follow-up and 1 open commitment.');
    await expect(ask.getByTestId('open-work')).toContainText(name);
    await ask.getByRole('combobox', { name: 'Hand them over to' }).click();
    // Only people who may own the work are offered: the hub's manager and the city's liaison, not another
    // hub's manager, not leadership.
    const option = (email: string) => page.getByRole('option').filter({ hasText: demoUser(email).name });
    await expect(option('esa.manager@impact.test')).toHaveCount(1);
    await expect(option('balkans.manager@impact.test')).toHaveCount(0);
    await expect(option('leadership@impact.test')).toHaveCount(0);
    const heirName = demoUser('nansana.liaison@impact.test').name;
    const heir = option('nansana.liaison@impact.test');
    await expect(heir).toContainText('City liaison');
    await screen(page, 'users-deactivate-en');
    await heir.click();
    await ask.getByRole('button', { name: 'Hand over and deactivate' }).click();
    await expect(ask).toHaveCount(0);
    await expectNotice(page, `${name} was deactivated; their open work went to ${heirName}.`);

    const admin = await Api.as(request, 'admin@impact.test');
    const moved = await admin.call<{ ownerName: string | null }>('GET', `commitments/${commitment}`);
    expect(moved.ownerName).toBe(heirName);
  });

  test('in Arabic on a phone the dialog says the same and can be left without a change', async ({ page, request }) => {
    const { name } = await leaverWithWork(request);
    await page.setViewportSize(PHONE);
    await signIn(page, 'admin@impact.test');
    await inLanguage(page, 'ar');
    await page.goto(`/users?q=${encodeURIComponent(name)}`);
    await page.getByRole('button', { name: 'تعطيل', exact: true }).click();
    const ask = page.getByRole('dialog');
    await expect(ask.getByTestId('open-work')).toContainText('لا يزال لدى');
    await expect(ask.getByTestId('open-work')).toContainText('متابعة مفتوحة واحدة والتزام مفتوح واحد.');
    await expect(ask.getByRole('combobox', { name: 'تسليمها إلى' })).toBeVisible();
    await screen(page, 'users-deactivate-ar-phone');
    await ask.getByRole('button', { name: 'إلغاء' }).click();
    await expect(ask).toHaveCount(0);
  });
});
