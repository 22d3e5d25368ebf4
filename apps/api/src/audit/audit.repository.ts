import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { AuditEntry, Page } from '@impact/contracts';
import { andWhereGiven, listPage, listSorts } from '../common/list-query';
import { AuditLogEntity } from './audit-log.entity';
import type { AuditQueryDto } from './audit.dto';

export const toAuditEntry = (a: AuditLogEntity): AuditEntry => ({
  id: a.id,
  at: a.at.toISOString(),
  actorId: a.actorId,
  entity: a.entity,
  entityId: a.entityId,
  action: a.action,
  changes: a.changes,
  note: a.note,
});

/** Newest first; the trail has no other order. */
const SORTS = listSorts(
  {},
  [
    ['a.at', 'DESC'],
    ['a.id', 'ASC'],
  ],
  'a.id',
);

/** Reads of the audit trail (writes go through AuditService, inside the writer's transaction). */
@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditLogEntity) private readonly entries: Repository<AuditLogEntity>) {}

  list(f: AuditQueryDto): Promise<Page<AuditEntry>> {
    const qb = this.entries.createQueryBuilder('a');
    andWhereGiven(qb, f.entity, 'a.entity = :entity', { entity: f.entity });
    andWhereGiven(qb, f.entityId, 'a.entityId = :entityId', { entityId: f.entityId });
    return listPage(qb, f, SORTS, (ids) => this.load(ids));
  }

  /** The entries of `ids`, in no particular order. */
  async load(ids: string[]): Promise<AuditEntry[]> {
    const entries = await this.entries.createQueryBuilder('a').where('a.id IN (:...ids)', { ids }).getMany();
    return entries.map(toAuditEntry);
  }
}
