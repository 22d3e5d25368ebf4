import { expect, test, type Locator, type Page } from '@playwright/test';
import { Api, unique } from './support/api';
import { dialog, escape, shot } from './support/forms';
import { signIn } from './support/session';
import { inLanguage, LAPTOP, PHONE, plain, texts } from './support/words';

// Everyday lists and pickers: strict dates, owners with their role and city, the city-scope search,
// lists that open on what needs attention, link filters as chips, partner links and "Inspired by".
// In English on a laptop and in Arabic on a phone (undo has its own spec).

const ar = texts('ar');

/**
 * The two ways every feature is tried: English on a laptop (the table), Arabic on a phone (cards).
 * `edit` is the user list's edit button: named after the person in a row, a plain "Edit" on a card.
 */
const SETUPS = [
  { lang: 'en', viewport: LAPTOP, t: texts('en'), shot: 'en', titles: 'td a.it-title-link', edit: 'Edit Grace Nakato' },
  { lang: 'ar', viewport: PHONE, t: ar, shot: 'ar-phone', titles: '.it-card-title', edit: ar('users.edit') },
] as const;

/** The commitment form, opened from the list's "add" button in `lang`. */
async function openCommitmentForm(page: Page, lang: string, t: (key: string) => string): Promise<Locator> {
  await page.goto('/commitments');
  await inLanguage(page, lang);
  await page
    .getByRole('button', { name: t('commitments.add') })
    .first()
    .click();
  return dialog(page, t('commitments.form.createTitle'));
}

async function esaHub(api: Api): Promise<string> {
  const hubs = await api.call<{ id: string; code: string }[]>('GET', 'hubs');
  const esa = hubs.find((h) => h.code === 'esa');
  expect(esa, 'the ESA hub').toBeDefined();
  return (esa as { id: string }).id;
}

/** An engagement of Nansana on `startDate`, with a partner; its id and the partner's. */
async function nansanaEngagement(
  api: Api,
  title: string,
  startDate: string,
): Promise<{ id: string; partner: { id: string; name: string } }> {
  const nansana = await api.cityId('Nansana');
  const partners = await api.call<{ items: { id: string; name: string }[] }>('GET', 'partners?pageSize=1&sort=name:asc');
  const partner = partners.items[0];
  const created = await api.call<{ id: string }>('POST', 'engagements', {
    title,
    type: 'training',
    hubId: await esaHub(api),
    startDate,
    hostCityId: nansana,
    locationCityId: nansana,
    participatingCityIds: [nansana],
    partnerIds: [partner.id],
    participants: { total: 20, mayors: 1, officials: 10, youth: 5, women: 9, communityLeaders: 2 },
    summary: 'A day of training on early warning, for an end-to-end test.',
  });
  return { id: created.id, partner };
}

