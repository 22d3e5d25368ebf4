import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  engagementPlace,
  RELATED_MAX_ITEMS,
  type EngagementListItem,
  type EngagementRelated,
  type HistoryEntry,
  type Page,
} from '@impact/contracts';
import { AuditService } from '../audit/audit.service';
import { requireAccess } from '../auth/access';
import type { AuthUser } from '../auth/auth-user';
import { NotFoundError, StaleVersionError, ValidationFailedError } from '../common/errors';
import { given, trimmed } from '../common/records';
import { requireRefs, type RefCheck } from '../common/refs';
import { CommitmentsRepository } from '../commitments/commitments.repository';
import { FollowUpsRepository } from '../follow-ups/follow-ups.repository';
import { StoriesRepository } from '../stories/stories.repository';
import type { CreateEngagementDto, EngagementListQueryDto, UpdateEngagementDto } from './dto/engagement.dto';
import { engagementRecord } from './engagement.read';
import { newEngagementValues, withHost } from './engagement-values';
import { EngagementsRepository } from './engagements.repository';

/** The hub and the host and place cities a create or an edit names must be live records. */
const refs = (dto: Pick<UpdateEngagementDto, 'hubId' | 'locationCityId' | 'hostCityId'>): RefCheck[] => [
  { field: 'hubId', table: 'hubs', ids: [dto.hubId] },
  { field: 'locationCityId', table: 'cities', ids: [dto.locationCityId] },
  { field: 'hostCityId', table: 'cities', ids: [dto.hostCityId] },
];

