/** Raw-SQL write helpers still used by the domains not yet on their TypeORM repository; removed when the last one moves. */
import type { FieldError } from '@impact/contracts';
import type { EntityManager } from 'typeorm';
import { ValidationFailedError } from './errors';

/** Tables whose live (not archived) rows a request may refer to by id. */
export type RefTable = 'hubs' | 'cities' | 'partners' | 'engagements' | 'commitments' | 'users';

export interface RefCheck {
  field: string;
  table: RefTable;
  ids: readonly (string | null | undefined)[];
}

const LIVE: Record<RefTable, string> = {
  hubs: 'archived_at IS NULL',
  cities: 'archived_at IS NULL',
  partners: 'archived_at IS NULL',
  engagements: 'archived_at IS NULL',
  commitments: 'archived_at IS NULL',
  users: 'active',
};

/**
 * Every referenced id must name a live record: one query for all checks; a 400 lists every field
 * whose ids do not all exist.
 */
export async function requireRefs(manager: EntityManager, checks: readonly RefCheck[]): Promise<void> {
  const wanted = checks
    .map((c) => ({ ...c, ids: [...new Set(c.ids.filter((id): id is string => !!id))] }))
    .filter((c) => c.ids.length > 0);
  if (!wanted.length) return;
  const params: unknown[] = [];
  const parts = wanted.map((c, i) => {
    params.push(c.ids);
    return `SELECT ${i} AS i, count(*)::int AS n FROM ${c.table} WHERE id = ANY($${params.length}::uuid[]) AND ${LIVE[c.table]}`;
  });
  const rows: { i: number; n: number }[] = await manager.query(parts.join(' UNION ALL '), params);
  const errors: FieldError[] = [];
  for (const row of rows) {
    const c = wanted[row.i];
    if (row.n !== c.ids.length) errors.push({ field: c.field, message: `${c.field} refers to a record that does not exist` });
  }
  if (errors.length) throw new ValidationFailedError(errors);
}

/**
 * Replaces a join table's rows of one owner with `ids`, inserting only ids that name live records;
 * a 400 naming `field` when some do not (the caller's transaction then rolls everything back).
 */
export async function replaceLinks(
  manager: EntityManager,
  link: { table: string; ownerColumn: string; otherColumn: string; otherTable: RefTable; field: string },
  ownerId: string,
  ids: readonly string[],
): Promise<void> {
  const unique = [...new Set(ids)];
  await manager.query(`DELETE FROM ${link.table} WHERE ${link.ownerColumn} = $1`, [ownerId]);
  if (!unique.length) return;
  const inserted: unknown[] = await manager.query(
    `INSERT INTO ${link.table} (${link.ownerColumn}, ${link.otherColumn})
     SELECT $1, t.id FROM ${link.otherTable} t WHERE t.id = ANY($2::uuid[]) AND t.${LIVE[link.otherTable]}
     RETURNING 1`,
    [ownerId, unique],
  );
  if (inserted.length !== unique.length) {
    throw new ValidationFailedError([{ field: link.field, message: `${link.field} refers to a record that does not exist` }]);
  }
}

/** `SET a = $3, b = $4` for the fields the PATCH carries (`undefined` = unchanged, `null` = cleared). */
export function setClause(values: Record<string, unknown>, columns: Record<string, string>, params: unknown[]): string[] {
  const sets: string[] = [];
  for (const [field, column] of Object.entries(columns)) {
    const value = values[field];
    if (value === undefined) continue;
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  }
  return sets;
}
