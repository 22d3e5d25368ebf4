import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditChanges, AuditLogEntity } from './audit-log.entity';

export type AuditAction =
  | 'create'
  | 'update'
  | 'archive'
  | 'transition'
  | 'publish'
  | (string & {});

export interface AuditRecord {
  actorId: string | null;
  /** Table-like name of what changed: `commitment`, `story`, `user` … */
  entity: string;
  entityId: string;
  action: AuditAction;
  changes?: AuditChanges | null;
  note?: string | null;
}

/**
 * Writes the audit trail. Always pass the caller's transaction manager, so the audit row and the
 * change it describes commit or roll back together.
 */
@Injectable()
export class AuditService {
  async record(
    manager: EntityManager,
    entry: AuditRecord,
  ): Promise<AuditLogEntity> {
    const row = manager.create(AuditLogEntity, {
      actorId: entry.actorId,
      entity: entry.entity,
      entityId: entry.entityId,
      action: entry.action,
      changes: entry.changes ?? null,
      note: entry.note ?? null,
    });
    return manager.save(AuditLogEntity, row);
  }

  /** Reads one record's history, oldest first. */
  history(
    manager: EntityManager,
    entity: string,
    entityId: string,
  ): Promise<AuditLogEntity[]> {
    return manager.find(AuditLogEntity, {
      where: { entity, entityId },
      order: { at: 'ASC', id: 'ASC' },
    });
  }
}
