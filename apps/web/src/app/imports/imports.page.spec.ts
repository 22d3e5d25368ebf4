import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { ImportRecord, Role } from '@impact/contracts';
import { of } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { translocoTesting } from '../testing/transloco-testing';
import { ImportsPage, POLL_MS } from './imports.page';

function record(overrides: Partial<ImportRecord> = {}): ImportRecord {
  return {
    id: 'imp-1',
    entity: 'cities',
    dryRun: true,
    status: 'queued',
    fileName: 'cities.csv',
    total: null,
    processed: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    errors: [],
    message: null,
    createdById: 'u-hub_manager',
    createdAt: '2026-11-29T05:00:00Z',
    finishedAt: null,
    ...overrides,
  };
}

const EMPTY_PAGE = { items: [], total: 0, page: 1, pageSize: 10 };

async function render(role: Role = 'hub_manager') {
  TestBed.configureTestingModule({
    imports: [ImportsPage, translocoTesting()],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      { provide: AuthService, useValue: { role: signal(role) } },
    ],
  });
  const fixture = TestBed.createComponent(ImportsPage);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  await settle(fixture);
  return { fixture, http, page: fixture.componentInstance, el: fixture.nativeElement as HTMLElement };
}

async function settle(fixture: { detectChanges(): void }): Promise<void> {
  TestBed.tick();
  await jest.advanceTimersByTimeAsync(0);
  fixture.detectChanges();
}

