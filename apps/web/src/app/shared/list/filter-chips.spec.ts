import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { translocoTesting } from '../../testing/transloco-testing';
import { FilterChip, FilterChips } from './filter-chips';
import { ListState } from './list-state';

const CHIPS: FilterChip[] = [
  { key: 'cityId', label: 'fields.city', kind: 'city' },
  { key: 'ownerId', label: 'fields.owner', kind: 'owner' },
  { key: 'overdue', label: 'worklists.chips.overdue', kind: 'flag' },
  { key: 'achievedFrom', label: 'worklists.chips.achievedFrom', kind: 'date' },
];

@Component({
  imports: [FilterChips],
  template: `<it-filter-chips [list]="list" [chips]="chips" [rows]="rows" />`,
})
class Host {
  readonly list = new ListState({
    filters: { cityId: 'text', ownerId: 'text', overdue: 'flag', achievedFrom: 'date', status: 'text' },
    sortable: [],
    hidden: ['cityId', 'ownerId', 'overdue', 'achievedFrom'],
  });
  readonly chips = CHIPS;
  readonly rows = [{ ownerId: 'u1', ownerName: 'Grace Nakato' }];
}

const plain = (text: string | null | undefined) =>
  (text ?? '')
    .replace(/[\u2068\u2069]/g, '')
    .replace('cancel', '')
    .trim();

describe('FilterChips', () => {
  async function open(url: string) {
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [provideRouter([{ path: 'commitments', component: Host }]), provideHttpClient(), provideHttpClientTesting()],
    });
    const harness = await RouterTestingHarness.create(url);
    return { harness, http: TestBed.inject(HttpTestingController), router: TestBed.inject(Router) };
  }

  it('shows one chip per link filter set, named from the API, the rows or the date, and nothing for other filters', async () => {
    const { harness, http } = await open('/commitments?cityId=c1&ownerId=u1&overdue=true&achievedFrom=2025-01-31&status=stalled');
    http.expectOne('/api/cities/c1').flush({ id: 'c1', name: 'Nansana' });
    await harness.fixture.whenStable();
    harness.detectChanges();
    const el = harness.routeNativeElement as HTMLElement;
    const chips = [...el.querySelectorAll('mat-chip')].map((c) => plain(c.textContent));
    expect(chips).toEqual(['City: Nansana', 'Owner: Grace Nakato', 'Overdue', 'Achieved from: Jan 31, 2025']);
    expect(el.querySelector('mat-chip-set')?.getAttribute('aria-label')).toBe('Filters from the link');
    const removes = [...el.querySelectorAll('mat-chip button')].map((b) => plain(b.getAttribute('aria-label')));
    expect(removes[0]).toBe('Remove the filter City: Nansana');
    // Reachable with the Tab key.
    expect([...el.querySelectorAll('mat-chip button')].map((b) => b.getAttribute('tabindex'))).toEqual(['0', '0', '0', '0']);
    http.verify();
  });

  it('removes a filter from the URL with its chip’s button, and leaves the others', async () => {
    const { harness, http, router } = await open('/commitments?cityId=c1&overdue=true');
    http.expectOne('/api/cities/c1').flush({ id: 'c1', name: 'Nansana' });
    await harness.fixture.whenStable();
    harness.detectChanges();
    const el = harness.routeNativeElement as HTMLElement;
    // The keyboard's way: Enter on the focused remove button.
    const remove = el.querySelector('mat-chip[data-filter="cityId"] button') as HTMLButtonElement;
    remove.focus();
    remove.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13, bubbles: true }));
    await harness.fixture.whenStable();
    harness.detectChanges();
    expect(router.url).toBe('/commitments?overdue=true');
    expect([...el.querySelectorAll('mat-chip')].map((c) => plain(c.textContent))).toEqual(['Overdue']);
  });

  it('keeps the label alone when the record cannot be read, and shows nothing without link filters', async () => {
    const { harness, http } = await open('/commitments?cityId=gone');
    http.expectOne('/api/cities/gone').flush({ code: 'not_found' }, { status: 404, statusText: 'Not Found' });
    await harness.fixture.whenStable();
    harness.detectChanges();
    const el = harness.routeNativeElement as HTMLElement;
    expect([...el.querySelectorAll('mat-chip')].map((c) => plain(c.textContent))).toEqual(['City']);
    await harness.navigateByUrl('/commitments?status=stalled');
    expect(el.querySelector('mat-chip-set')).toBeNull();
  });
});
