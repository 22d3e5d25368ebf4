import type { EntityManager } from 'typeorm';

/**
 * Runs an `UPDATE/INSERT/DELETE … RETURNING` inside a transaction and gives back the returned rows.
 * (TypeORM's `manager.query()` answers `[rows, count]` for UPDATE and DELETE, which makes
 * `result.length` lie; the structured result does not.)
 */
export async function writeReturning<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('writeReturning must run inside a transaction');
  const result = await runner.query(sql, params, true);
  return result.records as T[];
}

/** `%text%` for ILIKE, with the wildcard characters of the text escaped; null for no search. */
export function likePattern(q: string | null | undefined): string | null {
  const text = q?.trim();
  return text ? `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
}
