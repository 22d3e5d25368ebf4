import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  canTransitionCommitment,
  commitmentPlace,
  LIAISON_COMMITMENT_FIELDS,
  type CommitmentListItem,
  type HistoryEntry,
} from '@impact/contracts';
import { AuditService } from '../audit/audit.service';
import { diffObjects } from '../audit/diff';
import { requireAccess } from '../auth/access';
import type { AuthUser } from '../auth/auth-user';
import { ForbiddenError, NotFoundError, StaleVersionError, ValidationFailedError, WorkflowError } from '../common/errors';
import { given, trimmed } from '../common/records';
import { requireRefs } from '../common/refs';
import { PlacesRepository } from '../places/places.repository';
import { commitmentRecord, CommitmentsRepository } from './commitments.repository';
import type { CommitmentListQueryDto, CommitmentTransitionDto, CreateCommitmentDto, UpdateCommitmentDto } from './dto/commitment.dto';

const noSuchCity = () => new ValidationFailedError([{ field: 'cityId', message: 'cityId refers to a record that does not exist' }]);

/** The commitment use cases: scope, the liaison's limits, the workflow, one transaction and its audit row. */
@Injectable()
export class CommitmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly commitments: CommitmentsRepository,
    private readonly places: PlacesRepository,
    private readonly audit: AuditService,
  ) {}

  /** One page of the list as its answer's JSON text (a `Page<CommitmentListItem>`). */
  listJson(user: AuthUser, query: CommitmentListQueryDto): Promise<string> {
    return this.commitments.listJson(user, query);
  }

  export(user: AuthUser, query: CommitmentListQueryDto): Promise<CommitmentListItem[]> {
    return this.commitments.all(user, query);
  }

  /** The live commitment, whoever asks (callers check access); 404 when there is none. */
  async load(id: string, m?: EntityManager, lock = false): Promise<CommitmentListItem> {
    const commitment = await this.commitments.findLive(id, m, lock);
    if (!commitment) throw new NotFoundError('Commitment', id);
    return commitment;
  }

  async get(user: AuthUser, id: string): Promise<CommitmentListItem> {
    const commitment = await this.load(id);
    requireAccess(user, 'commitments', 'read', commitmentPlace(commitment), () => new NotFoundError('Commitment', id));
    return commitment;
  }

  /** The hub of the live city `cityId`, or a 400 naming the field. */
  private async cityHub(m: EntityManager, cityId: string): Promise<string> {
    const place = await this.places.ofCity(m, cityId);
    if (!place) throw noSuchCity();
    return place.hubId;
  }

  /** The commitment, what inspired it and its partners land together or not at all. */
  async create(user: AuthUser, dto: CreateCommitmentDto): Promise<CommitmentListItem> {
    return this.dataSource.transaction((m) => this.createIn(m, user, dto));
  }

  /** The rule a create in `hubId` (the city's hub) follows (an import's preview runs it too). */
  checkCreate(user: AuthUser, dto: Pick<CreateCommitmentDto, 'cityId'>, hubId: string): void {
    requireAccess(user, 'commitments', 'create', { hubIds: [hubId], cityIds: [dto.cityId] }, noSuchCity);
  }

  /**
   * The rules an edit of `before` follows: the commitment's own scope, a liaison's fields, and (moving
   * it to another city) the right to create in that city's hub `newHubId`.
   */
  checkUpdate(user: AuthUser, before: CommitmentListItem, dto: Partial<UpdateCommitmentDto>, newHubId?: string): void {
    requireAccess(user, 'commitments', 'update', commitmentPlace(before), () => new NotFoundError('Commitment', before.id));
    if (user.role === 'city_liaison') {
      const allowed: readonly string[] = ['version', ...LIAISON_COMMITMENT_FIELDS];
      const refused = Object.keys(dto).filter((k) => dto[k as keyof UpdateCommitmentDto] !== undefined && !allowed.includes(k));
      if (refused.length)
        throw new ForbiddenError(`A city liaison may change only ${LIAISON_COMMITMENT_FIELDS.join(' and ')}; not ${refused.join(', ')}.`);
    }
    if (dto.cityId !== undefined && dto.cityId !== before.cityId && newHubId !== undefined)
      requireAccess(user, 'commitments', 'create', { hubIds: [newHubId], cityIds: [dto.cityId] });
  }

  /** A create inside the caller's transaction, with every check of `create`; `note` goes on the audit row. */
  async createIn(m: EntityManager, user: AuthUser, dto: CreateCommitmentDto, note?: string): Promise<CommitmentListItem> {
    const hubId = await this.cityHub(m, dto.cityId);
    this.checkCreate(user, dto, hubId);
    await requireRefs(m, [{ field: 'ownerId', table: 'users', ids: [dto.ownerId] }]);
    const id = await this.commitments.insert(m, {
      title: dto.title.trim(),
      kind: dto.kind,
      cityId: dto.cityId,
      hubId,
      ownerId: dto.ownerId ?? null,
      targetDate: dto.targetDate ?? null,
      progress: dto.progress ?? 0,
      description: dto.description?.trim() ?? '',
    });
    await this.commitments.setLinks(m, id, {
      inspiredByEngagementIds: dto.inspiredByEngagementIds ?? [],
      partnerIds: dto.partnerIds ?? [],
    });
    await this.commitments.recordStatus(m, id, { from: null, to: 'pledged', actorId: user.id });
    const created = await this.load(id, m);
    await this.audit.created(m, user.id, 'commitment', id, commitmentRecord(created), note);
    return created;
  }

  /**
   * Hub managers (in their hubs) and admins change any field; a city liaison only progress and owner
   * (LIAISON_COMMITMENT_FIELDS) of its cities' commitments. Status moves only by transitions.
   */
  async update(user: AuthUser, id: string, dto: UpdateCommitmentDto): Promise<CommitmentListItem> {
    return this.dataSource.transaction((m) => this.updateIn(m, user, id, dto));
  }

  /** An edit inside the caller's transaction, with every check of `update`; `note` goes on the audit row. */
  async updateIn(m: EntityManager, user: AuthUser, id: string, dto: UpdateCommitmentDto, note?: string): Promise<CommitmentListItem> {
    const before = await this.load(id, m);
    this.checkUpdate(user, before, dto);
    let hubId = before.hubId;
    if (dto.cityId !== undefined && dto.cityId !== before.cityId) {
      hubId = await this.cityHub(m, dto.cityId);
      this.checkUpdate(user, before, dto, hubId);
    }
    await requireRefs(m, [{ field: 'ownerId', table: 'users', ids: [dto.ownerId] }]);
    if (before.version !== dto.version) throw new StaleVersionError(before);
    const { version, inspiredByEngagementIds, partnerIds, ...fields } = dto;
    const values = given({ ...fields, title: trimmed(fields.title), description: trimmed(fields.description), hubId });
    if (!(await this.commitments.update(m, id, version, values))) throw new StaleVersionError(await this.load(id, m));
    await this.commitments.setLinks(m, id, { inspiredByEngagementIds, partnerIds });
    const after = await this.load(id, m);
    await this.audit.updated(m, user.id, 'commitment', id, commitmentRecord(before), commitmentRecord(after), note);
    return after;
  }

  async archive(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const before = await this.load(id, m);
      requireAccess(user, 'commitments', 'archive', commitmentPlace(before), () => new NotFoundError('Commitment', id));
      if (await this.commitments.archive(m, id)) await this.audit.archived(m, user.id, 'commitment', id);
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
      if (dto.to === 'achieved' && (await this.commitments.countOutcomes(m, id)) === 0) {
        throw new WorkflowError(
          before.status,
          dto.to,
          'A commitment can be marked achieved only once at least one outcome is recorded on it.',
        );
      }
      // Reopening an achieved commitment (undoing "Achieved") gives back the progress it had before.
      const reopened = before.status === 'achieved' ? await this.commitments.progressBeforeAchieved(m, id) : null;
      await this.commitments.moveStatus(m, id, {
        from: before.status,
        to: dto.to,
        actorId: user.id,
        note: dto.note,
        ...(reopened !== null ? { progress: reopened } : {}),
      });
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
    return this.audit.historyOf(this.dataSource.manager, 'commitment', id);
  }
}
