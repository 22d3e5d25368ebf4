import { BreakpointObserver } from '@angular/cdk/layout';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ListQuery, Page } from '@impact/contracts';
import { BehaviorSubject, Observable, of, throwError } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { CanDirective } from '../../core/auth/can.directive';
import { translocoTesting } from '../../testing/transloco-testing';
import { ListCard, ListColumn, ListPage, ListView } from './list-page';
import { RecordList } from './list-state';

interface Row {
  id: string;
  title: string;
  done: boolean;
}

const ROWS: Row[] = [
  { id: 'r1', title: 'Youth council', done: false },
  { id: 'r2', title: 'Safety council', done: true },
];
let answer: () => Observable<Page<Row>> = () => of({ items: ROWS, total: 42, page: 1, pageSize: 25 });
const narrow = new BehaviorSubject(false);
const mayCreate = signal(true);

@Component({
  imports: [CanDirective, ListPage, ListColumn, ListCard],
  template: `
    <it-list-page [list]="list" [view]="view" [rowClass]="rowClass" (add)="added = added + 1">
      <button listActions type="button">Help</button>
      <ng-template itColumn="title" header="Title" sortable let-row>{{ row.title }}</ng-template>
      <ng-template itColumn="actions" header="Actions" actions let-row
        ><button type="button">Edit {{ row.title }}</button></ng-template
      >
      <ng-template itCard let-row
        ><h2>{{ row.title }}</h2></ng-template
      >
    </it-list-page>
  `,
})
class Host {
  added = 0;
  readonly view: ListView = {
    heading: 'nav.commitments',
    search: 'commitments.search',
    caption: 'commitments.caption',
    emptyIcon: 'handshake',
    emptyTitle: 'pages.commitments.emptyTitle',
    emptyBody: 'pages.commitments.emptyBody',
    controls: [
      { kind: 'select', key: 'status', label: 'fields.status', options: ['stalled', 'achieved'], labelKey: 'status.commitment.' },
      { kind: 'flag', key: 'late', label: 'commitments.atRiskOnly' },
    ],
    add: { label: 'commitments.add', resource: 'commitments' },
  };
  readonly list = new RecordList<ListQuery, Row>(
    { filters: { status: 'text', late: 'flag' }, sortable: ['title'], defaultSort: 'title:asc' },
    { list: () => answer(), exportCsv: () => of(undefined) },
    'rows.csv',
  );
  readonly rowClass = (row: Row) => ({ 'it-done': row.done });
}

async function open(url = '/rows') {
  TestBed.configureTestingModule({
    imports: [translocoTesting()],
    providers: [
      provideRouter([{ path: 'rows', component: Host }]),
      { provide: BreakpointObserver, useValue: { observe: () => narrowState() } },
      { provide: AuthService, useValue: { can: () => mayCreate() } },
    ],
  });
  const harness = await RouterTestingHarness.create();
  const host = await harness.navigateByUrl(url, Host);
  await harness.fixture.whenStable();
  harness.detectChanges();
  const el = harness.routeNativeElement as HTMLElement;
  const texts = (selector: string) => [...el.querySelectorAll(selector)].map((e) => e.textContent?.trim());
  return { harness, host, el, texts, router: TestBed.inject(Router) };
}

function narrowState() {
  return new Observable((subscriber) =>
    narrow.subscribe((matches) =>
      subscriber.next({ matches, breakpoints: { '(max-width: 839.98px)': matches, '(max-width: 959.98px)': matches } }),
    ),
  );
}

describe('ListPage (the list page frame)', () => {
  beforeEach(() => {
    answer = () => of({ items: ROWS, total: 42, page: 1, pageSize: 25 });
    narrow.next(false);
    mayCreate.set(true);
  });

  it('puts the heading, CSV export, "add", the filters, a table of its columns and the paginator in place', async () => {
    const { el, texts, harness, router } = await open();
    expect(texts('h1')).toEqual(['Commitments']);
    expect(texts('it-page-header button')).toEqual(['download Export CSV', 'Help', 'addRecord commitment']);
    expect(texts('[role=search] mat-label')).toEqual(['Search commitments', 'Status']);
    expect(texts('[role=search] mat-checkbox')).toEqual(['At risk only']);
    expect(texts('th')).toEqual(['Title', 'Actions']);
    expect(el.querySelector('th .it-visually-hidden')?.textContent?.trim()).toBe('Actions');
    expect(texts('td')).toEqual(['Youth council', 'Edit Youth council', 'Safety council', 'Edit Safety council']);
    expect(el.querySelectorAll('tr.it-done')).toHaveLength(1);
    expect(el.querySelector('td.it-actions-cell')).not.toBeNull();
    expect(el.querySelector('caption')?.textContent?.trim()).toBe('Commitments made by cities');
    expect(el.querySelector('.mat-mdc-paginator-range-label')?.textContent?.trim()).toBe('1 – 25 of 42');

    el.querySelector<HTMLInputElement>('[role=search] mat-checkbox input')?.click();
    await harness.fixture.whenStable();
    expect(router.url).toBe('/rows?late=true');
  });

  it('offers "add" only to those the permission table lets create', async () => {
    const { harness, texts, host, el } = await open();
    [...el.querySelectorAll<HTMLButtonElement>('it-page-header button')].at(-1)?.click();
    expect(host.added).toBe(1);
    mayCreate.set(false);
    harness.detectChanges();
    expect(texts('it-page-header button')).toEqual(['download Export CSV', 'Help']);
  });

  it('sorts through the URL from a sortable header', async () => {
    const { el, harness, router } = await open();
    el.querySelector<HTMLElement>('th .mat-sort-header-container')?.click();
    await harness.fixture.whenStable();
    expect(router.url).toBe('/rows?sort=title:desc');
  });

  it('shows cards on a narrow screen', async () => {
    narrow.next(true);
    const { el, texts } = await open();
    expect(el.querySelector('table')).toBeNull();
    expect(texts('li.it-card h2')).toEqual(['Youth council', 'Safety council']);
    expect(el.querySelectorAll('li.it-card.it-done')).toHaveLength(1);
  });

  it('offers the page’s next step when nothing is there yet, and "clear" when filters hide everything', async () => {
    answer = () => of({ items: [], total: 0, page: 1, pageSize: 25 });
    const empty = await open();
    expect(empty.texts('h2')).toEqual(['No commitments to show yet']);
    expect(empty.texts('it-list-states button')).toEqual(['Record commitment']);

    TestBed.resetTestingModule();
    const narrowed = await open('/rows?status=late');
    expect(narrowed.texts('h2')).toEqual(['Nothing matches these filters']);
    expect(narrowed.texts('it-list-states button')).toEqual(['Clear filters']);
  });

  it('says when the list could not be loaded and retries', async () => {
    let calls = 0;
    answer = () => (++calls === 1 ? throwError(() => new Error('down')) : of({ items: ROWS, total: 2, page: 1, pageSize: 25 }));
    const { el, harness, texts } = await open();
    expect(texts('h2')).toEqual(['This could not be loaded']);
    el.querySelector<HTMLButtonElement>('it-list-states button')?.click();
    await harness.fixture.whenStable();
    harness.detectChanges();
    expect(texts('td')).toContain('Youth council');
  });
});