/** The engagement use cases: scope, one transaction per write and its audit row. */
@Injectable()
export class EngagementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engagements: EngagementsRepository,
    private readonly audit: AuditService,
    private readonly commitments: CommitmentsRepository,
    private readonly followUps: FollowUpsRepository,
    private readonly stories: StoriesRepository,
  ) {}

  list(user: AuthUser, query: EngagementListQueryDto): Promise<Page<EngagementListItem>> {
    return this.engagements.list(user, query);
  }

  /** Every match in the list's order (CSV export, a city's timeline). */
  export(user: AuthUser, query: EngagementListQueryDto, cap?: number): Promise<EngagementListItem[]> {
    return this.engagements.all(user, query, cap);
  }

  /** The live engagement, whoever asks (callers check access); 404 when there is none. */
  async load(id: string, m?: EntityManager): Promise<EngagementListItem> {
    const engagement = await this.engagements.findLive(id, m);
    if (!engagement) throw new NotFoundError('Engagement', id);
    return engagement;
  }

  async get(user: AuthUser, id: string): Promise<EngagementListItem> {
    const engagement = await this.load(id);
    requireAccess(user, 'engagements', 'read', engagementPlace(engagement), () => new NotFoundError('Engagement', id));
    return engagement;
  }

  /**
   * What came of the engagement: the commitments it inspired, the follow-ups linked to it and the
   * stories that cite it, each list filtered by what the caller may read (a few statements per list,
   * however long it is).
   */
  async related(user: AuthUser, id: string): Promise<EngagementRelated> {
    await this.get(user, id);
    const [commitments, followUps, stories] = await Promise.all([
      this.commitments.all(user, { engagementId: id }, RELATED_MAX_ITEMS),
      this.followUps.all(user, { engagementId: id, sort: 'dueDate:asc' }, RELATED_MAX_ITEMS),
      this.stories.all(user, { engagementId: id }, RELATED_MAX_ITEMS),
    ]);
    return { commitments, followUps, stories };
  }

  /** Every audited write of the engagement, oldest first, for whoever may read it. */
  async history(user: AuthUser, id: string): Promise<HistoryEntry[]> {
    await this.get(user, id);
    return this.audit.historyOf(this.dataSource.manager, 'engagement', id);
  }

  /** The engagement, its participating cities and its partners land together or not at all. */
  async create(user: AuthUser, dto: CreateEngagementDto): Promise<EngagementListItem> {
    this.checkCreate(user, dto);
    return this.dataSource.transaction((m) => this.createIn(m, user, dto));
  }

  /** The rule a create follows before anything is read or written (an import's preview runs it too). */
  checkCreate(user: AuthUser, dto: Pick<CreateEngagementDto, 'hubId'>): void {
    requireAccess(user, 'engagements', 'create', { hubIds: [dto.hubId], cityIds: [] });
  }

  /** The rules an edit of `before` follows: the engagement's own scope, and the hub it moves to. */
  checkUpdate(user: AuthUser, before: EngagementListItem, dto: Pick<UpdateEngagementDto, 'hubId'>): void {
    requireAccess(user, 'engagements', 'update', engagementPlace(before), () => new NotFoundError('Engagement', before.id));
    if (dto.hubId !== undefined && dto.hubId !== before.hubId)
      requireAccess(user, 'engagements', 'create', { hubIds: [dto.hubId], cityIds: [] });
  }

  /** A create inside the caller's transaction (checked with `checkCreate` first); `note` goes on the audit row. */
  async createIn(m: EntityManager, user: AuthUser, dto: CreateEngagementDto, note?: string): Promise<EngagementListItem> {
    await requireRefs(m, refs(dto));
    const id = await this.engagements.insert(m, newEngagementValues(dto));
    await this.engagements.setLinks(m, id, {
      participatingCityIds: withHost(dto.participatingCityIds ?? [], dto.hostCityId),
      partnerIds: dto.partnerIds ?? [],
    });
    const created = await this.load(id, m);
    await this.audit.created(m, user.id, 'engagement', id, engagementRecord(created), note);
    return created;
  }

  async update(user: AuthUser, id: string, dto: UpdateEngagementDto): Promise<EngagementListItem> {
    return this.dataSource.transaction((m) => this.updateIn(m, user, id, dto));
  }

  /** An edit inside the caller's transaction, with every check of `update`; `note` goes on the audit row. */
  async updateIn(m: EntityManager, user: AuthUser, id: string, dto: UpdateEngagementDto, note?: string): Promise<EngagementListItem> {
    const before = await this.load(id, m);
    this.checkUpdate(user, before, dto);
    const startDate = dto.startDate ?? before.startDate;
    const endDate = dto.endDate === undefined ? before.endDate : dto.endDate;
    if (endDate && endDate < startDate)
      throw new ValidationFailedError([{ field: 'endDate', message: 'endDate must not be before startDate' }]);
    await requireRefs(m, refs(dto));
    if (before.version !== dto.version) throw new StaleVersionError(before);
    const { version, participatingCityIds, partnerIds, participants, ...fields } = dto;
    const values = given({
      ...fields,
      title: trimmed(fields.title),
      summary: trimmed(fields.summary),
      participants: participants && { ...participants },
    });
    if (!(await this.engagements.update(m, id, version, values))) throw new StaleVersionError(await this.load(id, m));
    // A new host, or a new list of participants, keeps the host among the participants.
    const host = fields.hostCityId === undefined ? before.hostCityId : fields.hostCityId;
    const hostJoins = fields.hostCityId !== undefined && !!host && !before.participatingCityIds.includes(host);
    const participating =
      participatingCityIds !== undefined || hostJoins ? withHost(participatingCityIds ?? before.participatingCityIds, host) : undefined;
    await this.engagements.setLinks(m, id, { participatingCityIds: participating, partnerIds });
    const after = await this.load(id, m);
    await this.audit.updated(m, user.id, 'engagement', id, engagementRecord(before), engagementRecord(after), note);
    return after;
  }

  async archive(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const before = await this.load(id, m);
      requireAccess(user, 'engagements', 'archive', engagementPlace(before), () => new NotFoundError('Engagement', id));
      if (await this.engagements.archive(m, id)) await this.audit.archived(m, user.id, 'engagement', id);
    });
  }
}
