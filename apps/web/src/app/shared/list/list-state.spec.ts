import { Location } from '@angular/common';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CommitmentFilters } from '@impact/contracts';
import { ListConfig, ListState, SEARCH_DEBOUNCE_MS, isNarrowed, readListQuery, toUrlParams } from './list-state';

const CONFIG: ListConfig = {
  filters: { status: 'text', hubId: 'text', overdue: 'flag', from: 'date' },
  sortable: ['title', 'targetDate'],
  defaultSort: 'targetDate:asc',
};

describe('readListQuery (URL → filters)', () => {
  it('reads page, size, sort, search and the filters, typed', () => {
    expect(
      readListQuery(
        { page: '3', pageSize: '10', sort: 'title:desc', q: ' Nansana ', status: 'stalled', overdue: 'true', from: '2024-01-01' },
        CONFIG,
      ),
    ).toEqual({ page: 3, pageSize: 10, sort: 'title:desc', q: 'Nansana', status: 'stalled', overdue: true, from: '2024-01-01' });
  });

  it('falls back to defaults for anything malformed or not on the allow-list', () => {
    expect(
      readListQuery({ page: '-2', pageSize: '9999', sort: 'password:asc', overdue: 'yes', from: 'May 2024', q: '  ' }, CONFIG),
    ).toEqual({
      page: 1,
      pageSize: 200,
      sort: 'targetDate:asc',
    });
  });

  it('applies default filters unless the URL lifts them with "all"', () => {
    const config = { ...CONFIG, defaults: { status: 'open' } };
    const status = (params: Record<string, string>) => (readListQuery(params, config) as Record<string, unknown>)['status'];
    expect(status({})).toBe('open');
    expect(status({ status: 'all' })).toBeUndefined();
    expect(status({ status: 'done' })).toBe('done');
    expect(isNarrowed(readListQuery({}, config), config)).toBe(false);
    expect(isNarrowed(readListQuery({ status: 'done' }, config), config)).toBe(true);
  });
});

describe('toUrlParams (filters → URL)', () => {
  it('drops empty values and writes flags only when set', () => {
    expect(toUrlParams({ q: '', overdue: false, atRisk: true, page: 2, hubId: null })).toEqual({
      q: null,
      overdue: null,
      atRisk: 'true',
      page: '2',
      hubId: null,
    });
  });

  it('says "all" out loud for a default filter that is lifted', () => {
    expect(toUrlParams({ status: null }, { status: 'open' })).toEqual({ status: 'all' });
    expect(toUrlParams({ status: 'open' }, { status: 'open' })).toEqual({ status: null });
  });
});

@Component({ template: '' })
class Host {
  readonly list = new ListState<CommitmentFilters>(CONFIG);
}

describe('ListState (URL ⇄ filters)', () => {
  async function open(url: string) {
    TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'list', component: Host }])] });
    const harness = await RouterTestingHarness.create();
    // Listen to popstate like the app does after its first navigation.
    TestBed.inject(Router).setUpLocationChangeListener();
    const host = await harness.navigateByUrl(url, Host);
    return { harness, host, router: TestBed.inject(Router) };
  }

  it('follows the URL, including the back button', async () => {
    const { host, harness, router } = await open('/list?status=stalled&page=2');
    expect(host.list.query()).toMatchObject({ status: 'stalled', page: 2 });

    host.list.set({ status: 'achieved' });
    await harness.fixture.whenStable();
    expect(router.url).toBe('/list?status=achieved');
    expect(host.list.query()).toMatchObject({ status: 'achieved', page: 1 });

    TestBed.inject(Location).back();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await harness.fixture.whenStable();
    expect(host.list.query()).toMatchObject({ status: 'stalled', page: 2 });
  });

  it('puts sort and page in the URL and leaves the default sort out', async () => {
    const { host, harness, router } = await open('/list?overdue=true');
    host.list.onSort({ active: 'title', direction: 'desc' });
    await harness.fixture.whenStable();
    expect(router.url).toBe('/list?overdue=true&sort=title:desc');
    host.list.onPage({ pageIndex: 2, pageSize: 50, length: 500 });
    await harness.fixture.whenStable();
    expect(router.url).toBe('/list?overdue=true&sort=title:desc&page=3&pageSize=50');
    host.list.onSort({ active: 'targetDate', direction: 'asc' });
    await harness.fixture.whenStable();
    expect(router.url).toBe('/list?overdue=true&pageSize=50');
  });

  it('debounces the search box into the URL and clears everything', async () => {
    jest.useFakeTimers();
    try {
      const { host, harness, router } = await open('/list?hubId=h1');
      host.list.search.set('Cape');
      harness.fixture.detectChanges();
      host.list.search.set('Cape Town');
      harness.fixture.detectChanges();
      expect(router.url).toBe('/list?hubId=h1');
      jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS + 10);
      await jest.runAllTimersAsync();
      expect(router.url).toBe('/list?hubId=h1&q=Cape%20Town');
      expect(host.list.query().q).toBe('Cape Town');

      host.list.clear();
      await jest.runAllTimersAsync();
      expect(router.url).toBe('/list');
      expect(host.list.search()).toBe('');
    } finally {
      jest.useRealTimers();
    }
  });
});
