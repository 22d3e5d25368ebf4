import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { cityPlace, type CityListItem, type CityTimeline, type Page } from '@impact/contracts';
import { AuditService } from '../audit/audit.service';
import { requireAccess } from '../auth/access';
import type { AuthUser } from '../auth/auth-user';
import { NotFoundError, StaleVersionError } from '../common/errors';
import { given, trimmed } from '../common/records';
import { requireRefs } from '../common/refs';
import { CommitmentsRepository } from '../commitments/commitments.repository';
import { EngagementsRepository } from '../engagements/engagements.repository';
import { FollowUpsRepository } from '../follow-ups/follow-ups.repository';
import { OutcomesRepository } from '../outcomes/outcomes.repository';
import { CitiesRepository } from './cities.repository';
import { cityRecord } from './city.read';
import type { CityListQueryDto, CreateCityDto, UpdateCityDto } from './dto/city.dto';

/** The most records of each kind a city's timeline shows. */
const TIMELINE_CAP = 2_000;

/** Cities: hub managers keep the cities of their hubs; liaisons read their own; the liaisons themselves are set on users. */
@Injectable()
export class CitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cities: CitiesRepository,
    private readonly audit: AuditService,
    private readonly commitments: CommitmentsRepository,
    private readonly outcomes: OutcomesRepository,
    private readonly engagements: EngagementsRepository,
    private readonly followUps: FollowUpsRepository,
  ) {}

  list(user: AuthUser, query: CityListQueryDto): Promise<Page<CityListItem>> {
    return this.cities.list(user, query);
  }

  export(user: AuthUser, query: CityListQueryDto): Promise<CityListItem[]> {
    return this.cities.all(user, query);
  }

  /** The live city, whoever asks (callers check access); 404 when there is none. */
  async load(id: string, m?: EntityManager): Promise<CityListItem> {
    const city = await this.cities.findLive(id, m);
    if (!city) throw new NotFoundError('City', id);
    return city;
  }

  async get(user: AuthUser, id: string): Promise<CityListItem> {
    const city = await this.load(id);
    requireAccess(user, 'cities', 'read', cityPlace(city), () => new NotFoundError('City', id));
    return city;
  }

  async create(user: AuthUser, dto: CreateCityDto): Promise<CityListItem> {
    this.checkCreate(user, dto);
    return this.dataSource.transaction((m) => this.createIn(m, user, dto));
  }

  /** The rule a create follows before anything is read or written (an import's preview runs it too). */
  checkCreate(user: AuthUser, dto: Pick<CreateCityDto, 'hubId'>): void {
    requireAccess(user, 'cities', 'create', { hubIds: [dto.hubId], cityIds: [] });
  }

  /** The rules an edit of `before` follows: the city's own scope, and the hub it moves to. */
  checkUpdate(user: AuthUser, before: CityListItem, dto: Pick<UpdateCityDto, 'hubId'>): void {
    requireAccess(user, 'cities', 'update', cityPlace(before), () => new NotFoundError('City', before.id));
    // Moving a city needs the right to keep cities in the hub it goes to as well.
    if (dto.hubId !== undefined && dto.hubId !== before.hubId) this.checkCreate(user, { hubId: dto.hubId });
  }

  /** A create inside the caller's transaction (checked with `checkCreate` first); `note` goes on the audit row. */
  async createIn(m: EntityManager, user: AuthUser, dto: CreateCityDto, note?: string): Promise<CityListItem> {
    await requireRefs(m, [{ field: 'hubId', table: 'hubs', ids: [dto.hubId] }]);
    const id = await this.cities.insert(m, {
      name: dto.name.trim(),
      countryCode: dto.countryCode,
      hubId: dto.hubId,
      kind: dto.kind,
      membershipStatus: dto.membershipStatus,
      memberSince: dto.memberSince ?? null,
      leadOfficial: trimmed(dto.leadOfficial) ?? null,
      latitude: dto.latitude ?? null,
      longitude: dto.longitude ?? null,
    });
    const created = await this.load(id, m);
    await this.audit.created(m, user.id, 'city', id, cityRecord(created), note);
    return created;
  }

  async update(user: AuthUser, id: string, dto: UpdateCityDto): Promise<CityListItem> {
    return this.dataSource.transaction((m) => this.updateIn(m, user, id, dto));
  }

  /** An edit inside the caller's transaction, with every check of `update`; `note` goes on the audit row. */
  async updateIn(m: EntityManager, user: AuthUser, id: string, dto: UpdateCityDto, note?: string): Promise<CityListItem> {
    const before = await this.load(id, m);
    this.checkUpdate(user, before, dto);
    const movesHub = dto.hubId !== undefined && dto.hubId !== before.hubId;
    if (movesHub) await requireRefs(m, [{ field: 'hubId', table: 'hubs', ids: [dto.hubId] }]);
    if (before.version !== dto.version) throw new StaleVersionError(before);
    const { version, ...fields } = dto;
    const values = given({ ...fields, name: trimmed(fields.name), leadOfficial: trimmed(fields.leadOfficial) });
    if (!(await this.cities.update(m, id, version, values))) throw new StaleVersionError(await this.load(id, m));
    // A commitment's hub is its city's hub, kept on the row for scope checks.
    if (movesHub) await this.commitments.moveCityToHub(m, id, dto.hubId as string);
    const after = await this.load(id, m);
    await this.audit.updated(m, user.id, 'city', id, cityRecord(before), cityRecord(after), note);
    return after;
  }

  async archive(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const before = await this.load(id, m);
      requireAccess(user, 'cities', 'archive', cityPlace(before), () => new NotFoundError('City', id));
      if (await this.cities.archive(m, id)) {
        await this.audit.archived(m, user.id, 'city', id);
      }
    });
  }

  /**
   * The city's whole chain in one answer: the city, its liaisons, the engagements it hosted, hosted
   * the place of or took part in, its commitments, their follow-ups and outcomes, and who learned
   * from whom. Each part is filtered by what the caller may read.
   */
  async timeline(user: AuthUser, id: string): Promise<CityTimeline> {
    const city = await this.get(user, id);
    const [liaisons, engagements, commitments, followUps, outcomes, links] = await Promise.all([
      this.cities.liaisons(id),
      this.engagements.all(user, { cityId: id, sort: 'startDate:asc' }, TIMELINE_CAP),
      this.commitments.all(user, { cityId: id, sort: 'createdAt:asc' }, TIMELINE_CAP),
      this.followUps.all(user, { cityId: id, sort: 'dueDate:asc' }, TIMELINE_CAP),
      this.outcomes.all(user, { cityId: id, sort: 'date:asc' }, TIMELINE_CAP),
      this.cities.learningLinks(id),
    ]);
    return {
      city,
      liaisons,
      engagements,
      commitments,
      followUps,
      outcomes,
      learnedFrom: links.learnedFrom,
      taught: links.taught,
    };
  }
}
