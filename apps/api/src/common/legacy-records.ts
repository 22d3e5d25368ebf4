/** Raw-SQL write helpers still used by the domains not yet on their TypeORM repository; removed when the last one moves. */
import type { EntityManager } from 'typeorm';
import { setClause } from './legacy-refs';

/**
 * The rows an UPDATE or DELETE … RETURNING gave back. TypeORM's `query()` answers those two with
 * `[rows, rowCount]` (other statements with the rows), so `.length` alone would always be 2.
 */
export async function returnedRows<T = unknown>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  // In a transaction the runner gives a structured result, which says what it is.
  if (m.queryRunner) return (await m.queryRunner.query(sql, params, true)).records as T[];
  const result: unknown = await m.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

/**
 * The one way a record is changed: a single UPDATE guarded by the version the client read, so two
 * writers can never both win (no lost update). False when the version is stale (or the record gone).
 */
export async function updateVersioned(
  m: EntityManager,
  table: string,
  id: string,
  version: number,
  values: Record<string, unknown>,
  columns: Record<string, string>,
  extraSets: (params: unknown[]) => string[] = () => [],
): Promise<boolean> {
  const params: unknown[] = [id, version];
  const sets = [...setClause(values, columns, params), ...extraSets(params), 'version = version + 1', 'updated_at = now()'];
  const rows = await returnedRows(m, `UPDATE ${table} SET ${sets.join(', ')} WHERE id = $1 AND version = $2 AND archived_at IS NULL RETURNING id`, params);
  return rows.length > 0;
}

/** DELETE archives: the row stays for history and leaves every list. False when already archived. */
export async function archiveRecord(m: EntityManager, table: string, id: string): Promise<boolean> {
  const rows = await returnedRows(
    m,
    `UPDATE ${table} SET archived_at = now(), version = version + 1, updated_at = now() WHERE id = $1 AND archived_at IS NULL RETURNING id`,
    [id],
  );
  return rows.length > 0;
}

/** Trims text a person typed; keeps `null` and `undefined` as they are. */
export function trimmed<T extends string | null | undefined>(value: T): T {
  return (typeof value === 'string' ? value.trim() : value) as T;
}
