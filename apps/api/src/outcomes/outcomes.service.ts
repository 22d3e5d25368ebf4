import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { mayOnRecord, type OutcomeListItem, type Page, type RecordPlace } from '@impact/contracts';
import { AuditService } from '../audit/audit.service';
import { requireAccess } from '../auth/access';
import type { AuthUser } from '../auth/auth-user';
import { ForbiddenError, NotFoundError, StaleVersionError, ValidationFailedError } from '../common/errors';
import { given, trimmed } from '../common/records';
import { PlacesRepository } from '../places/places.repository';
import type { CreateOutcomeDto, OutcomeListQueryDto, UpdateOutcomeDto } from './dto/outcome.dto';
import { outcomeRecord } from './outcome.read';
import { OutcomesRepository } from './outcomes.repository';

const placeOf = (o: { cityId: string; hubId: string }): RecordPlace => ({ hubIds: [o.hubId], cityIds: [o.cityId] });
const doesNotExist = (field: string) => new ValidationFailedError([{ field, message: `${field} refers to a record that does not exist` }]);

/** The outcome use cases: where it sits, who may verify, one transaction and its audit row. */
@Injectable()
export class OutcomesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outcomes: OutcomesRepository,
    private readonly places: PlacesRepository,
    private readonly audit: AuditService,
  ) {}

  list(user: AuthUser, query: OutcomeListQueryDto): Promise<Page<OutcomeListItem>> {
    return this.outcomes.list(user, query);
  }

  export(user: AuthUser, query: OutcomeListQueryDto): Promise<OutcomeListItem[]> {
    return this.outcomes.all(user, query);
  }

  /** The live outcome, whoever asks (callers check access); 404 when there is none. */
  async load(id: string, m?: EntityManager): Promise<OutcomeListItem> {
    const outcome = await this.outcomes.findLive(id, m);
    if (!outcome) throw new NotFoundError('Outcome', id);
    return outcome;
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
  private async checkPlace(
    m: EntityManager,
    user: AuthUser,
    cityId: string,
    commitmentId: string | null | undefined,
  ): Promise<RecordPlace> {
    const city = await this.places.ofCity(m, cityId);
    const place: RecordPlace | null = city ? { hubIds: city.hubIds, cityIds: city.cityIds } : null;
    if (!place || !mayOnRecord(user, 'cities', 'read', place)) throw doesNotExist('cityId');
    if (commitmentId) {
      const c = await this.places.ofCommitment(m, commitmentId);
      if (!c || !mayOnRecord(user, 'commitments', 'read', { hubIds: place.hubIds, cityIds: [c.cityId] }))
        throw doesNotExist('commitmentId');
      if (c.cityId !== cityId)
        throw new ValidationFailedError([{ field: 'commitmentId', message: 'commitmentId must be a commitment of the same city' }]);
    }
    return place;
  }

  /** Verifying evidence is the hub's word, not the city's own: liaisons may not set `verified`. */
  private checkVerifier(user: AuthUser, verified: boolean | undefined): void {
    if (verified !== undefined && user.role === 'city_liaison')
      throw new ForbiddenError('Only a hub manager or an admin verifies an outcome.');
  }

  async create(user: AuthUser, dto: CreateOutcomeDto): Promise<OutcomeListItem> {
    return this.dataSource.transaction((m) => this.createIn(m, user, dto));
  }

  /** A create inside the caller's transaction, with every check of `create`; `note` goes on the audit row. */
  async createIn(m: EntityManager, user: AuthUser, dto: CreateOutcomeDto, note?: string): Promise<OutcomeListItem> {
    this.checkVerifier(user, dto.verified);
    const place = await this.checkPlace(m, user, dto.cityId, dto.commitmentId);
    requireAccess(user, 'outcomes', 'create', place);
    const id = await this.outcomes.insert(m, {
      commitmentId: dto.commitmentId ?? null,
      cityId: dto.cityId,
      date: dto.date,
      type: dto.type,
      value: dto.value ?? null,
      unit: trimmed(dto.unit) ?? null,
      description: dto.description?.trim() ?? '',
      evidenceUrl: dto.evidenceUrl ?? null,
      verifiedById: dto.verified === true ? user.id : null,
    });
    const created = await this.load(id, m);
    await this.audit.created(m, user.id, 'outcome', id, outcomeRecord(created), note);
    return created;
  }

  async update(user: AuthUser, id: string, dto: UpdateOutcomeDto): Promise<OutcomeListItem> {
    return this.dataSource.transaction((m) => this.updateIn(m, user, id, dto));
  }

  /**
   * An edit inside the caller's transaction, with every check of `update`; `note` goes on the audit row.
   * `restored`: an undo puts a verification back as it was (its verifier and time, not the undoing
   * user's), audited under the undo's note; an edit that verifies (`verified`) always names its own user.
   */
  async updateIn(
    m: EntityManager,
    user: AuthUser,
    id: string,
    dto: UpdateOutcomeDto,
    note?: string,
    restored?: { verifiedById: string | null; verifiedAt: string | null },
  ): Promise<OutcomeListItem> {
    this.checkVerifier(user, dto.verified);
    const before = await this.load(id, m);
    requireAccess(user, 'outcomes', 'update', placeOf(before), () => new NotFoundError('Outcome', id));
    const cityId = dto.cityId ?? before.cityId;
    const commitmentId = dto.commitmentId === undefined ? before.commitmentId : dto.commitmentId;
    if (cityId !== before.cityId || commitmentId !== before.commitmentId) {
      requireAccess(user, 'outcomes', 'create', await this.checkPlace(m, user, cityId, commitmentId));
    }
    if (before.version !== dto.version) throw new StaleVersionError(before);
    const { version, verified, ...fields } = dto;
    const figure = given({
      date: fields.date,
      value: fields.value,
      unit: trimmed(fields.unit),
      description: trimmed(fields.description),
    });
    const figureChanged = (Object.keys(figure) as (keyof typeof figure)[]).some((k) => figure[k] !== before[k]);
    // A changed figure is no longer the one verified: it must be verified again (unless this very edit verifies it).
    const verifiedById = restored ? restored.verifiedById : verified ? user.id : verified === false || figureChanged ? null : undefined;
    const values = given({ ...fields, unit: trimmed(fields.unit), description: trimmed(fields.description), verifiedById });
    const verifiedAtWas = restored ? (restored.verifiedAt && restored.verifiedById ? new Date(restored.verifiedAt) : null) : undefined;
    if (!(await this.outcomes.update(m, id, version, values, verifiedAtWas))) throw new StaleVersionError(await this.load(id, m));
    const after = await this.load(id, m);
    await this.audit.updated(m, user.id, 'outcome', id, outcomeRecord(before), outcomeRecord(after), note);
    return after;
  }

  async archive(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const before = await this.load(id, m);
      requireAccess(user, 'outcomes', 'archive', placeOf(before), () => new NotFoundError('Outcome', id));
      if (await this.outcomes.archive(m, id)) await this.audit.archived(m, user.id, 'outcome', id);
    });
  }
}
