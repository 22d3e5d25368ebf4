import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { mayOnRecord, type FieldError, type FollowUpListItem, type Page, type RecordPlace } from '@impact/contracts';
import { AuditService } from '../audit/audit.service';
import { diffObjects } from '../audit/diff';
import { requireAccess } from '../auth/access';
import type { AuthUser } from '../auth/auth-user';
import { NotFoundError, StaleVersionError, ValidationFailedError } from '../common/errors';
import { allRows, pagedQuery, pageParams, toPage } from '../common/list';
import { archiveRecord, trimmed, updateVersioned } from '../common/legacy-records';
import { requireRefs } from '../common/legacy-refs';
import type { CreateFollowUpDto, FollowUpListQueryDto, UpdateFollowUpDto } from './dto/follow-up.dto';
import { FOLLOW_UP_FROM, FOLLOW_UP_SELECT, followUpQuery, followUpRecord, toFollowUpListItem, type FollowUpRow } from './follow-up.read';

const COLUMNS = {
  commitmentId: 'commitment_id',
  engagementId: 'engagement_id',
  title: 'title',
  kind: 'kind',
  ownerId: 'owner_id',
  dueDate: 'due_date',
  status: 'status',
  note: 'note',
};

const missing = (field: string): FieldError => ({ field, message: `${field} refers to a record that does not exist` });

