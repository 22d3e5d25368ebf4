import { Injectable } from '@nestjs/common';
import type { HistoryEntry } from '@impact/contracts';
import type { EntityManager } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { AuditChanges, AuditLogEntity } from './audit-log.entity';
import { diffObjects } from './diff';

export type AuditAction = 'create' | 'update' | 'archive' | 'transition' | 'publish' | (string & {});

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
  async record(manager: EntityManager, entry: AuditRecord): Promise<AuditLogEntity> {
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

  /** A record's creation: every field of what was stored, as the change from nothing. */
  created(
    manager: EntityManager,
    actorId: string,
    entity: string,
    entityId: string,
    record: object,
    note?: string,
  ): Promise<AuditLogEntity> {
    return this.record(manager, { actorId, entity, entityId, action: 'create', changes: diffObjects(null, { ...record }), note });
  }

  /** A record's edit: the fields that differ between before and after (an edit that changed nothing is still a row). */
  updated(
    manager: EntityManager,
    actorId: string,
    entity: string,
    entityId: string,
    before: object,
    after: object,
    note?: string,
  ): Promise<AuditLogEntity> {
    return this.record(manager, { actorId, entity, entityId, action: 'update', changes: diffObjects({ ...before }, { ...after }), note });
  }

  /** A record's archive (soft delete); `note` says why when it is not a plain DELETE (an import's undo). */
  archived(manager: EntityManager, actorId: string, entity: string, entityId: string, note?: string): Promise<AuditLogEntity> {
    return this.record(manager, { actorId, entity, entityId, action: 'archive', changes: null, note });
  }

  /**
   * One record's history, oldest first, with who made each step. A step's `from`/`to` are the status it
   * moved from and to, where it changed one (a record's creation has no `from`).
   */
  async historyOf(manager: EntityManager, entity: string, entityId: string): Promise<HistoryEntry[]> {
    const rows = await manager
      .getRepository(AuditLogEntity)
      .createQueryBuilder('a')
      .leftJoin(UserEntity, 'u', 'u.id = a.actor_id')
      .addSelect('u.name', 'actor_name')
      .where('a.entity = :entity AND a.entity_id = :entityId', { entity, entityId })
      .orderBy('a.at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getRawAndEntities<{ a_id: string; actor_name: string | null }>();
    const names = new Map(rows.raw.map((r) => [r.a_id, r.actor_name]));
    return rows.entities.map((a) => {
      const status = a.changes?.['status'];
      const text = (v: unknown) => (typeof v === 'string' ? v : null);
      return {
        id: a.id,
        at: a.at.toISOString(),
        actorId: a.actorId,
        actorName: names.get(a.id) ?? null,
        action: a.action,
        from: a.action === 'create' ? null : text(status?.old),
        to: text(status?.new),
        note: a.note,
        changes: a.changes,
      };
    });
  }
}
