import { DEFAULT_PAGE_SIZE, type CursorQuery, type ListQuery, type Page } from '@impact/contracts';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ValidationFailedError } from './errors';
import { builtQuery, rawRows } from './statements';
import {
  afterConditions,
  cursorKeysSql,
  cursorValueError,
  decodeCursor,
  encodeCursor,
  lastCursorKeys,
  type SortDirection,
  type SortKey,
} from './keyset';

export type { SortDirection } from './keyset';

/**
 * The one list-query helper: every list of the API is a TypeORM `SelectQueryBuilder` over its base
 * table, filtered with `andWhere` (named parameters), then paged here. A page is read in two steps:
 * the ids of the page (sorted, limited; only the base table and its indexes), and the read models of
 * exactly those ids (the ids as a subquery of the read query, or a second statement); the total is
 * counted beside them. So a filter never multiplies rows through a
 * join, and the expensive part (names, links) runs for one page only.
 */

/** A list's sortable fields: the API's field name → an SQL expression over the base alias. */
export interface ListSorts {
  /** A Map, not a plain object: `sort=constructor` must not find `Object.prototype.constructor`. */
  fields: ReadonlyMap<string, string>;
  /** The order without a `sort` parameter. */
  fallback: readonly (readonly [expression: string, direction: SortDirection])[];
  /** Breaks ties, so paging is stable (e.g. `c.id`). */
  id: string;
}

export function listSorts(fields: Record<string, string>, fallback: ListSorts['fallback'], id: string): ListSorts {
  return { fields: new Map(Object.entries(fields)), fallback, id };
}

/**
 * The keys of a list's order for a `field:dir` sort (or the fallback), the id last; NULLs last in every
 * other key. An unknown field is a 400 naming `sort`.
 */
export function sortKeys(sort: string | undefined, sorts: ListSorts): SortKey[] {
  if (!sort) {
    const keys = sorts.fallback.map(([expression, direction]) => ({ expression, direction, id: false }));
    return [...keys, { expression: sorts.id, direction: sorts.fallback[sorts.fallback.length - 1]?.[1] ?? 'ASC', id: true }];
  }
  const [field, dir = 'asc'] = sort.split(':');
  const expression = sorts.fields.get(field);
  if (!expression) {
    throw new ValidationFailedError([{ field: 'sort', message: `sort must be one of ${[...sorts.fields.keys()].join(', ')}` }]);
  }
  const direction: SortDirection = dir === 'desc' ? 'DESC' : 'ASC';
  return [
    { expression, direction, id: false },
    { expression: sorts.id, direction, id: true },
  ];
}

/** ORDER BY for a `field:dir` sort; an unknown field is a 400 naming `sort`. */
export function applySort<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  sort: string | undefined,
  sorts: ListSorts,
): SelectQueryBuilder<T> {
  return orderBy(qb, sortKeys(sort, sorts));
}

function orderBy<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, keys: readonly SortKey[]): SelectQueryBuilder<T> {
  keys.forEach((k, i) => {
    const nulls = k.id ? undefined : 'NULLS LAST';
    if (i === 0) qb.orderBy(k.expression, k.direction, nulls);
    else qb.addOrderBy(k.expression, k.direction, nulls);
  });
  return qb;
}

/** Adds `condition` with its named parameters only when `value` is given (not undefined, null or ''). */
export function andWhereGiven<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  value: unknown,
  condition: string,
  parameters: ObjectLiteral,
): SelectQueryBuilder<T> {
  if (value === undefined || value === null || value === '') return qb;
  return qb.andWhere(condition, parameters);
}

/** For a `true`/`false` filter: `condition` when true, its negation when false, nothing when absent. */
export function andWhereFlag<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  flag: boolean | undefined,
  condition: string,
): SelectQueryBuilder<T> {
  if (flag === undefined) return qb;
  return qb.andWhere(flag ? condition : `NOT ${condition}`);
}