test.describe('strict dates in forms', () => {
  test('a half-typed target date is refused with the whole format, a whole one is taken (English)', async ({ page }) => {
    await signIn(page, 'esa.manager@impact.test');
    const form = await openCommitmentForm(page, 'en', texts('en'));
    const date = form.getByLabel('Target date');
    // The date field's own error (the title, touched on the way, says it is required); the form has one date.
    const error = form.locator('it-date-field mat-error');
    for (const typed of ['3/1', '2026-1']) {
      await date.fill(typed);
      await date.blur();
      await expect(error).toContainText(/^Enter a whole date, for example .?12\/31\/\d{4}.?\.$/);
    }
    await shot(page, 'worklists-date-half-typed-en');
    await date.fill('12/31/2031');
    await date.blur();
    await expect(error).toHaveCount(0);
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  test('on a phone in Arabic, a date half-typed in Arabic digits is refused, a whole one is taken', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await signIn(page, 'esa.manager@impact.test');
    const form = await openCommitmentForm(page, 'ar', ar);
    const date = form.getByLabel(ar('fields.targetDate'));
    await date.fill('٣/١');
    await date.blur();
    const error = form.locator('it-date-field mat-error');
    await expect(error).toHaveCount(1);
    // The example is a day as the field shows one (Chromium writes Arabic dates with Western digits).
    expect(plain(await error.textContent()).trim()).toMatch(/^أدخل تاريخًا كاملًا، مثلًا [0-9٠-٩]{2}\/[0-9٠-٩]{2}\/[0-9٠-٩]{4}\.$/);
    await shot(page, 'worklists-date-half-typed-ar-phone');
    await date.fill('٣١/١٢/٢٠٣١');
    await date.blur();
    await expect(error).toHaveCount(0);
  });
});

test.describe('owner pickers and the city-scope picker', () => {
  test('the owner picker shows each person’s role and city (English)', async ({ page }) => {
    await signIn(page, 'esa.manager@impact.test');
    const form = await openCommitmentForm(page, 'en', texts('en'));
    const owner = form.getByRole('combobox', { name: 'Owner', exact: true });
    await owner.fill('Grace');
    const grace = page.getByRole('option', { name: /Grace Nakato/ });
    await expect(grace).toHaveCount(1);
    await expect.poll(async () => plain(await grace.textContent())).toContain('City liaison · Nansana');
    await owner.fill('Amani');
    const amani = page.getByRole('option', { name: /Amani Otieno/ });
    await expect.poll(async () => plain(await amani.textContent())).toContain('Hub manager · East & Southern Africa');
    await shot(page, 'worklists-owner-picker-en');
  });

  test('on a phone in Arabic, the owner picker says the role in Arabic and keeps the city name whole', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await signIn(page, 'esa.manager@impact.test');
    const form = await openCommitmentForm(page, 'ar', ar);
    await form.getByRole('combobox', { name: ar('fields.owner'), exact: true }).fill('Grace');
    const option = page.getByRole('option', { name: /Grace Nakato/ });
    await expect(option).toHaveCount(1);
    // The city name is isolated inside the Arabic hint, so it reads whole.
    await expect(option.locator('.it-option-hint')).toContainText(`${ar('roles.city_liaison')} · \u2068Nansana\u2069`);
    await shot(page, 'worklists-owner-picker-ar-phone');
  });

  for (const { lang, viewport, t, shot: suffix, edit } of SETUPS) {
    test(`the admin’s city-scope picker searches cities as you type (${suffix})`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await signIn(page, 'admin@impact.test');
      await page.goto('/users?q=Grace');
      await inLanguage(page, lang);
      await page.getByRole('button', { name: edit, exact: true }).first().click();
      const form = dialog(page, t('users.dialog.editTitle'));
      const cities = form.getByRole('combobox', { name: t('users.fields.cities'), exact: true });
      // Her city is a chip; typing narrows the cities to those that match.
      await expect(form.getByRole('row').filter({ hasText: 'Nansana' })).toHaveCount(1);
      await cities.fill('cape');
      await expect(page.getByRole('option', { name: /^Cape Town \(ZA\)$/ })).toBeVisible();
      await expect(page.getByRole('option', { name: /Danilovgrad/ })).toHaveCount(0);
      await shot(page, `worklists-city-scope-search-${suffix}`);
      await page.getByRole('option', { name: /^Cape Town \(ZA\)$/ }).click();
      await expect(form.getByRole('row').filter({ hasText: 'Cape Town' })).toHaveCount(1);
      // Not saved: other tests rely on Grace's single city.
      await form.getByRole('button', { name: t('common.cancel') }).click();
      await expect(form).toHaveCount(0);
    });
  }
});

/** Three commitments of Nansana under one unique word: achieved, pledged (2031) and in progress (2030). */
async function threeCommitments(api: Api, word: string): Promise<string[]> {
  const [achieved, pledged, inProgress] = [`${word} achieved`, `${word} pledged`, `${word} in progress`];
  const a = await api.createCommitment(achieved);
  await api.moveCommitment(a, 'in_progress', 'Started.');
  await api.addOutcome(a);
  await api.moveCommitment(a, 'achieved', 'Done and shown.');
  const p = await api.createCommitment(pledged);
  await api.call('PATCH', `commitments/${p}`, { version: 1, targetDate: '2031-06-30' });
  const i = await api.createCommitment(inProgress);
  await api.call('PATCH', `commitments/${i}`, { version: 1, targetDate: '2030-06-30' });
  await api.moveCommitment(i, 'in_progress', 'Started.');
  // What needs attention first: in progress (due 2030), pledged (due 2031), then the achieved one.
  return [inProgress, pledged, achieved];
}

/** A chip's words, without its remove icon's name and the marks that isolate a name or a date. */
const chipText = async (chip: Locator) =>
  plain(await chip.textContent())
    .replace('cancel', '')
    .trim();

