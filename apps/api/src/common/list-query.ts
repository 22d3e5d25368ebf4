import { DEFAULT_PAGE_SIZE, type ListQuery, type Page } from '@impact/contracts';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ValidationFailedError } from './errors';

/**
 * The one list-query helper: every list of the API is a TypeORM `SelectQueryBuilder` over its base
 * table, filtered with `andWhere` (named parameters), then paged here. A page is read in two steps:
 * the ids of the page (sorted, limited; only the base table and its indexes), and the read models of
 * exactly those ids (the ids as a subquery of the read query, or a second statement); the total is
 * counted beside them. So a filter never multiplies rows through a
 * join, and the expensive part (names, links) runs for one page only.
 */

export type SortDirection = 'ASC' | 'DESC';

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

/** ORDER BY for a `field:dir` sort; an unknown field is a 400 naming `sort`. */
export function applySort<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  sort: string | undefined,
  sorts: ListSorts,
): SelectQueryBuilder<T> {
  if (!sort) {
    sorts.fallback.forEach(([expression, direction], i) =>
      i === 0 ? qb.orderBy(expression, direction, 'NULLS LAST') : qb.addOrderBy(expression, direction, 'NULLS LAST'),
    );
    return qb.addOrderBy(sorts.id, sorts.fallback[sorts.fallback.length - 1]?.[1] ?? 'ASC');
  }
  const [field, dir = 'asc'] = sort.split(':');
  const expression = sorts.fields.get(field);
  if (!expression) {
    throw new ValidationFailedError([{ field: 'sort', message: `sort must be one of ${[...sorts.fields.keys()].join(', ')}` }]);
  }
  const direction: SortDirection = dir === 'desc' ? 'DESC' : 'ASC';
  return qb.orderBy(expression, direction, 'NULLS LAST').addOrderBy(sorts.id, direction);
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
 * Narrows a read-model query (over the same base alias as the list's filtered query) to one page of the
 * list, in the list's order: the page's ids as a subquery, so the page is read in one statement.
 */
export type PageOf = <R extends ObjectLiteral>(read: SelectQueryBuilder<R>) => SelectQueryBuilder<R>;

/**
 * How a list reads its page's items: from the page's ids (a second statement), or, with `page`, in the
 * same statement as the ids (`pageOf` applied to the repository's read query).
 */
export type PageLoader<T> = ((ids: string[]) => Promise<T[]>) | { page: (pageOf: PageOf) => Promise<T[]> };

/**
 * One page of a filtered list: `{ items, total, page, pageSize }`. `filtered` must select from the
 * base alias only (filters as EXISTS, never joins that repeat rows); `load` reads the page's items.
 * The total is counted beside the page, on another connection.
 */
export async function listPage<E extends ObjectLiteral, T extends { id: string }>(
  filtered: SelectQueryBuilder<E>,
  query: ListQuery,
  sorts: ListSorts,
  load: PageLoader<T>,
): Promise<Page<T>> {
  const { page, pageSize } = pageParams(query);
  const ids = applySort(filtered.clone().select(sorts.id, 'id'), query.sort, sorts)
    .offset((page - 1) * pageSize)
    .limit(pageSize);
  const items =
    typeof load === 'function'
      ? ids.getRawMany<{ id: string }>().then(async (rows) => {
          const pageIds = rows.map((r) => r.id);
          return pageIds.length ? inOrder(pageIds, await load(pageIds)) : [];
        })
      : // The sort expressions are over the base alias, which the read query shares: the same order, ties by id.
        load.page((read) => applySort(read.andWhere(`${sorts.id} IN (${ids.getQuery()})`, ids.getParameters()), query.sort, sorts));
  const [rows, counted] = await Promise.all([items, filtered.clone().select('count(*)::int', 'total').getRawOne<{ total: number }>()]);
  return { items: rows, total: counted?.total ?? 0, page, pageSize };
}

/** Every row the filters match, in the list's order, up to `cap` (CSV export). */
export async function listAll<E extends ObjectLiteral, T extends { id: string }>(
  filtered: SelectQueryBuilder<E>,
  query: ListQuery,
  sorts: ListSorts,
  load: (ids: string[]) => Promise<T[]>,
  cap = CSV_MAX_ROWS,
): Promise<T[]> {
  const rows = await applySort(filtered.clone().select(sorts.id, 'id'), query.sort, sorts).limit(cap).getRawMany<{ id: string }>();
  const ids = rows.map((r) => r.id);
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += LOAD_BATCH) {
    const batch = ids.slice(i, i + LOAD_BATCH);
    out.push(...inOrder(batch, await load(batch)));
  }
  return out;
}
