import type { EntityManager } from 'typeorm';
import type { ImportRowError } from '@impact/contracts';
import type { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import type { CsvColumn } from '../common/csv';
import { DomainError } from '../common/errors';
import type { BatchOutcome } from './batch-creates';
import type { ImportUpdated } from './import.entity';
import type { SheetRow } from './read-rows';
import type { RowPlan } from './row-plan';

export type AnyPlan = RowPlan<object, object>;
export type CreatePlan = Extract<AnyPlan, { kind: 'create' }>;

/** Where a write of one row ended: the record's id and version, and (for an edit) its fields before. */
export interface Written {
  id: string;
  version: number;
  before?: ImportUpdated['before'];
}

/**
 * One import's view of an entity, for one user: reads a row into a plan (against the live records the
 * user may see), checks the plan with the service's own scope rules, and writes it through the
 * service's own write path inside the import's transaction.
 */
export interface EntityImport {
  /**
   * Optional: called with each run of rows before they are planned, to read the live records those
   * rows name by id (so an import holds the records of one run of rows, not every record the user may read).
   */
  prefetch?(rows: readonly SheetRow[]): Promise<void>;
  plan(row: SheetRow): Promise<AnyPlan>;
  /** The rule the service would refuse the row with, as a row error; null when the user may write it. */
  refusal(plan: AnyPlan): ImportRowError | null;
  write(m: EntityManager, plan: AnyPlan, note: string): Promise<Written>;
  /**
   * Optional: writes a batch of creates in a few statements, storing and auditing exactly what `write`
   * would row by row. Without it, each create goes through `write`.
   */
  writeCreates?(m: EntityManager, plans: CreatePlan[], note: string): Promise<BatchOutcome>;
}

/** How an entity is imported and undone. */
export interface Importer {
  columns: readonly CsvColumn<never>[];
  /** A template's example row, in the export's columns. */
  example: Record<string, unknown>;
  /** May this role write this entity at all (create or update, in some scope)? */
  mayImport(user: AuthUser): boolean;
  checkHeader(header: readonly string[]): ImportRowError[];
  open(user: AuthUser): Promise<EntityImport>;
  /** The live record's version, or null when it is archived or gone. */
  versionOf(m: EntityManager, id: string): Promise<number | null>;
  /** Undo of a create: archive, audited. */
  archive(m: EntityManager, user: AuthUser, id: string, note: string): Promise<void>;
  /** Undo of an edit: the fields as before, through the service's write path (version check and scope included). */
  restore(m: EntityManager, user: AuthUser, id: string, before: ImportUpdated['before'], version: number, note: string): Promise<void>;
}

/** A refusal the service would answer (403/404) as the row's error on `column`. */
export function refusedBy(row: number, column: string, message: string, check: () => void): ImportRowError | null {
  try {
    check();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return { row, column, message };
    throw e;
  }
}

/**
 * An importer's `archive` hook (an import's undo): archives a record the import created, through its
 * repository, and writes the audit row only when the record was still live.
 */
export async function archiveAudited(
  audit: AuditService,
  records: { archive(m: EntityManager, id: string): Promise<boolean> },
  entity: string,
  ...[m, user, id, note]: Parameters<Importer['archive']>
): Promise<void> {
  if (await records.archive(m, id)) await audit.archived(m, user.id, entity, id, note);
}
