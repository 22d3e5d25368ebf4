import { DestroyRef, ResourceRef, Signal, computed, inject, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { PageEvent } from '@angular/material/paginator';
import { Sort, SortDirection } from '@angular/material/sort';
import { ActivatedRoute, Params, Router } from '@angular/router';
import { BOUNDS, ListQuery, Page } from '@impact/contracts';
import { Observable, debounceTime, distinctUntilChanged, filter, map, skip } from 'rxjs';

/** How a filter is read from the URL: free text, `true` or nothing, or a `YYYY-MM-DD` day. */
export type FilterKind = 'text' | 'flag' | 'date';

export interface ListConfig {
  filters: Readonly<Record<string, FilterKind>>;
  /** The API's sort allow-list for this list (none: the list is not sortable, and no sort is sent). */
  sortable: readonly string[];
  defaultSort?: string;
  defaultPageSize?: number;
  /**
   * Filters with no control on the page (set by a link: a city's page, a dashboard figure). While one is
   * set, the page offers to show everything again.
   */
  hidden?: readonly string[];
  /** Filters that apply when the URL names none (`<key>=all` lifts them), e.g. open follow-ups only. */
  defaults?: Readonly<Record<string, string>>;
}

/** The URL value that lifts a default filter. */
export const ALL = 'all';

export type ListValue = string | number | boolean | undefined;
export type ListParams = ListQuery & Record<string, ListValue>;

export const PAGE_SIZES = [10, 25, 50, 100];
export const SEARCH_DEBOUNCE_MS = 350;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function single(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v : undefined;
}

function positiveInt(value: string | undefined, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/** The URL's query parameters → the list call's query. Anything malformed falls back to the default. */
export function readListQuery<F extends ListQuery>(params: Params, config: ListConfig): F {
  const sort = single(params['sort']);
  const [field, dir] = (sort ?? '').split(':');
  const query: ListParams = {
    page: positiveInt(single(params['page']), 1, BOUNDS.page.max),
    pageSize: positiveInt(single(params['pageSize']), config.defaultPageSize ?? 25, BOUNDS.pageSize.max),
  };
  const sorted = config.sortable.includes(field) && (dir === 'asc' || dir === 'desc') ? `${field}:${dir}` : config.defaultSort;
  if (sorted) query.sort = sorted;
  const q = single(params['q'])?.trim();
  if (q) query.q = q;
  for (const [key, kind] of Object.entries(config.filters)) {
    const raw = single(params[key])?.trim() || config.defaults?.[key];
    if (!raw || raw === ALL) continue;
    if (kind === 'flag') {
      if (raw === 'true') query[key] = true;
    } else if (kind === 'date') {
      if (DAY.test(raw)) query[key] = raw;
    } else {
      query[key] = raw;
    }
  }
  return query as unknown as F;
}

/** A change of the query → query parameters for `router.navigate` (`null` removes one). */
export function toUrlParams(
  patch: Record<string, ListValue | null>,
  defaults: Readonly<Record<string, string>> = {},
): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(patch)) {
    const empty = value === undefined || value === null || value === '' || value === false;
    if (key in defaults) {
      // A default filter: leaving it out of the URL means the default, so "any" must be said out loud.
      out[key] = empty ? ALL : String(value) === defaults[key] ? null : String(value);
    } else {
      out[key] = empty ? null : String(value);
    }
  }
  return out;
}

/** Whether any search or filter narrows the list (then "no match" beats "nothing yet"). */
export function isNarrowed(query: ListParams, config: ListConfig): boolean {
  return !!query.q || Object.keys(config.filters).some((key) => query[key] !== undefined && query[key] !== config.defaults?.[key]);
}

export function sortState(sort: string | undefined): { active: string; direction: SortDirection } {
  const [active, direction] = (sort ?? '').split(':');
  return { active: active ?? '', direction: direction === 'asc' || direction === 'desc' ? direction : '' };
}

/**
 * Filters, sort, page and search of a list, kept in the URL so the back button works and a view can be
 * shared. Create it in a component's field initialiser (it needs the injection context).
 */
export class ListState<F extends ListQuery = ListParams> {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly params: Signal<Params>;

