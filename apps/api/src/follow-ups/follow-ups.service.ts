import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { followUpPlace, mayOnRecord, type FieldError, type FollowUpListItem, type Page, type RecordPlace } from '@impact/contracts';
import { AuditService } from '../audit/audit.service';
import { requireAccess } from '../auth/access';
import type { AuthUser } from '../auth/auth-user';
import { NotFoundError, StaleVersionError, ValidationFailedError } from '../common/errors';
import { given, trimmed } from '../common/records';
import { requireRefs } from '../common/refs';
import { PlacesRepository } from '../places/places.repository';
import type { CreateFollowUpDto, FollowUpListQueryDto, UpdateFollowUpDto } from './dto/follow-up.dto';
import { followUpRecord } from './follow-up.read';
import { FollowUpsRepository } from './follow-ups.repository';

const missing = (field: string): FieldError => ({ field, message: `${field} refers to a record that does not exist` });

interface Parents {
  commitmentId: string | null;
  engagementId: string | null;
}

/** The follow-up use cases: where it sits (its parent's place), scope, one transaction per write and its audit row. */
@Injectable()
export class FollowUpsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly followUps: FollowUpsRepository,
    private readonly places: PlacesRepository,
    private readonly audit: AuditService,
  ) {}

  list(user: AuthUser, query: FollowUpListQueryDto): Promise<Page<FollowUpListItem>> {
    return this.followUps.list(user, query);
  }

  /** Every match in the list's order (CSV export, a city's timeline). */
  export(user: AuthUser, query: FollowUpListQueryDto, cap?: number): Promise<FollowUpListItem[]> {
    return this.followUps.all(user, query, cap);
  }

  /** The live follow-up, whoever asks (callers check access); 404 when there is none. */
  async load(id: string, m?: EntityManager): Promise<FollowUpListItem> {
    const followUp = await this.followUps.findLive(id, m);
    if (!followUp) throw new NotFoundError('Follow-up', id);
    return followUp;
  }

  /** Where an existing follow-up sits: its parent's place, archived parents included. */
  private async placeOf(m: EntityManager, parents: Parents): Promise<RecordPlace> {
    const place = followUpPlace(await this.places.ofFollowUpParents(m, parents, false));
    // A follow-up always has a parent (cascading deletes remove it with its parent).
    return place ?? { hubIds: [], cityIds: [] };
  }

  /**
   * Where a follow-up being created or moved will sit: its commitment's place, or (without one) its
   * engagement's. A parent that does not exist, or that the user may not read, is a 400 on its field
   * (the answer is the same for both, so existence is not revealed).
   */
  private async newPlace(m: EntityManager, user: AuthUser, parents: Parents): Promise<RecordPlace> {
    if (!parents.commitmentId && !parents.engagementId) {
      const message = 'A follow-up belongs to a commitment or an engagement: give commitmentId or engagementId.';
      throw new ValidationFailedError([
        { field: 'commitmentId', message },
        { field: 'engagementId', message },
      ]);
    }
    const found = await this.places.ofFollowUpParents(m, parents, true);
    const errors: FieldError[] = [];
    if (parents.commitmentId && !(found.commitment && mayOnRecord(user, 'commitments', 'read', found.commitment)))
      errors.push(missing('commitmentId'));
    if (parents.engagementId && !(found.engagement && mayOnRecord(user, 'engagements', 'read', found.engagement)))
      errors.push(missing('engagementId'));
    if (errors.length) throw new ValidationFailedError(errors);
    return followUpPlace(found) as RecordPlace;
  }

  async get(user: AuthUser, id: string): Promise<FollowUpListItem> {
    const followUp = await this.load(id);
    requireAccess(
      user,
      'followUps',
      'read',
      await this.placeOf(this.dataSource.manager, followUp),
      () => new NotFoundError('Follow-up', id),
    );
    return followUp;
  }

  async create(user: AuthUser, dto: CreateFollowUpDto): Promise<FollowUpListItem> {
    return this.dataSource.transaction((m) => this.createIn(m, user, dto));
  }

  /** A create inside the caller's transaction, with every check of `create`; `note` goes on the audit row. */
  async createIn(m: EntityManager, user: AuthUser, dto: CreateFollowUpDto, note?: string): Promise<FollowUpListItem> {
    const place = await this.newPlace(m, user, { commitmentId: dto.commitmentId ?? null, engagementId: dto.engagementId ?? null });
    requireAccess(user, 'followUps', 'create', place);
    await requireRefs(m, [{ field: 'ownerId', table: 'users', ids: [dto.ownerId] }]);
    const id = await this.followUps.insert(m, {
      commitmentId: dto.commitmentId ?? null,
      engagementId: dto.engagementId ?? null,
      title: dto.title.trim(),
      kind: dto.kind,
      ownerId: dto.ownerId ?? null,
      dueDate: dto.dueDate ?? null,
      status: dto.status ?? 'open',
      note: trimmed(dto.note) ?? null,
    });
    const created = await this.load(id, m);
    await this.audit.created(m, user.id, 'followUp', id, followUpRecord(created), note);
    return created;
  }

  /** `completedAt` follows the status: set when it becomes done, cleared when it is open again. */
  async update(user: AuthUser, id: string, dto: UpdateFollowUpDto): Promise<FollowUpListItem> {
    return this.dataSource.transaction((m) => this.updateIn(m, user, id, dto));
  }

  /** An edit inside the caller's transaction, with every check of `update`; `note` goes on the audit row. */
  async updateIn(m: EntityManager, user: AuthUser, id: string, dto: UpdateFollowUpDto, note?: string): Promise<FollowUpListItem> {
    const before = await this.load(id, m);
    requireAccess(user, 'followUps', 'update', await this.placeOf(m, before), () => new NotFoundError('Follow-up', id));
    const commitmentId = dto.commitmentId === undefined ? before.commitmentId : dto.commitmentId;
    const engagementId = dto.engagementId === undefined ? before.engagementId : dto.engagementId;
    if (commitmentId !== before.commitmentId || engagementId !== before.engagementId) {
      // Moving it needs the right to create follow-ups where it goes.
      requireAccess(user, 'followUps', 'create', await this.newPlace(m, user, { commitmentId, engagementId }));
    }
    await requireRefs(m, [{ field: 'ownerId', table: 'users', ids: [dto.ownerId] }]);
    if (before.version !== dto.version) throw new StaleVersionError(before);
    const { version, ...fields } = dto;
    const values = given({ ...fields, title: trimmed(fields.title), note: trimmed(fields.note) });
    if (!(await this.followUps.update(m, id, version, values))) throw new StaleVersionError(await this.load(id, m));
    const after = await this.load(id, m);
    await this.audit.updated(m, user.id, 'followUp', id, followUpRecord(before), followUpRecord(after), note);
    return after;
  }

  async archive(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const before = await this.load(id, m);
      requireAccess(user, 'followUps', 'archive', await this.placeOf(m, before), () => new NotFoundError('Follow-up', id));
      if (await this.followUps.archive(m, id)) await this.audit.archived(m, user.id, 'followUp', id);
    });
  }
}