/** `%q%` for ILIKE with the wildcards of the text escaped; null when there is nothing to search. */
export function likePattern(q: string | null | undefined): string | null {
  const text = q?.trim();
  return text ? `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
}

/** Text search: any of `columns` contains `q` (trigram indexes serve ILIKE). Binds `:q`. */
export function andWhereText<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  q: string | undefined,
  columns: readonly string[],
): SelectQueryBuilder<T> {
  const pattern = likePattern(q);
  if (!pattern) return qb;
  return qb.andWhere(`(${columns.map((c) => `${c} ILIKE :q`).join(' OR ')})`, { q: pattern });
}

/** Rows past this many are never exported at once. */
export const CSV_MAX_ROWS = 50_000;
/** Read models are loaded this many ids at a time (plain rows, one per record: a 50,000-row export takes 10 statements). */
const LOAD_BATCH = 5_000;

export function pageParams(q: ListQuery): { page: number; pageSize: number } {
  return { page: q.page ?? 1, pageSize: q.pageSize ?? DEFAULT_PAGE_SIZE };
}

/** The rows of `ids`, in the order of `ids` (the loader may answer in any order; missing ids drop out). */
function inOrder<T extends { id: string }>(ids: readonly string[], rows: readonly T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * How a list reads its page's items: from the page's ids (a second statement), or, with `read`, in the
 * same statement as the ids (the page's ids as a subquery of the repository's read query; `map` shapes
 * each raw row).
 */
export type PageLoader<T, R extends ObjectLiteral = ObjectLiteral> =
  | ((ids: string[]) => Promise<T[]>)
  | { read: () => SelectQueryBuilder<ObjectLiteral>; map: (row: R) => T };

/** A page's items, how many rows its statement matched, and the sort keys of its last row (for the next cursor). */
interface Slice<T> {
  items: T[];
  matched: number;
  lastKeys: (string | null)[] | null;
}

/**
 * One page of a filtered list: `{ items, total, page, pageSize }`, and `nextCursor` when `cursor` is on
 * (the list then also takes `after`, see keyset.ts). `filtered` must select from the base alias only
 * (filters as EXISTS, never joins that repeat rows); `load` reads the page's items. The total is counted
 * beside the page, on another connection, whatever the page (offset or cursor); with `countAfterPage` (a
 * text search, whose matches are usually fewer than a page) it is counted only once the page has come back
 * and only when the page cannot tell it: a page by offset that holds fewer rows than asked for ends the list,
 * so the total is its offset plus its rows.
 */
export async function listPage<E extends ObjectLiteral, T extends { id: string }, R extends ObjectLiteral = ObjectLiteral>(
  filtered: SelectQueryBuilder<E>,
  query: ListQuery & CursorQuery,
  sorts: ListSorts,
  load: PageLoader<T, R>,
  options: { cursor?: boolean; prepare?: boolean; countAfterPage?: boolean } = {},
): Promise<Page<T>> {
  const { page, pageSize } = pageParams(query);
  const keys = sortKeys(query.sort, sorts);
  const withKeys = options.cursor === true;
  if (withKeys && query.after && query.page !== undefined) {
    throw new ValidationFailedError([{ field: 'after', message: 'after and page cannot be used together' }]);
  }
  const cursor = withKeys && query.after ? decodeCursor(query.after, query.sort, keys) : null;
  const offset = cursor ? cursor.offset : (page - 1) * pageSize;
  const after = cursor ? afterConditions(keys, cursor) : null;
  // Prepared for the first page and pages by cursor only: an offset is part of the SQL, and each page number
  // would be one more statement kept by every pooled connection.
  const prepare = options.prepare === true && (cursor !== null || offset === 0);

  const ids = (condition: string | undefined, limit: number) => {
    const qb = orderBy(filtered.clone().select(sorts.id, 'id'), keys);
    if (condition && after) qb.andWhere(`(${condition})`, after.params);
    else qb.offset(offset);
    return qb.limit(limit);
  };
  const slice = async (condition: string | undefined, limit: number): Promise<Slice<T>> => {
    if (typeof load === 'function') {
      const q = ids(condition, limit);
      if (withKeys) q.addSelect(cursorKeysSql(keys), 'cursorKeys');
      const rows = await rawRows<{ id: string; cursorKeys?: string }>(q, { prepare });
      const pageIds = rows.map((r) => r.id);
      return {
        items: pageIds.length ? inOrder(pageIds, await load(pageIds)) : [],
        matched: rows.length,
        lastKeys: lastCursorKeys(rows),
      };
    }
    // The sort expressions are over the base alias, which the read query shares: the same order, ties by id.
    const sub = ids(condition, limit);
    const read = load.read();
    if (withKeys) read.addSelect(cursorKeysSql(keys), 'cursorKeys');
    const rows = await rawRows<R & { cursorKeys?: string }>(
      orderBy(read.andWhere(`${sorts.id} IN (${builtQuery(sub)})`, sub.getParameters()), keys),
      { prepare },
    );
    const lastKeys = lastCursorKeys(rows);
    return {
      items: rows.map((row) => {
        delete row.cursorKeys;
        return load.map(row);
      }),
      matched: rows.length,
      lastKeys,
    };
  };
  const items = (async (): Promise<Slice<T>> => {
    const first = await slice(after?.range, pageSize);
    // After the range, the rows whose key is NULL (sorted last), when the page is not full yet.
    if (!after?.rest || first.items.length >= pageSize) return first;
    const rest = await slice(after.rest, pageSize - first.items.length);
    return { items: [...first.items, ...rest.items], matched: first.matched + rest.matched, lastKeys: rest.lastKeys ?? first.lastKeys };
  })().catch((e: unknown) => {
    throw cursor ? cursorValueError(e) : e;
  });
  const count = async () =>
    (await rawRows<{ total: number }>(filtered.clone().select('count(*)::int', 'total'), { prepare }))[0]?.total ?? 0;
  let got: Slice<T>;
  let total: number;
  if (options.countAfterPage === true && !cursor) {
    got = await items;
    total = got.matched < pageSize && (got.matched > 0 || offset === 0) ? offset + got.matched : await count();
  } else {
    [got, total] = await Promise.all([items, count()]);
  }
  const result: Page<T> = { items: got.items, total, page: Math.floor(offset / pageSize) + 1, pageSize };
  if (withKeys) {
    const end = offset + got.items.length;
    result.nextCursor = got.items.length === pageSize && end < total && got.lastKeys ? encodeCursor(query.sort, end, got.lastKeys) : null;
  }
  return result;
}

/** A page's item already written as JSON text. */
export interface JsonItem {
  id: string;
  json: string;
}

/** The JSON text of a page whose items are JSON text already: what JSON.stringify writes of the page with those items. */
export function pageJson(page: Page<JsonItem>): string {
  const { items, nextCursor, ...rest } = page;
  const fields = JSON.stringify({ ...rest, ...(nextCursor !== undefined ? { nextCursor } : {}) });
  return `{"items":[${items.map((i) => i.json).join(',')}],${fields.slice(1)}`;
}

/** Every row the filters match, in the list's order, up to `cap` (CSV export). */
export async function listAll<E extends ObjectLiteral, T extends { id: string }>(
  filtered: SelectQueryBuilder<E>,
  query: ListQuery,
  sorts: ListSorts,
  load: (ids: string[]) => Promise<T[]>,
  cap = CSV_MAX_ROWS,
): Promise<T[]> {
  if ((query as CursorQuery).after)
    throw new ValidationFailedError([{ field: 'after', message: 'an export answers every row: it takes no after' }]);
  const rows = await applySort(filtered.clone().select(sorts.id, 'id'), query.sort, sorts).limit(cap).getRawMany<{ id: string }>();
  const ids = rows.map((r) => r.id);
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += LOAD_BATCH) {
    const batch = ids.slice(i, i + LOAD_BATCH);
    out.push(...inOrder(batch, await load(batch)));
  }
  return out;
}
