import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { QueryFailedError, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * The lists' statements, built by the query builder once per shape and sent with their values bound.
 *
 * A list request builds the same few statements every time with other values: the query builder's
 * `getQuery()` (escaping every name, expanding every select) cost more of the API's CPU than parsing the
 * rows. So a statement's SQL, with its named parameters, is kept per shape: the builder's selects, joins,
 * conditions (their text, never their values), order, limit and offset. The values are bound per request.
 * Only SQL text is kept in this process, never data, so two instances answer alike.
 *
 * With `prepare`, the statement is also sent as a named prepared statement: each pooled connection parses
 * and plans it once, then binds the values (planning the commitments page took as long as running it). Only
 * for shapes whose best plan does not depend on the values (equality filters served by one index): a text
 * search keeps a plan made for its own pattern.
 */

/** Shapes kept (a list has a few dozen in use; past this, statements are built per request again). */
const MAX_SHAPES = 2_000;
/** Named statements per process, so each pooled connection keeps a bounded number of plans. */
const MAX_NAMED = 200;

const shapes = new Map<string, string>();
const names = new Map<string, string>();
/** Under test every statement is also built the slow way and compared, so a shape key that misses a difference fails loudly. */
const CHECK = process.env['NODE_ENV'] === 'test';

/** What makes two builders' SQL the same, without their values; null when a condition is not plain text (built per request). */
function shapeKey(qb: SelectQueryBuilder<ObjectLiteral>): string | null {
  const e = qb.expressionMap;
  if (e.wheres.some((w) => typeof w.condition !== 'string') || !e.mainAlias?.hasMetadata) return null;
  if (e.joinAttributes.some((j) => typeof j.entityOrProperty !== 'string')) return null;
  return JSON.stringify([
    e.mainAlias.metadata.tablePath,
    e.mainAlias.name,
    e.selects,
    e.joinAttributes.map((j) => [j.direction, j.entityOrProperty, j.alias.name, j.condition ?? null]),
    e.wheres,
    e.orderBys,
    e.groupBys,
    e.havings,
    e.limit ?? null,
    e.offset ?? null,
    e.skip ?? null,
    e.take ?? null,
    e.lockMode ?? null,
    e.selectDistinct,
  ]);
}

/** The builder's SQL with its named parameters (`:name`), from the shape cache when it has been built before. */
export function builtQuery(qb: SelectQueryBuilder<ObjectLiteral>): string {
  const key = shapeKey(qb);
  if (key === null) return qb.getQuery();
  const kept = shapes.get(key);
  if (kept === undefined) {
    const sql = qb.getQuery();
    if (shapes.size < MAX_SHAPES) shapes.set(key, sql);
    return sql;
  }
  if (CHECK && qb.getQuery() !== kept) throw new Error(`Two list statements share a shape key: ${key}`);
  return kept;
}

function statementName(text: string): string | undefined {
  const known = names.get(text);
  if (known !== undefined || names.size >= MAX_NAMED) return known;
  const name = `list-${createHash('sha1').update(text).digest('base64url')}`;
  names.set(text, name);
  return name;
}

/**
 * The builder's rows (as `getRawMany`), its SQL from the shape cache. Inside a transaction (a builder with
 * its own query runner) it runs as usual; otherwise on the pool, named when `prepare` is set.
 */
export async function rawRows<R extends ObjectLiteral>(
  qb: SelectQueryBuilder<ObjectLiteral>,
  options: { prepare?: boolean } = {},
): Promise<R[]> {
  // A builder made from a transaction's manager carries that transaction's query runner (a protected field).
  if ((qb as unknown as { queryRunner?: unknown }).queryRunner) return qb.getRawMany<R>();
  const connection = qb.connection;
  const [text, values] = connection.driver.escapeQueryWithParameters(builtQuery(qb), qb.getParameters());
  connection.logger.logQuery(text, values);
  const pool = (connection.driver as PostgresDriver).master as Pool;
  const name = options.prepare ? statementName(text) : undefined;
  try {
    const result = await pool.query<R>(name ? { name, text, values } : { text, values });
    return result.rows;
  } catch (e) {
    connection.logger.logQueryError(e instanceof Error ? e : String(e), text, values);
    throw new QueryFailedError(text, values, e as Error);
  }
}
