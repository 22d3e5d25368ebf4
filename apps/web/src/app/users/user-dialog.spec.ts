import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormGroup } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { City, User } from '@impact/contracts';
import { translocoTesting } from '../testing/transloco-testing';
import { UserDialog, UserDialogData } from './user-dialog';

const existing: User = {
  id: 'u3',
  email: 'esa.hub@example.org',
  name: 'Wanjiru Kamau',
  role: 'hub_manager',
  hubIds: ['h1'],
  cityIds: [],
  language: 'en',
  active: true,
  invitationPending: false,
  createdAt: '2024-03-11T09:00:00Z',
  version: 2,
};

const CITIES = [
  { id: 'c1', name: 'Nansana', countryCode: 'UG' },
  { id: 'c2', name: 'Cape Town', countryCode: 'ZA' },
  { id: 'c3', name: 'São Paulo', countryCode: 'BR' },
] as unknown as City[];

async function render(user?: User, cities: City[] = []) {
  const close = jest.fn();
  const data: UserDialogData = {
    user,
    hubs: signal([{ id: 'h1', code: 'esa', name: 'East & Southern Africa', names: {}, version: 1 }]),
    cities: signal(cities),
  };
  TestBed.configureTestingModule({
    imports: [UserDialog, translocoTesting()],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: MAT_DIALOG_DATA, useValue: data },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(UserDialog);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const input = (name: string) => el.querySelector<HTMLInputElement>(`input[formcontrolname=${name}]`) as HTMLInputElement;
  const type = (name: string, value: string) => {
    input(name).value = value;
    input(name).dispatchEvent(new Event('input'));
  };
  /** Types the password instead of inviting by mail (the dialog invites by default). */
  const typePassword = async (value: string) => {
    (fixture.componentInstance as unknown as { form: FormGroup }).form.controls['invite'].setValue(false);
    fixture.detectChanges();
    await fixture.whenStable();
    type('password', value);
  };
  const submit = async () => {
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  };
  return { fixture, el, input, type, typePassword, submit, close, http: TestBed.inject(HttpTestingController) };
}

describe('UserDialog', () => {
  it('sends the version it read, and on 409 says so without losing what was typed', async () => {
    const { el, type, submit, http, close, fixture, input } = await render(existing);
    type('name', 'Wanjiru K.');
    await submit();
    const req = http.expectOne('/api/users/u3');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toMatchObject({ version: 2, name: 'Wanjiru K.', role: 'hub_manager', hubIds: ['h1'], cityIds: [] });
    req.flush({ statusCode: 409, details: { current: existing } }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();

    expect(el.querySelector('[role=alert]')?.textContent).toContain('This user was changed by someone else — reload to see their change.');
    expect(input('name').value).toBe('Wanjiru K.');
    expect(close).not.toHaveBeenCalled();
  });

  it('asks for a password of at least 12 characters when creating', async () => {
    const { el, type, typePassword, submit, http, fixture } = await render();
    type('email', 'new@example.org');
    type('name', 'New Person');
    await typePassword('short');
    await submit();
    fixture.detectChanges();
    expect(el.textContent).toContain('Use at least 12 characters.');
    http.expectNone('/api/users');
  });

  it('says under the password field, in the user’s language, when the server finds the password too common', async () => {
    const { el, type, typePassword, submit, http, fixture, close } = await render();
    type('email', 'new@example.org');
    type('name', 'New Person');
    await typePassword('password1234');
    // Leadership needs no hub or city (the role is a mat-select: set through the form).
    (fixture.componentInstance as unknown as { form: FormGroup }).form.controls['role'].setValue('leadership');
    await submit();
    const req = http.expectOne('/api/users');
    req.flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Some fields are not valid.',
        details: [{ field: 'password', message: 'This password is too common; choose a longer passphrase.' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    const field = Array.from(el.querySelectorAll('mat-form-field')).find((f) => f.querySelector('input[formcontrolname=password]'));
    expect(field?.querySelector('mat-error')?.textContent?.trim()).toBe('This password is too common. Choose a longer passphrase.');
    expect(close).not.toHaveBeenCalled();
  });

  it('invites by mail by default: no password field, and none is sent', async () => {
    const { el, type, submit, http, fixture } = await render();
    expect(el.querySelector('input[formcontrolname=password]')).toBeNull();
    expect(el.textContent).toContain('Add and invite');
    type('email', 'invitee@example.org');
    type('name', 'New Person');
    (fixture.componentInstance as unknown as { form: FormGroup }).form.controls['role'].setValue('leadership');
    await submit();
    const req = http.expectOne('/api/users');
    expect(req.request.body).toEqual({
      email: 'invitee@example.org',
      name: 'New Person',
      role: 'leadership',
      language: 'en',
      hubIds: [],
      cityIds: [],
    });
  });

  it('requires a city for a city liaison', async () => {
    const { el, type, typePassword, submit, http, fixture } = await render();
    type('email', 'new@example.org');
    type('name', 'New Person');
    await typePassword('a long enough password');
    await submit();
    fixture.detectChanges();
    expect(el.textContent).toContain('Choose at least one city for a city liaison.');
    http.expectNone('/api/users');
  });

  it('searches the cities as you type (accents and case aside), adds the picked one as a chip and saves its id', async () => {
    const liaison: User = { ...existing, role: 'city_liaison', hubIds: [], cityIds: ['c1'] };
    const { fixture, el, submit, http } = await render(liaison, CITIES);
    const chips = () => [...el.querySelectorAll('mat-chip-row')].map((c) => c.textContent?.replace('cancel', '').trim());
    expect(chips()).toEqual(['Nansana']);
    const search = el.querySelector<HTMLInputElement>('[data-testid=city-scope-search]') as HTMLInputElement;
    search.focus();
    search.value = 'SAO';
    search.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    await fixture.whenStable();
    const options = () => [...document.querySelectorAll('mat-option')].map((o) => o.textContent?.trim());
    expect(options()).toEqual(['São Paulo (BR)']);
    (document.querySelector('mat-option') as HTMLElement).click();
    fixture.detectChanges();
    await fixture.whenStable();
    expect(chips()).toEqual(['Nansana', 'São Paulo']);
    await submit();
    const req = http.expectOne('/api/users/u3');
    expect(req.request.body).toMatchObject({ role: 'city_liaison', cityIds: ['c1', 'c3'], hubIds: [] });
  });
});
