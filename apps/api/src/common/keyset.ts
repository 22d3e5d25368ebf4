import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ValidationFailedError } from './errors';

/**
 * Keyset paging ("after this row") for the lists that offer it: the cursor names the last row a page
 * gave by its sort keys (as the database prints them) and its id, so the next page starts right after
 * it in the list's order, read from the index instead of skipping `offset` rows. Opaque to clients:
 * base64url JSON `{ o, s, k }` — how many rows came up to it (so `page` stays what offset paging says),
 * the sort it belongs to, and the keys.
 */

export type SortDirection = 'ASC' | 'DESC';

/** One key of a list's order: the expression, its direction, and whether NULLs may occur (sorted last). */
export interface SortKey {
  expression: string;
  direction: SortDirection;
  /** The id that breaks ties: never NULL, always last. */
  id: boolean;
}

export interface Cursor {
  /** Rows before the first row of the page it opens. */
  offset: number;
  /** The key values of the last row given, as text (NULL as null); the id last. */
  keys: (string | null)[];
}

/** The list's `sort` as the cursor records it (a cursor of another order is refused). */
const sortTag = (sort: string | undefined) => sort ?? '';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const badCursor = (message = 'after must be a nextCursor this list gave, with the same sort') =>
  new ValidationFailedError([{ field: 'after', message }]);

export function encodeCursor(sort: string | undefined, offset: number, keys: (string | null)[]): string {
  return Buffer.from(JSON.stringify({ o: offset, s: sortTag(sort), k: keys }), 'utf8').toString('base64url');
}

/** The cursor of `after`, checked against the list's keys; a 400 naming `after` when it is not one. */
export function decodeCursor(after: string, sort: string | undefined, keys: readonly SortKey[]): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  const c = parsed as { o?: unknown; s?: unknown; k?: unknown };
  if (
    !c ||
    typeof c !== 'object' ||
    !Number.isSafeInteger(c.o) ||
    (c.o as number) < 0 ||
    c.s !== sortTag(sort) ||
    !Array.isArray(c.k) ||
    c.k.length !== keys.length ||
    !c.k.every((v) => v === null || (typeof v === 'string' && v.length <= 1000)) ||
    typeof c.k[c.k.length - 1] !== 'string' ||
    !UUID.test(c.k[c.k.length - 1] as string)
  ) {
    throw badCursor();
  }
  return { offset: c.o as number, keys: c.k as (string | null)[] };
}

/**
 * The keys as one column of JSON text (`["k1", …]`, each key as text or null): what the next cursor is made of.
 * Text, so the driver hands it over unparsed: only the page's last row's is read (`lastCursorKeys`).
 */
export const cursorKeysSql = (keys: readonly SortKey[]) =>
  `array_to_json(ARRAY[${keys.map((k) => `(${k.expression})::text`).join(', ')}])::text`;

/** The sort keys of a page's last row, from its `cursorKeysSql` column. */
export const lastCursorKeys = (rows: readonly { cursorKeys?: string }[]): (string | null)[] | null => {
  const text = rows.at(-1)?.cursorKeys;
  return text ? (JSON.parse(text) as (string | null)[]) : null;
};

/** A database error caused by a cursor's key values (a value of the wrong type for its key): 400 on `after`. */
export function cursorValueError(e: unknown): unknown {
  const code = (e as { driverError?: { code?: string }; code?: string })?.driverError?.code ?? (e as { code?: string })?.code;
  return code && ['22P02', '22007', '22008', '22003', '22023'].includes(code) ? badCursor() : e;
}

/**
 * The rows after the cursor, NULLs last in every key, as conditions over the keys:
 * - `range`: when the order is one key then the id in the same direction and the cursor's key is not
 *   NULL, `ROW(k, id) > ROW(v, id0)` (an index range), and `rest`: the NULL keys, which come after every
 *   other row, to read when the range runs out;
 * - otherwise one condition, `k1 after v1 OR (k1 = v1 AND (k2 after v2 OR …))`, exact for any order.
 */
export function afterConditions(keys: readonly SortKey[], cursor: Cursor): { range: string; rest?: string; params: ObjectLiteral } {
  const params: ObjectLiteral = {};
  keys.forEach((_, i) => (params[`after${i}`] = cursor.keys[i]));
  const [first, second] = keys;
  const cmp = (d: SortDirection) => (d === 'ASC' ? '>' : '<');
  if (keys.length === 2 && second.id && first.direction === second.direction) {
    if (cursor.keys[0] === null)
      return { range: `${first.expression} IS NULL AND ${second.expression} ${cmp(second.direction)} :after1`, params };
    return {
      range: `ROW(${first.expression}, ${second.expression}) ${cmp(first.direction)} ROW(:after0, :after1)`,
      rest: `${first.expression} IS NULL`,
      params,
    };
  }
  const after = (i: number): string => {
    const k = keys[i];
    const v = cursor.keys[i];
    if (k.id) return `${k.expression} ${cmp(k.direction)} :after${i}`;
    const next = after(i + 1);
    if (v === null) return `(${k.expression} IS NULL AND ${next})`;
    return `(${k.expression} ${cmp(k.direction)} :after${i} OR ${k.expression} IS NULL OR (${k.expression} = :after${i} AND ${next}))`;
  };
  return { range: after(0), params };
}

/** Adds a keyset condition to a query (a clone: the list's filtered query stays as it was). */
export function whereAfter<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  condition: string,
  params: ObjectLiteral,
): SelectQueryBuilder<T> {
  return qb.andWhere(`(${condition})`, params);
}
