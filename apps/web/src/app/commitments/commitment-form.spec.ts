import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { CommitmentListItem } from '@impact/contracts';
import { translocoTesting } from '../testing/transloco-testing';
import { CommitmentForm, CommitmentFormData } from './commitment-form';

const danilovgrad: CommitmentListItem = {
  id: 'c-dg',
  title: 'Create a Local Safety Council',
  kind: 'local_safety_council',
  cityId: 'city-dg',
  cityName: 'Danilovgrad',
  hubId: 'hub-wb',
  hubName: 'Western Balkans',
  ownerId: 'u-wb',
  ownerName: 'Jelena Marković',
  targetDate: '2024-10-01',
  progress: 60,
  status: 'in_progress',
  inspiredByEngagementIds: ['e-sarajevo'],
  inspiredBy: [{ id: 'e-sarajevo', name: 'Western Balkans inaugural workshop, Sarajevo' }],
  partnerIds: [],
  partners: [],
  description: 'Launch expected later in 2024.',
  atRisk: false,
  createdAt: '2023-06-12T10:00:00Z',
  version: 3,
};

async function render(data: CommitmentFormData) {
  const close = jest.fn();
  TestBed.configureTestingModule({
    imports: [CommitmentForm, translocoTesting()],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: MAT_DIALOG_DATA, useValue: data },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(CommitmentForm);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  // A field as a person finds it: by its label.
  const input = (label: string) =>
    [...el.querySelectorAll('mat-form-field')]
      .find((field) => field.querySelector('mat-label')?.textContent?.trim() === label)
      ?.querySelector<HTMLInputElement>('input, textarea') as HTMLInputElement;
  const type = (label: string, value: string) => {
    input(label).value = value;
    input(label).dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  };
  const http = TestBed.inject(HttpTestingController);
  return { fixture, el, input, type, submit, close, http };
}

const PROGRESS = 'Progress (%)';

describe('CommitmentForm', () => {
  it('PATCHes the version it read and only what changed', async () => {
    const { type, submit, http, close } = await render({ record: danilovgrad });
    type(PROGRESS, '75');
    await submit();
    const req = http.expectOne({ method: 'PATCH', url: '/api/commitments/c-dg' });
    expect(req.request.body).toEqual({ version: 3, progress: 75 });
    req.flush({ ...danilovgrad, progress: 75, version: 4 });
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ version: 4 }));
  });

  it('creates with every field, dates as YYYY-MM-DD and no status', async () => {
    const { type, submit, http, fixture } = await render({
      city: { id: 'city-ns', name: 'Nansana' },
      inspiredBy: { id: 'e-ctv', name: 'Cape Town learning visit' },
    });
    type('Title', 'Neighbourhood Watch as early warning');
    const form = (fixture.componentInstance as unknown as { form: { patchValue(v: object): void } }).form;
    form.patchValue({ kind: 'neighbourhood_watch', targetDate: new Date(2024, 11, 31) });
    await submit();
    const req = http.expectOne({ method: 'POST', url: '/api/commitments' });
    expect(req.request.body).toEqual({
      title: 'Neighbourhood Watch as early warning',
      kind: 'neighbourhood_watch',
      cityId: 'city-ns',
      ownerId: null,
      targetDate: '2024-12-31',
      progress: 0,
      inspiredByEngagementIds: ['e-ctv'],
      partnerIds: [],
      description: '',
    });
    req.flush({});
  });

  it('on 409 says someone else changed it, keeps what was typed, and reloads their version on request', async () => {
    const { el, type, submit, http, close, fixture, input } = await render({ record: danilovgrad });
    type('Title', 'Launch the Local Safety Council');
    await submit();
    const theirs = { ...danilovgrad, title: 'Local Safety Council (launched)', progress: 90, version: 5 };
    http
      .expectOne('/api/commitments/c-dg')
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'Stale version', details: { current: theirs } },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();

    expect(close).not.toHaveBeenCalled();
    const banner = el.querySelector('[role="alert"]') as HTMLElement;
    expect(banner.textContent).toContain('This record was changed by someone else — reload to see their change.');
    expect(input('Title').value).toBe('Launch the Local Safety Council');
    const save = el.querySelector<HTMLButtonElement>('button[type="submit"]') as HTMLButtonElement;
    expect(save.disabled).toBe(false);

    [...banner.querySelectorAll('button')].find((b) => b.textContent?.includes('Reload'))?.click();
    await fixture.whenStable();
    expect(input('Title').value).toBe('Local Safety Council (launched)');
    expect(input(PROGRESS).value).toBe('90');
    expect(el.querySelector('[role="alert"]')).toBeNull();

    await submit();
    const retry = http.expectOne('/api/commitments/c-dg');
    expect(retry.request.body).toEqual({ version: 5 });
    retry.flush(theirs);
  });

  it('puts each 400 message next to its field and keeps the form', async () => {
    const { el, submit, http, fixture, close, type } = await render({ record: danilovgrad });
    type(PROGRESS, '80');
    await submit();
    http.expectOne('/api/commitments/c-dg').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid',
        details: [{ field: 'targetDate', message: 'targetDate must be after the commitment was made' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(close).not.toHaveBeenCalled();
    const errors = [...el.querySelectorAll('mat-error')].map((e) => e.textContent?.trim());
    expect(errors).toContain('targetDate must be after the commitment was made');
  });

  it('checks required fields inline before sending a new one', async () => {
    const { el, submit, http } = await render({ city: { id: 'city-ns', name: 'Nansana' } });
    await submit();
    http.expectNone('/api/commitments');
    const errors = [...el.querySelectorAll('mat-error')].map((e) => e.textContent?.trim());
    expect(errors.filter((e) => e === 'This is required.').length).toBeGreaterThanOrEqual(2);
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Some fields need your attention.');
  });
});
