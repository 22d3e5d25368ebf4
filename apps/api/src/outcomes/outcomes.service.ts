import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { mayOnRecord, type OutcomeListItem, type Page, type RecordPlace } from '@impact/contracts';
import { AuditService } from '../audit/audit.service';
import { diffObjects } from '../audit/diff';
import { requireAccess } from '../auth/access';
import type { AuthUser } from '../auth/auth-user';
import { ForbiddenError, NotFoundError, StaleVersionError, ValidationFailedError } from '../common/errors';
import { allRows, pagedQuery, pageParams, toPage } from '../common/list';
import { archiveRecord, trimmed, updateVersioned } from '../common/legacy-records';
import type { CreateOutcomeDto, OutcomeListQueryDto, UpdateOutcomeDto } from './dto/outcome.dto';
import { OUTCOME_FROM, OUTCOME_SELECT, outcomeQuery, outcomeRecord, toOutcomeListItem, type OutcomeRow } from './outcome.read';

const COLUMNS = {
  commitmentId: 'commitment_id',
  cityId: 'city_id',
  date: 'date',
  type: 'type',
  value: 'value',
  unit: 'unit',
  description: 'description',
  evidenceUrl: 'evidence_url',
};

const placeOf = (o: { cityId: string; hubId: string }): RecordPlace => ({ hubIds: [o.hubId], cityIds: [o.cityId] });
const doesNotExist = (field: string) => new ValidationFailedError([{ field, message: `${field} refers to a record that does not exist` }]);

@Injectable()
export class OutcomesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, query: OutcomeListQueryDto): Promise<Page<OutcomeListItem>> {
    const { page, pageSize } = pageParams(query);
    const { rows, total } = await pagedQuery<OutcomeRow>(this.dataSource.manager, outcomeQuery(user, query), page, pageSize);
    return toPage(rows.map(toOutcomeListItem), total, page, pageSize);
  }

  async export(user: AuthUser, query: OutcomeListQueryDto): Promise<OutcomeListItem[]> {
    return (await allRows<OutcomeRow>(this.dataSource.manager, outcomeQuery(user, query))).map(toOutcomeListItem);
  }

  async load(id: string, m: EntityManager = this.dataSource.manager): Promise<OutcomeListItem> {
    const [row]: OutcomeRow[] = await m.query(`SELECT ${OUTCOME_SELECT} FROM ${OUTCOME_FROM} WHERE o.id = $1 AND o.archived_at IS NULL`, [id]);
    if (!row) throw new NotFoundError('Outcome', id);
    return toOutcomeListItem(row);
  }

  async get(user: AuthUser, id: string): Promise<OutcomeListItem> {
    const outcome = await this.load(id);
    requireAccess(user, 'outcomes', 'read', placeOf(outcome), () => new NotFoundError('Outcome', id));
    return outcome;
  }

  /**
   * The place of an outcome in `cityId` (a 400 when the city does not exist or the user may not read
   * it), and its commitment, which must be one of that city's.
   */
  private async checkPlace(m: EntityManager, user: AuthUser, cityId: string, commitmentId: string | null | undefined): Promise<RecordPlace> {
    const [city] = await m.query(`SELECT id, hub_id FROM cities WHERE id = $1 AND archived_at IS NULL`, [cityId]);
    const place: RecordPlace | null = city ? { hubIds: [city.hub_id], cityIds: [city.id] } : null;
    if (!place || !mayOnRecord(user, 'cities', 'read', place)) throw doesNotExist('cityId');
    if (commitmentId) {
      const [c] = await m.query(`SELECT city_id FROM commitments WHERE id = $1 AND archived_at IS NULL`, [commitmentId]);
      if (!c || !mayOnRecord(user, 'commitments', 'read', { hubIds: place.hubIds, cityIds: [c.city_id] })) throw doesNotExist('commitmentId');
      if (c.city_id !== cityId) throw new ValidationFailedError([{ field: 'commitmentId', message: 'commitmentId must be a commitment of the same city' }]);
    }
    return place;
  }

  /** Verifying evidence is the hub's word, not the city's own: liaisons may not set `verified`. */
  private checkVerifier(user: AuthUser, verified: boolean | undefined): void {
    if (verified !== undefined && user.role === 'city_liaison') throw new ForbiddenError('Only a hub manager or an admin verifies an outcome.');
  }

  async create(user: AuthUser, dto: CreateOutcomeDto): Promise<OutcomeListItem> {
    this.checkVerifier(user, dto.verified);
    return this.dataSource.transaction(async (m) => {
      const place = await this.checkPlace(m, user, dto.cityId, dto.commitmentId);
      requireAccess(user, 'outcomes', 'create', place);
      const verified = dto.verified === true;
      const [{ id }] = await m.query(
        `INSERT INTO outcomes (commitment_id, city_id, date, type, value, unit, description, evidence_url, verified_by_id, verified_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $9::uuid IS NOT NULL THEN now() END) RETURNING id`,
        [
          dto.commitmentId ?? null,
          dto.cityId,
          dto.date,
          dto.type,
          dto.value ?? null,
          trimmed(dto.unit) ?? null,
          dto.description?.trim() ?? '',
          dto.evidenceUrl ?? null,
          verified ? user.id : null,
        ],
      );
      const created = await this.load(id, m);
      await this.audit.record(m, { actorId: user.id, entity: 'outcome', entityId: id, action: 'create', changes: diffObjects(null, { ...outcomeRecord(created) }) });
      return created;
    });
  }

  async update(user: AuthUser, id: string, dto: UpdateOutcomeDto): Promise<OutcomeListItem> {
    this.checkVerifier(user, dto.verified);
    return this.dataSource.transaction(async (m) => {
      const before = await this.load(id, m);
      requireAccess(user, 'outcomes', 'update', placeOf(before), () => new NotFoundError('Outcome', id));
      const cityId = dto.cityId ?? before.cityId;
      const commitmentId = dto.commitmentId === undefined ? before.commitmentId : dto.commitmentId;
      if (cityId !== before.cityId || commitmentId !== before.commitmentId) {
        requireAccess(user, 'outcomes', 'create', await this.checkPlace(m, user, cityId, commitmentId));
      }
      if (before.version !== dto.version) throw new StaleVersionError(before);
      const values = { ...dto, unit: trimmed(dto.unit), description: trimmed(dto.description) };
      const ok = await updateVersioned(m, 'outcomes', id, dto.version, values, COLUMNS, (params) => {
        if (dto.verified === undefined) return [];
        params.push(dto.verified ? user.id : null);
        const p = `$${params.length}::uuid`;
        return [`verified_by_id = ${p}`, `verified_at = CASE WHEN ${p} IS NULL THEN NULL ELSE now() END`];
      });
      if (!ok) throw new StaleVersionError(await this.load(id, m));
      const after = await this.load(id, m);
      await this.audit.record(m, {
        actorId: user.id,
        entity: 'outcome',
        entityId: id,
        action: 'update',
        changes: diffObjects({ ...outcomeRecord(before) }, { ...outcomeRecord(after) }),
      });
      return after;
    });
  }

  async archive(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const before = await this.load(id, m);
      requireAccess(user, 'outcomes', 'archive', placeOf(before), () => new NotFoundError('Outcome', id));
      if (await archiveRecord(m, 'outcomes', id)) {
        await this.audit.record(m, { actorId: user.id, entity: 'outcome', entityId: id, action: 'archive', changes: null });
      }
    });
  }
}
