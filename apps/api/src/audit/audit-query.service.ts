import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { mayOnRecord, scopeFor, type AuditEntry, type FieldError, type Page } from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { ForbiddenError, NotFoundError, ValidationFailedError } from '../common/errors';
import { pagedQuery, pageParams, toPage, Where } from '../common/list';
import type { AuditChanges } from './audit-log.entity';
import type { AuditQueryDto } from './audit.dto';

/**
 * The hub a record sits in, per audited entity; records of no hub (users, partners) are not hub-scoped.
 * A Map: `entity` is the client's text, and an object literal would answer `constructor` too.
 */
const HUB_OF: ReadonlyMap<string, string> = new Map(
  Object.entries({
    hub: `SELECT id AS hub_id FROM hubs WHERE id = $1`,
    city: `SELECT hub_id FROM cities WHERE id = $1`,
    engagement: `SELECT hub_id FROM engagements WHERE id = $1`,
    commitment: `SELECT hub_id FROM commitments WHERE id = $1`,
    followUp: `SELECT COALESCE(c.hub_id, e.hub_id) AS hub_id FROM follow_ups f LEFT JOIN commitments c ON c.id = f.commitment_id
                 LEFT JOIN engagements e ON e.id = f.engagement_id WHERE f.id = $1`,
    outcome: `SELECT ci.hub_id FROM outcomes o JOIN cities ci ON ci.id = o.city_id WHERE o.id = $1`,
    story: `SELECT hub_id FROM stories WHERE id = $1`,
  }),
);

interface AuditRow {
  id: string;
  at: Date;
  actor_id: string | null;
  entity: string;
  entity_id: string;
  action: string;
  changes: AuditChanges | null;
  note: string | null;
}

/** Reads the audit trail: admins and leadership all of it; a hub manager one record at a time, of its hubs. */
@Injectable()
export class AuditQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(user: AuthUser, query: AuditQueryDto): Promise<Page<AuditEntry>> {
    if (scopeFor(user.role, 'audit', 'read') === 'hub') await this.checkHubRecord(user, query);
    const { page, pageSize } = pageParams(query);
    const where = new Where().when(query.entity, 'a.entity = ?').when(query.entityId, 'a.entity_id = ?::uuid');
    const { rows, total } = await pagedQuery<AuditRow>(
      this.dataSource.manager,
      { select: 'a.id, a.at, a.actor_id, a.entity, a.entity_id, a.action, a.changes, a.note', from: 'audit_log a', where, orderBy: 'a.at DESC, a.id' },
      page,
      pageSize,
    );
    return toPage(
      rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actorId: r.actor_id,
        entity: r.entity,
        entityId: r.entity_id,
        action: r.action,
        changes: r.changes,
        note: r.note,
      })),
      total,
      page,
      pageSize,
    );
  }

  private async checkHubRecord(user: AuthUser, query: AuditQueryDto): Promise<void> {
    const errors: FieldError[] = [];
    if (!query.entity) errors.push({ field: 'entity', message: 'A hub manager reads the history of one record: give entity and entityId.' });
    if (!query.entityId) errors.push({ field: 'entityId', message: 'A hub manager reads the history of one record: give entity and entityId.' });
    if (errors.length) throw new ValidationFailedError(errors);
    const sql = HUB_OF.get(query.entity as string);
    if (!sql) throw new ForbiddenError('This history is not kept by hub.');
    const [row] = await this.dataSource.query(sql, [query.entityId]);
    if (!row) throw new NotFoundError('Record', query.entityId);
    // The record itself is readable (hub managers read everything); its history is its hub's.
    if (!mayOnRecord(user, 'audit', 'read', { hubIds: [row.hub_id], cityIds: [] })) throw new ForbiddenError('This record is outside your hubs.');
  }
}
