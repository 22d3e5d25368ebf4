import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  canTransitionCommitment,
  LIAISON_COMMITMENT_FIELDS,
  type CommitmentListItem,
  type HistoryEntry,
  type Page,
  type RecordPlace,
} from '@impact/contracts';
import type { AuditChanges } from '../audit/audit-log.entity';
import { AuditService } from '../audit/audit.service';
import { diffObjects } from '../audit/diff';
import { requireAccess } from '../auth/access';
import type { AuthUser } from '../auth/auth-user';
import { ForbiddenError, NotFoundError, StaleVersionError, ValidationFailedError, WorkflowError } from '../common/errors';
import { allRows, pagedQuery, pageParams, toPage } from '../common/list';
import { archiveRecord, trimmed, updateVersioned } from '../common/records';
import { replaceLinks, requireRefs } from '../common/refs';
import { COMMITMENT_FROM, COMMITMENT_SELECT, commitmentQuery, commitmentRecord, toCommitmentListItem, type CommitmentRow } from './commitment.read';
import type { CommitmentListQueryDto, CommitmentTransitionDto, CreateCommitmentDto, UpdateCommitmentDto } from './dto/commitment.dto';

const COLUMNS = {
  title: 'title',
  kind: 'kind',
  cityId: 'city_id',
  ownerId: 'owner_id',
  targetDate: 'target_date',
  progress: 'progress',
  description: 'description',
};

const ENGAGEMENT_LINKS = {
  table: 'commitment_engagements',
  ownerColumn: 'commitment_id',
  otherColumn: 'engagement_id',
  otherTable: 'engagements',
  field: 'inspiredByEngagementIds',
} as const;
const PARTNER_LINKS = { table: 'commitment_partners', ownerColumn: 'commitment_id', otherColumn: 'partner_id', otherTable: 'partners', field: 'partnerIds' } as const;

export const commitmentPlace = (c: { hubId: string; cityId: string }): RecordPlace => ({ hubIds: [c.hubId], cityIds: [c.cityId] });