test.describe('lists open on what needs attention, link filters as chips, partner links', () => {
  for (const { lang, viewport, t, shot: suffix, titles } of SETUPS) {
    test(`commitments open with open work first and achieved last; a link's city is a chip that can be removed (${suffix})`, async ({
      page,
      request,
    }) => {
      const api = await Api.as(request, 'esa.manager@impact.test');
      const word = unique(`E2E attention ${lang}`);
      const expected = await threeCommitments(api, word);
      const nansana = await api.cityId('Nansana');
      await page.setViewportSize(viewport);
      await signIn(page, 'esa.manager@impact.test');
      // A dashboard drill-down lands on a list with filters that have no control of their own (here the city).
      await page.goto(`/commitments?cityId=${nansana}&q=${encodeURIComponent(word)}`);
      await inLanguage(page, lang);
      // Titles in the order shown: table rows on a laptop, card headings on a phone.
      const shown = page.locator(titles);
      await expect(shown).toHaveCount(3);
      await expect(shown).toHaveText(expected);

      const chips = page.getByTestId('filter-chips');
      const chip = chips.locator('mat-chip[data-filter="cityId"]');
      await expect.poll(() => chipText(chip)).toBe(`${t('fields.city')}: Nansana`);
      await shot(page, `worklists-commitments-chips-${suffix}`);
      const removeLabel = t('worklists.chips.remove').replace('{{filter}}', '');
      await chip.getByRole('button', { name: new RegExp(`^${escape(removeLabel)}`) }).click();
      await expect(page).not.toHaveURL(/cityId=/);
      await expect(chips).toHaveCount(0);
      await expect(shown).toHaveCount(3);
    });

    test(`a partner links to the engagements with it, filtered, with a removable chip (${suffix})`, async ({ page, request }) => {
      const api = await Api.as(request, 'esa.manager@impact.test');
      const title = unique(`E2E partner training ${lang}`);
      const { id, partner } = await nansanaEngagement(api, title, '2026-02-10');
      await page.setViewportSize(viewport);
      await signIn(page, 'esa.manager@impact.test');
      await page.goto(`/engagements/${id}`);
      await inLanguage(page, lang);
      await page.getByRole('link', { name: partner.name, exact: true }).first().click();
      await expect(page).toHaveURL(new RegExp(`/engagements\\?partnerId=${partner.id}`));
      const chip = page.getByTestId('filter-chips').locator('mat-chip[data-filter="partnerId"]');
      await expect.poll(() => chipText(chip)).toBe(`${t('worklists.chips.partner')}: ${partner.name}`);
      await page.locator('it-list-page it-search-box input').fill(title);
      // The search reaches the URL after a pause, and the list reloads for it.
      await expect(page).toHaveURL(/[?&]q=/);
      await expect(page.locator('it-list-page [aria-busy="true"]')).toHaveCount(0);
      await expect(page.getByRole('link', { name: title })).toHaveCount(1);
      await shot(page, `worklists-partner-engagements-${suffix}`);
      await chip.getByRole('button').click();
      await expect(page).not.toHaveURL(/partnerId=/);
    });
  }
});

/** The options listed above the one titled `title` that are not runs of the "Inspired by" test; a mark while it is not listed. */
async function optionsBefore(page: Page, title: string): Promise<string[]> {
  const texts = await page.getByRole('option').allTextContents();
  const at = texts.findIndex((text) => text.includes(title));
  if (at < 0) return [`${title} is not listed`];
  return texts.slice(0, at).filter((text) => !text.includes('E2E recent Nansana training'));
}

test.describe('"Inspired by"', () => {
  // Chromium writes an Arabic day with Western digits ("04/03/2039"); either set of digits will do.
  const years = { en: 'Mar 4, 2039', ar: /(2039|٢٠٣٩)/ };
  for (const { lang, viewport, t, shot: suffix } of SETUPS) {
    test(`"Inspired by" offers the city's recent engagements first, with their dates (${suffix})`, async ({ page, request }) => {
      const api = await Api.as(request, 'esa.manager@impact.test');
      const title = unique(`E2E recent Nansana training ${lang}`);
      // The newest engagement of Nansana by far, so it leads the city's recent ones.
      await nansanaEngagement(api, title, '2039-03-04');
      await page.setViewportSize(viewport);
      await signIn(page, 'esa.manager@impact.test');
      const form = await openCommitmentForm(page, lang, t);
      await form.getByRole('combobox', { name: t('fields.city'), exact: true }).fill('Nansana');
      await page
        .getByRole('option', { name: /^Nansana/ })
        .first()
        .click();
      await form.getByRole('combobox', { name: t('fields.inspiredBy'), exact: true }).click();
      const mine = page.getByRole('option').filter({ hasText: title });
      await expect(mine).toHaveCount(1);
      // It leads the list once the city's search has landed: only other runs of this test (the other language, a
      // retry: the same far-future day) may stand before it.
      await expect.poll(() => optionsBefore(page, title)).toEqual([]);
      // With its date, in the reader's language and digits.
      await expect(mine.locator('.it-option-hint')).toContainText(years[lang]);
      await shot(page, `worklists-inspired-by-${suffix}`);
    });
  }
});
