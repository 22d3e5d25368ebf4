import type { FieldError } from '@impact/contracts';
import type { EntityManager } from 'typeorm';
import { ValidationFailedError } from './errors';

/** Tables whose live (not archived) rows a request may refer to by id. */
export type RefTable = 'hubs' | 'cities' | 'partners' | 'engagements' | 'commitments' | 'outcomes' | 'users';

/** What "live" means per table (over alias `t`): users are deactivated, records are archived. */
export const LIVE: Record<RefTable, string> = {
  hubs: 't.archived_at IS NULL',
  cities: 't.archived_at IS NULL',
  partners: 't.archived_at IS NULL',
  engagements: 't.archived_at IS NULL',
  commitments: 't.archived_at IS NULL',
  outcomes: 't.archived_at IS NULL',
  users: 't.active',
};

export interface RefCheck {
  field: string;
  table: RefTable;
  ids: readonly (string | null | undefined)[];
}

const unique = (ids: readonly (string | null | undefined)[]) => [...new Set(ids.filter((id): id is string => !!id))];

/** How many of `ids` name live rows of `table`. */
async function countLive(m: EntityManager, table: RefTable, ids: string[]): Promise<number> {
  const row = await m
    .createQueryBuilder()
    .select('count(*)::int', 'n')
    .from(table, 't')
    .where('t.id IN (:...ids)', { ids })
    .andWhere(LIVE[table])
    .getRawOne<{ n: number }>();
  return row?.n ?? 0;
}

/** Every referenced id must name a live record; a 400 lists every field whose ids do not all exist. */
export async function requireRefs(m: EntityManager, checks: readonly RefCheck[]): Promise<void> {
  const errors: FieldError[] = [];
  for (const c of checks) {
    const ids = unique(c.ids);
    if (ids.length && (await countLive(m, c.table, ids)) !== ids.length) {
      errors.push({ field: c.field, message: `${c.field} refers to a record that does not exist` });
    }
  }
  if (errors.length) throw new ValidationFailedError(errors);
}

/** A many-to-many join table, seen from its owner. */
export interface LinkTable {
  table: string;
  ownerColumn: string;
  otherColumn: string;
  otherTable: RefTable;
  /** The request field the ids came in, named by a 400. */
  field: string;
}

/**
 * Replaces a join table's rows of one owner with `ids`; every id must name a live record, else a 400
 * naming `link.field` (the caller's transaction then rolls everything back).
 */
export async function replaceLinks(m: EntityManager, link: LinkTable, ownerId: string, ids: readonly string[]): Promise<void> {
  const wanted = unique(ids);
  await requireRefs(m, [{ field: link.field, table: link.otherTable, ids: wanted }]);
  await m.createQueryBuilder().delete().from(link.table).where(`${link.ownerColumn} = :ownerId`, { ownerId }).execute();
  if (!wanted.length) return;
  await m
    .createQueryBuilder()
    .insert()
    .into(link.table, [link.ownerColumn, link.otherColumn])
    .values(wanted.map((id) => ({ [link.ownerColumn]: ownerId, [link.otherColumn]: id })))
    .execute();
}