function button(el: HTMLElement, text: string): HTMLButtonElement {
  const found = [...el.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim().endsWith(text));
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

const csv = (name = 'cities.csv') => new File(['name,kind\nA,ngo\n'], name, { type: 'text/csv' });

describe('ImportsPage', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('offers what the role may import, the size limit, and an empty history', async () => {
    const { http, fixture, el } = await render('hub_manager');
    http.expectOne((r) => r.url === '/api/imports' && r.params.get('page') === '1').flush(EMPTY_PAGE);
    await settle(fixture);
    expect(el.textContent).toContain('at most 50 MB and 200,000 rows per file');
    expect(el.textContent).toContain('No imports yet');
    expect(button(el, 'Preview').disabled).toBe(true);
    expect(button(el, 'Import').disabled).toBe(true);
    expect(el.textContent).toContain('Import becomes available once a preview of this file finds no problems.');
  });

  it('previews a file, follows its progress, and lists its row errors; Import stays off', async () => {
    const { http, fixture, el, page } = await render();
    http.expectOne((r) => r.url === '/api/imports').flush(EMPTY_PAGE);
    page.choose(csv());
    await settle(fixture);
    expect(button(el, 'Preview').disabled).toBe(false);
    button(el, 'Preview').click();

    const post = http.expectOne((r) => r.url === '/api/imports' && r.method === 'POST');
    expect(post.request.params.get('entity')).toBe('cities');
    expect(post.request.params.get('dryRun')).toBe('true');
    expect((post.request.body as FormData).get('file')).toBeInstanceOf(File);
    post.flush(record());
    await settle(fixture);

    await jest.advanceTimersByTimeAsync(POLL_MS);
    http.expectOne('/api/imports/imp-1').flush(record({ status: 'running', total: 4, processed: 1 }));
    await settle(fixture);
    const bar = el.querySelector('mat-progress-bar');
    expect(bar?.getAttribute('mode')).toBe('determinate');
    expect(bar?.getAttribute('aria-valuenow')).toBe('25');
    expect(el.textContent).toContain('1 of 4 rows');

    await jest.advanceTimersByTimeAsync(POLL_MS);
    const errors = [
      { row: 3, column: 'kind', message: 'kind must be one of …' },
      { row: 5, column: 'name', message: 'name is required' },
    ];
    http.expectOne('/api/imports/imp-1').flush(record({ status: 'done', total: 4, processed: 4, created: 1, updated: 1, errors }));
    await settle(fixture);
    http.expectOne((r) => r.url === '/api/imports' && r.method === 'GET').flush(EMPTY_PAGE);
    await settle(fixture);
    // Finished: no more polling.
    await jest.advanceTimersByTimeAsync(POLL_MS * 3);
    http.expectNone('/api/imports/imp-1');

    expect(el.querySelector('mat-progress-bar')).toBeNull();
    expect(el.textContent).toContain('2 problems to fix');
    const rows = [...el.querySelectorAll('table.it-errors tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()).join(' | '),
    );
    expect(rows).toEqual(['3 | kind | kind must be one of …', '5 | name | name is required']);
    expect(button(el, 'Download errors as CSV')).toBeTruthy();
    expect(button(el, 'Import').disabled).toBe(true);
    http.verify();
  });

  it('enables Import after a clean preview of the same file only, asks first, then imports with progress', async () => {
    const { http, fixture, el, page } = await render();
    http.expectOne((r) => r.url === '/api/imports').flush(EMPTY_PAGE);
    await settle(fixture);
    const file = csv();
    page.choose(file);
    page.startPreview();
    http.expectOne((r) => r.method === 'POST').flush(record({ status: 'done', total: 2, processed: 2, created: 2 }));
    await settle(fixture);
    http.expectOne((r) => r.url === '/api/imports' && r.method === 'GET').flush(EMPTY_PAGE);
    await settle(fixture);
    expect(el.textContent).toContain('No problems found.');
    expect(button(el, 'Import').disabled).toBe(false);

    // The confirmation comes first; a yes starts the real run.
    const open = jest.spyOn(TestBed.inject(MatDialog), 'open').mockReturnValue({ afterClosed: () => of(true) } as never);
    button(el, 'Import').click();
    expect(open).toHaveBeenCalled();
    const post = http.expectOne((r) => r.method === 'POST');
    expect(post.request.params.get('dryRun')).toBe('false');
    post.flush(record({ id: 'imp-2', dryRun: false }));
    await settle(fixture);
    await jest.advanceTimersByTimeAsync(POLL_MS);
    http.expectOne('/api/imports/imp-2').flush(record({ id: 'imp-2', dryRun: false, status: 'done', total: 2, processed: 2, created: 2 }));
    await settle(fixture);
    http.expectOne((r) => r.url === '/api/imports' && r.method === 'GET').flush(EMPTY_PAGE);
    await settle(fixture);
    expect(el.textContent).toContain('Import finished');
    expect(el.querySelector('a[href="/cities"]')?.textContent).toContain('Open the cities');
    // Imported: the same file needs a new preview before it could go in again.
    expect(button(el, 'Import').disabled).toBe(true);

    // A different file also needs its own preview.
    page.choose(csv('other.csv'));
    await settle(fixture);
    expect(button(el, 'Import').disabled).toBe(true);
    await jest.runOnlyPendingTimersAsync();
  });

  it('says so when the file is too big (413) or refused with field names (400)', async () => {
    const { http, fixture, el, page } = await render();
    http.expectOne((r) => r.url === '/api/imports').flush(EMPTY_PAGE);
    await settle(fixture);
    page.choose(csv());
    page.startPreview();
    http.expectOne((r) => r.method === 'POST').flush({ message: 'too large' }, { status: 413, statusText: 'Payload Too Large' });
    await settle(fixture);
    http.expectOne((r) => r.url === '/api/imports' && r.method === 'GET').flush(EMPTY_PAGE);
    await settle(fixture);
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('The file is larger than 50 MB');

    page.startPreview();
    http
      .expectOne((r) => r.method === 'POST')
      .flush(
        {
          statusCode: 400,
          error: 'Bad Request',
          message: 'Invalid',
          details: [{ field: 'entity', message: 'entity must be cities or partners' }],
        },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle(fixture);
    http.expectOne((r) => r.url === '/api/imports' && r.method === 'GET').flush(EMPTY_PAGE);
    await settle(fixture);
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Check: entity. entity must be cities or partners');
  });

  it('rejects a file that is not a spreadsheet before sending it', async () => {
    const { http, fixture, el, page } = await render();
    http.expectOne((r) => r.url === '/api/imports').flush(EMPTY_PAGE);
    page.choose(new File(['x'], 'notes.txt'));
    await settle(fixture);
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('choose a .csv or .xlsx file');
    expect(button(el, 'Preview').disabled).toBe(true);
  });

  it('undoes a finished import from the history after a confirmation, and reports what it left alone', async () => {
    const { http, fixture, el } = await render();
    const done = record({ id: 'imp-9', dryRun: false, status: 'done', total: 3, processed: 3, created: 2, updated: 1 });
    http
      .expectOne((r) => r.url === '/api/imports')
      .flush({ ...EMPTY_PAGE, items: [done, record({ id: 'imp-8', status: 'done' })], total: 2 });
    await settle(fixture);
    // Only the real run can be undone, not the preview.
    const undoButtons = el.querySelectorAll('button.it-undo');
    expect(undoButtons).toHaveLength(1);
    jest.spyOn(TestBed.inject(MatDialog), 'open').mockReturnValue({ afterClosed: () => of(true) } as never);
    (undoButtons[0] as HTMLButtonElement).click();
    http.expectOne('/api/imports/imp-9/undo').flush({
      import: { ...done, status: 'undone' },
      archived: 1,
      restored: 0,
      skipped: [{ id: 'p-7', message: 'Changed by someone else after the import.' }],
    });
    await settle(fixture);
    http.expectOne((r) => r.url === '/api/imports').flush({ ...EMPTY_PAGE, items: [{ ...done, status: 'undone' }], total: 1 });
    await settle(fixture);
    const report = el.querySelector('[data-testid="undo-report"]')?.textContent ?? '';
    expect(report).toContain('Undone: 1 record archived, 0 restored.');
    expect(report).toContain('1 record was left alone because it changed after the import:');
    expect(report).toContain('Changed by someone else after the import.');
    expect(el.querySelectorAll('button.it-undo')).toHaveLength(0);
    await jest.runOnlyPendingTimersAsync();
  });
});
