import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * The one way a record is changed: a single UPDATE guarded by the version the client read, so two
 * writers can never both win (no lost update). TypeORM adds `version = version + 1` and `updated_at`.
 * False when the version is stale (or the record archived or gone).
 */
export async function updateVersioned<E extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<E>,
  id: string,
  version: number,
  values: QueryDeepPartialEntity<E>,
): Promise<boolean> {
  const result = await m
    .createQueryBuilder()
    .update(entity)
    .set(values)
    .where('id = :id AND version = :version AND archived_at IS NULL', { id, version })
    .execute();
  return (result.affected ?? 0) > 0;
}

/** DELETE archives: the row stays for history and leaves every list. False when already archived. */
export async function archiveRecord<E extends ObjectLiteral>(m: EntityManager, entity: EntityTarget<E>, id: string): Promise<boolean> {
  const result = await m
    .createQueryBuilder()
    .update(entity)
    .set({ archivedAt: () => 'now()' } as unknown as QueryDeepPartialEntity<E>)
    .where('id = :id AND archived_at IS NULL', { id })
    .execute();
  return (result.affected ?? 0) > 0;
}

/** Trims text a person typed; keeps `null` and `undefined` as they are. */
export function trimmed<T extends string | null | undefined>(value: T): T {
  return (typeof value === 'string' ? value.trim() : value) as T;
}

/** Only the fields a PATCH carries (`undefined` = unchanged, `null` = cleared). */
export function given<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