@Injectable()
export class FollowUpsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, query: FollowUpListQueryDto): Promise<Page<FollowUpListItem>> {
    const { page, pageSize } = pageParams(query);
    const { rows, total } = await pagedQuery<FollowUpRow>(this.dataSource.manager, followUpQuery(user, query), page, pageSize);
    return toPage(rows.map(toFollowUpListItem), total, page, pageSize);
  }

  async export(user: AuthUser, query: FollowUpListQueryDto): Promise<FollowUpListItem[]> {
    return (await allRows<FollowUpRow>(this.dataSource.manager, followUpQuery(user, query))).map(toFollowUpListItem);
  }

  async load(id: string, m: EntityManager = this.dataSource.manager): Promise<FollowUpListItem> {
    const [row]: FollowUpRow[] = await m.query(`SELECT ${FOLLOW_UP_SELECT} FROM ${FOLLOW_UP_FROM} WHERE f.id = $1 AND f.archived_at IS NULL`, [id]);
    if (!row) throw new NotFoundError('Follow-up', id);
    return toFollowUpListItem(row);
  }

  /**
   * Where a follow-up sits: its commitment's hub and city, or (without one) its engagement's hub and
   * cities. A parent that does not exist, or that the user may not read, is a 400 on its field
   * (the answer is the same for both, so existence is not revealed). Without a user (the place of
   * an existing follow-up) archived parents count too.
   */
  private async place(m: EntityManager, user: AuthUser | null, commitmentId: string | null, engagementId: string | null): Promise<RecordPlace> {
    if (!commitmentId && !engagementId) {
      const message = 'A follow-up belongs to a commitment or an engagement: give commitmentId or engagementId.';
      throw new ValidationFailedError([
        { field: 'commitmentId', message },
        { field: 'engagementId', message },
      ]);
    }
    const errors: FieldError[] = [];
    let commitmentPlace: RecordPlace | null = null;
    let engagementPlace: RecordPlace | null = null;
    if (commitmentId) {
      const [c] = await m.query(`SELECT hub_id, city_id FROM commitments WHERE id = $1 AND (archived_at IS NULL OR $2)`, [commitmentId, !user]);
      commitmentPlace = c ? { hubIds: [c.hub_id], cityIds: [c.city_id] } : null;
      if (!commitmentPlace || (user && !mayOnRecord(user, 'commitments', 'read', commitmentPlace))) errors.push(missing('commitmentId'));
    }
    if (engagementId) {
      const [e] = await m.query(
        `SELECT e.hub_id, array_remove(ARRAY[e.host_city_id, e.location_city_id] || COALESCE(array_agg(ec.city_id), '{}'), NULL) AS city_ids
           FROM engagements e LEFT JOIN engagement_cities ec ON ec.engagement_id = e.id
          WHERE e.id = $1 AND (e.archived_at IS NULL OR $2) GROUP BY e.id`,
        [engagementId, !user],
      );
      engagementPlace = e ? { hubIds: [e.hub_id], cityIds: e.city_ids } : null;
      if (!engagementPlace || (user && !mayOnRecord(user, 'engagements', 'read', engagementPlace))) errors.push(missing('engagementId'));
    }
    if (errors.length) throw new ValidationFailedError(errors);
    return (commitmentPlace ?? engagementPlace) as RecordPlace;
  }

  async get(user: AuthUser, id: string): Promise<FollowUpListItem> {
    const followUp = await this.load(id);
    const place = await this.place(this.dataSource.manager, null, followUp.commitmentId, followUp.engagementId);
    requireAccess(user, 'followUps', 'read', place, () => new NotFoundError('Follow-up', id));
    return followUp;
  }

  async create(user: AuthUser, dto: CreateFollowUpDto): Promise<FollowUpListItem> {
    return this.dataSource.transaction(async (m) => {
      const place = await this.place(m, user, dto.commitmentId ?? null, dto.engagementId ?? null);
      requireAccess(user, 'followUps', 'create', place);
      await requireRefs(m, [{ field: 'ownerId', table: 'users', ids: [dto.ownerId] }]);
      const status = dto.status ?? 'open';
      const [{ id }] = await m.query(
        `INSERT INTO follow_ups (commitment_id, engagement_id, title, kind, owner_id, due_date, status, completed_at, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7::text, CASE WHEN $7::text = 'done' THEN now() END, $8) RETURNING id`,
        [dto.commitmentId ?? null, dto.engagementId ?? null, dto.title.trim(), dto.kind, dto.ownerId ?? null, dto.dueDate ?? null, status, trimmed(dto.note) ?? null],
      );
      const created = await this.load(id, m);
      await this.audit.record(m, { actorId: user.id, entity: 'followUp', entityId: id, action: 'create', changes: diffObjects(null, { ...followUpRecord(created) }) });
      return created;
    });
  }

  /** `completedAt` follows the status: set when it becomes done, cleared when it is open again. */
  async update(user: AuthUser, id: string, dto: UpdateFollowUpDto): Promise<FollowUpListItem> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.load(id, m);
      const place = await this.place(m, null, before.commitmentId, before.engagementId);
      requireAccess(user, 'followUps', 'update', place, () => new NotFoundError('Follow-up', id));
      const commitmentId = dto.commitmentId === undefined ? before.commitmentId : dto.commitmentId;
      const engagementId = dto.engagementId === undefined ? before.engagementId : dto.engagementId;
      if (commitmentId !== before.commitmentId || engagementId !== before.engagementId) {
        // Moving it needs the right to create follow-ups where it goes.
        requireAccess(user, 'followUps', 'create', await this.place(m, user, commitmentId, engagementId));
      }
      await requireRefs(m, [{ field: 'ownerId', table: 'users', ids: [dto.ownerId] }]);
      if (before.version !== dto.version) throw new StaleVersionError(before);
      const values = { ...dto, title: trimmed(dto.title), note: trimmed(dto.note) };
      const ok = await updateVersioned(m, 'follow_ups', id, dto.version, values, COLUMNS, (params) => {
        if (dto.status === undefined) return [];
        params.push(dto.status);
        return [`completed_at = CASE WHEN $${params.length}::text = 'done' THEN COALESCE(completed_at, now()) END`];
      });
      if (!ok) throw new StaleVersionError(await this.load(id, m));
      const after = await this.load(id, m);
      await this.audit.record(m, {
        actorId: user.id,
        entity: 'followUp',
        entityId: id,
        action: 'update',
        changes: diffObjects({ ...followUpRecord(before) }, { ...followUpRecord(after) }),
      });
      return after;
    });
  }

  async archive(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const before = await this.load(id, m);
      const place = await this.place(m, null, before.commitmentId, before.engagementId);
      requireAccess(user, 'followUps', 'archive', place, () => new NotFoundError('Follow-up', id));
      if (await archiveRecord(m, 'follow_ups', id)) {
        await this.audit.record(m, { actorId: user.id, entity: 'followUp', entityId: id, action: 'archive', changes: null });
      }
    });
  }
}