  readonly query: Signal<F>;
  readonly narrowed: Signal<boolean>;
  readonly sort: Signal<{ active: string; direction: SortDirection }>;
  /** Whether a filter without a control on the page narrows the list. */
  readonly scoped: Signal<boolean>;
  /** What is typed in the search box; the URL follows after a pause. */
  readonly search = signal('');

  constructor(private readonly config: ListConfig) {
    this.params = toSignal(this.route.queryParams, { initialValue: this.route.snapshot.queryParams });
    this.query = computed(() => readListQuery<F>(this.params(), config));
    this.narrowed = computed(() => isNarrowed(this.query() as unknown as ListParams, config));
    this.sort = computed(() => sortState(this.query().sort));
    this.scoped = computed(() => (config.hidden ?? []).some((key) => (this.query() as unknown as ListParams)[key] !== undefined));
    this.search.set(this.query().q ?? '');

    const destroyRef = inject(DestroyRef);
    toObservable(this.search)
      .pipe(
        skip(1),
        debounceTime(SEARCH_DEBOUNCE_MS),
        map((v) => v.trim()),
        distinctUntilChanged(),
        filter((q) => q !== (this.query().q ?? '')),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((q) => this.set({ q: q || null }, true));
    // The box follows the URL (back button, shared link).
    toObservable(computed(() => this.query().q ?? ''))
      .pipe(
        filter((q) => q !== this.search().trim()),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((q) => this.search.set(q));
  }

  /** Changes filters; any change but paging goes back to page 1. */
  set(patch: Record<string, ListValue | null>, replaceUrl = false): void {
    const withPage = 'page' in patch ? patch : { ...patch, page: null };
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: toUrlParams(withPage, this.config.defaults),
      queryParamsHandling: 'merge',
      replaceUrl,
    });
  }

  value(key: string): ListValue {
    return (this.query() as unknown as ListParams)[key];
  }

  /** A filter control's pick (null: any). */
  pick(key: string, value: unknown): void {
    this.set({ [key]: (value as string | boolean | null | undefined) ?? null });
  }

  onSort(sort: Sort): void {
    const value = sort.direction ? `${sort.active}:${sort.direction}` : null;
    this.set({ sort: value === this.config.defaultSort ? null : value });
  }

  onPage(event: PageEvent): void {
    this.set({ page: event.pageIndex + 1 === 1 ? null : event.pageIndex + 1, pageSize: event.pageSize });
  }

  /** Lifts the filters that have no control on the page. */
  clearScope(): void {
    this.set(Object.fromEntries((this.config.hidden ?? []).map((key) => [key, null])));
  }

  clear(): void {
    this.search.set('');
    const cleared: Record<string, null> = { q: null };
    for (const key of Object.keys(this.config.filters)) cleared[key] = null;
    const params = toUrlParams(cleared);
    // Back to the list as it first opens, defaults included.
    void this.router.navigate([], { relativeTo: this.route, queryParams: { ...params, page: null }, queryParamsHandling: 'merge' });
  }
}

/** The list calls of a records API (`RecordsApi`): a page of the list and, for most, the same list as CSV. */
export interface ListCalls<F, T> {
  list(query: F): Observable<Page<T>>;
  exportCsv?(query: F, filename?: string): Observable<void>;
}

/**
 * A record list: its URL state, the page it loads for that state and, when the API has one, the same
 * list as CSV (saved as `csvName`). Create it in a component's field initialiser.
 */
export class RecordList<F extends ListQuery, T> extends ListState<F> {
  readonly result: ResourceRef<Page<T> | undefined>;
  readonly items: Signal<T[]>;
  readonly total: Signal<number>;
  readonly exportCsv?: () => Observable<void>;

  constructor(config: ListConfig, api: ListCalls<F, T>, csvName?: string) {
    super(config);
    this.result = rxResource({ params: () => this.query(), stream: ({ params }) => api.list(params) });
    this.items = computed(() => (this.result.hasValue() ? this.result.value().items : []));
    this.total = computed(() => (this.result.hasValue() ? this.result.value().total : 0));
    const exportCsv = api.exportCsv?.bind(api);
    if (exportCsv && csvName) this.exportCsv = () => exportCsv(this.query(), csvName);
  }
}
