import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { mayOnRecord, scopeFor, type AuditEntry, type FieldError, type Page } from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { ForbiddenError, NotFoundError, ValidationFailedError } from '../common/errors';
import { isHubRecordKind, PlacesRepository } from '../places/places.repository';
import type { AuditQueryDto } from './audit.dto';
import { AuditRepository } from './audit.repository';

/** Reads the audit trail: admins and leadership all of it; a hub manager one record at a time, of its hubs. */
@Injectable()
export class AuditQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly entries: AuditRepository,
    private readonly places: PlacesRepository,
  ) {}

  async list(user: AuthUser, query: AuditQueryDto): Promise<Page<AuditEntry>> {
    if (scopeFor(user.role, 'audit', 'read') === 'hub') await this.checkHubRecord(user, query);
    return this.entries.list(query);
  }

  private async checkHubRecord(user: AuthUser, query: AuditQueryDto): Promise<void> {
    const errors: FieldError[] = [];
    if (!query.entity)
      errors.push({ field: 'entity', message: 'A hub manager reads the history of one record: give entity and entityId.' });
    if (!query.entityId)
      errors.push({ field: 'entityId', message: 'A hub manager reads the history of one record: give entity and entityId.' });
    if (errors.length) throw new ValidationFailedError(errors);
    // Records of no hub (users, partners) are not hub-scoped.
    if (!isHubRecordKind(query.entity)) throw new ForbiddenError('This history is not kept by hub.');
    const place = await this.places.hubOfRecord(this.dataSource.manager, query.entity, query.entityId as string);
    if (!place) throw new NotFoundError('Record', query.entityId);
    // The record itself is readable (hub managers read everything); its history is its hub's.
    if (!mayOnRecord(user, 'audit', 'read', { hubIds: place.hubId ? [place.hubId] : [], cityIds: [] })) {
      throw new ForbiddenError('This record is outside your hubs.');
    }
  }
}