@Injectable()
export class CommitmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, query: CommitmentListQueryDto): Promise<Page<CommitmentListItem>> {
    const { page, pageSize } = pageParams(query);
    const { rows, total } = await pagedQuery<CommitmentRow>(this.dataSource.manager, commitmentQuery(user, query), page, pageSize);
    return toPage(rows.map(toCommitmentListItem), total, page, pageSize);
  }

  async export(user: AuthUser, query: CommitmentListQueryDto): Promise<CommitmentListItem[]> {
    return (await allRows<CommitmentRow>(this.dataSource.manager, commitmentQuery(user, query))).map(toCommitmentListItem);
  }

  async load(id: string, m: EntityManager = this.dataSource.manager, lock = false): Promise<CommitmentListItem> {
    if (lock) await m.query(`SELECT 1 FROM commitments WHERE id = $1 FOR UPDATE`, [id]);
    const [row]: CommitmentRow[] = await m.query(`SELECT ${COMMITMENT_SELECT} FROM ${COMMITMENT_FROM} WHERE c.id = $1 AND c.archived_at IS NULL`, [id]);
    if (!row) throw new NotFoundError('Commitment', id);
    return toCommitmentListItem(row);
  }

  async get(user: AuthUser, id: string): Promise<CommitmentListItem> {
    const commitment = await this.load(id);
    requireAccess(user, 'commitments', 'read', commitmentPlace(commitment), () => new NotFoundError('Commitment', id));
    return commitment;
  }

  /** The hub of the live city `cityId`, or a 400 naming the field. */
  private async cityHub(m: EntityManager, cityId: string): Promise<string> {
    const [city] = await m.query(`SELECT hub_id FROM cities WHERE id = $1 AND archived_at IS NULL`, [cityId]);
    if (!city) throw new ValidationFailedError([{ field: 'cityId', message: 'cityId refers to a record that does not exist' }]);
    return city.hub_id;
  }

  /** The commitment, what inspired it and its partners land together or not at all. */
  async create(user: AuthUser, dto: CreateCommitmentDto): Promise<CommitmentListItem> {
    return this.dataSource.transaction(async (m) => {
      const hubId = await this.cityHub(m, dto.cityId);
      requireAccess(user, 'commitments', 'create', { hubIds: [hubId], cityIds: [dto.cityId] }, () =>
        new ValidationFailedError([{ field: 'cityId', message: 'cityId refers to a record that does not exist' }]),
      );
      await requireRefs(m, [{ field: 'ownerId', table: 'users', ids: [dto.ownerId] }]);
      const [{ id }] = await m.query(
        `INSERT INTO commitments (title, kind, city_id, hub_id, owner_id, target_date, progress, status, description)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'pledged', $8) RETURNING id`,
        [dto.title.trim(), dto.kind, dto.cityId, hubId, dto.ownerId ?? null, dto.targetDate ?? null, dto.progress ?? 0, dto.description?.trim() ?? ''],
      );
      await replaceLinks(m, ENGAGEMENT_LINKS, id, dto.inspiredByEngagementIds ?? []);
      await replaceLinks(m, PARTNER_LINKS, id, dto.partnerIds ?? []);
      await m.query(`INSERT INTO commitment_status_changes (commitment_id, from_status, to_status, actor_id) VALUES ($1, NULL, 'pledged', $2)`, [id, user.id]);
      const created = await this.load(id, m);
      await this.audit.record(m, {
        actorId: user.id,
        entity: 'commitment',
        entityId: id,
        action: 'create',
        changes: diffObjects(null, { ...commitmentRecord(created) }),
      });
      return created;
    });
  }

  /**
   * Hub managers (in their hubs) and admins change any field; a city liaison only progress and owner
   * (LIAISON_COMMITMENT_FIELDS) of its cities' commitments. Status moves only by transitions.
   */
  async update(user: AuthUser, id: string, dto: UpdateCommitmentDto): Promise<CommitmentListItem> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.load(id, m);
      requireAccess(user, 'commitments', 'update', commitmentPlace(before), () => new NotFoundError('Commitment', id));
      if (user.role === 'city_liaison') {
        const allowed: readonly string[] = ['version', ...LIAISON_COMMITMENT_FIELDS];
        const refused = Object.keys(dto).filter((k) => dto[k as keyof UpdateCommitmentDto] !== undefined && !allowed.includes(k));
        if (refused.length) throw new ForbiddenError(`A city liaison may change only ${LIAISON_COMMITMENT_FIELDS.join(' and ')}; not ${refused.join(', ')}.`);
      }
      let hubId = before.hubId;
      if (dto.cityId !== undefined && dto.cityId !== before.cityId) {
        hubId = await this.cityHub(m, dto.cityId);
        requireAccess(user, 'commitments', 'create', { hubIds: [hubId], cityIds: [dto.cityId] });
      }
      await requireRefs(m, [{ field: 'ownerId', table: 'users', ids: [dto.ownerId] }]);
      if (before.version !== dto.version) throw new StaleVersionError(before);
      const values = { ...dto, title: trimmed(dto.title), description: trimmed(dto.description) };
      const ok = await updateVersioned(m, 'commitments', id, dto.version, values, COLUMNS, (params) => {
        params.push(hubId);
        return [`hub_id = $${params.length}`];
      });
      if (!ok) throw new StaleVersionError(await this.load(id, m));
      if (dto.inspiredByEngagementIds) await replaceLinks(m, ENGAGEMENT_LINKS, id, dto.inspiredByEngagementIds);
      if (dto.partnerIds) await replaceLinks(m, PARTNER_LINKS, id, dto.partnerIds);
      const after = await this.load(id, m);
      await this.audit.record(m, {
        actorId: user.id,
        entity: 'commitment',
        entityId: id,
        action: 'update',
        changes: diffObjects({ ...commitmentRecord(before) }, { ...commitmentRecord(after) }),
      });
      return after;
    });
  }

  async archive(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const before = await this.load(id, m);
      requireAccess(user, 'commitments', 'archive', commitmentPlace(before), () => new NotFoundError('Commitment', id));
      if (await archiveRecord(m, 'commitments', id)) {
        await this.audit.record(m, { actorId: user.id, entity: 'commitment', entityId: id, action: 'archive', changes: null });
      }
    });
  }

  /**
   * Moves the status one step along COMMITMENT_TRANSITIONS, with the reason. The row is locked, so
   * two simultaneous steps run one after the other and the second is judged on the first's result.
   */
  async transition(user: AuthUser, id: string, dto: CommitmentTransitionDto): Promise<CommitmentListItem> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.load(id, m, true);
      requireAccess(user, 'commitments', 'transition', commitmentPlace(before), () => new NotFoundError('Commitment', id));
      if (!canTransitionCommitment(before.status, dto.to)) throw new WorkflowError(before.status, dto.to);
      if (dto.to === 'achieved') {
        const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM outcomes WHERE commitment_id = $1 AND archived_at IS NULL`, [id]);
        if (n === 0) {
          throw new WorkflowError(before.status, dto.to, 'A commitment can be marked achieved only once at least one outcome is recorded on it.');
        }
      }
      await m.query(
        `UPDATE commitments SET status = $2::text, progress = CASE WHEN $2::text = 'achieved' THEN 100 ELSE progress END,
                version = version + 1, updated_at = now() WHERE id = $1`,
        [id, dto.to],
      );
      await m.query(`INSERT INTO commitment_status_changes (commitment_id, from_status, to_status, actor_id, note) VALUES ($1, $2, $3, $4, $5)`, [
        id,
        before.status,
        dto.to,
        user.id,
        dto.note,
      ]);
      const after = await this.load(id, m);
      await this.audit.record(m, {
        actorId: user.id,
        entity: 'commitment',
        entityId: id,
        action: 'transition',
        changes: diffObjects({ ...commitmentRecord(before) }, { ...commitmentRecord(after) }),
        note: dto.note,
      });
      return after;
    });
  }

  /** Status changes and edits, oldest first, with who made them. */
  async history(user: AuthUser, id: string): Promise<HistoryEntry[]> {
    await this.get(user, id);
    const rows: { id: string; at: Date; actor_id: string | null; actor_name: string | null; action: string; changes: AuditChanges | null; note: string | null }[] =
      await this.dataSource.query(
        `SELECT a.id, a.at, a.actor_id, u.name AS actor_name, a.action, a.changes, a.note
           FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
          WHERE a.entity = 'commitment' AND a.entity_id = $1 ORDER BY a.at, a.id`,
        [id],
      );
    return rows.map((r) => {
      const status = r.changes?.['status'];
      return {
        id: r.id,
        at: r.at.toISOString(),
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        from: status ? ((status.old as string | null) ?? null) : null,
        to: status ? ((status.new as string | null) ?? null) : null,
        note: r.note,
        changes: r.changes,
      };
    });
  }
}
