import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CityListItem, CityTimeline, Page, RecordPlace, Ref } from '@impact/contracts';
import { AuditService } from '../audit/audit.service';
import { diffObjects } from '../audit/diff';
import { requireAccess } from '../auth/access';
import type { AuthUser } from '../auth/auth-user';
import { NotFoundError, StaleVersionError } from '../common/errors';
import { allRows, pagedQuery, pageParams, toPage } from '../common/list';
import { archiveRecord, trimmed, updateVersioned } from '../common/legacy-records';
import { requireRefs } from '../common/legacy-refs';
import { CommitmentsRepository } from '../commitments/commitments.repository';
import { engagementQuery, toEngagementListItem, type EngagementRow } from '../engagements/engagement.read';
import { followUpQuery, toFollowUpListItem, type FollowUpRow } from '../follow-ups/follow-up.read';
import { outcomeQuery, toOutcomeListItem, type OutcomeRow } from '../outcomes/outcome.read';
import { CITY_FROM, CITY_SELECT, cityQuery, cityRecord, toCityListItem, type CityRow } from './city.read';
import type { CityListQueryDto, CreateCityDto, UpdateCityDto } from './dto/city.dto';

const COLUMNS = {
  name: 'name',
  countryCode: 'country_code',
  hubId: 'hub_id',
  kind: 'kind',
  membershipStatus: 'membership_status',
  memberSince: 'member_since',
  leadOfficial: 'lead_official',
  latitude: 'latitude',
  longitude: 'longitude',
};

const placeOf = (c: { id: string; hubId: string }): RecordPlace => ({ hubIds: [c.hubId], cityIds: [c.id] });

/** Cities: hub managers keep the cities of their hubs; liaisons read their own; the liaisons themselves are set on users. */
@Injectable()
export class CitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly commitments: CommitmentsRepository,
  ) {}

  async list(user: AuthUser, query: CityListQueryDto): Promise<Page<CityListItem>> {
    const { page, pageSize } = pageParams(query);
    const { rows, total } = await pagedQuery<CityRow>(this.dataSource.manager, cityQuery(user, query), page, pageSize);
    return toPage(rows.map(toCityListItem), total, page, pageSize);
  }

  async export(user: AuthUser, query: CityListQueryDto): Promise<CityListItem[]> {
    return (await allRows<CityRow>(this.dataSource.manager, cityQuery(user, query))).map(toCityListItem);
  }

  /** The live city, whoever asks; callers check access. */
  async load(id: string, m: EntityManager = this.dataSource.manager): Promise<CityListItem> {
    const [row]: CityRow[] = await m.query(`SELECT ${CITY_SELECT} FROM ${CITY_FROM} WHERE c.id = $1 AND c.archived_at IS NULL`, [id]);
    if (!row) throw new NotFoundError('City', id);
    return toCityListItem(row);
  }

  async get(user: AuthUser, id: string): Promise<CityListItem> {
    const city = await this.load(id);
    requireAccess(user, 'cities', 'read', placeOf(city), () => new NotFoundError('City', id));
    return city;
  }

  async create(user: AuthUser, dto: CreateCityDto): Promise<CityListItem> {
    requireAccess(user, 'cities', 'create', { hubIds: [dto.hubId], cityIds: [] });
    return this.dataSource.transaction(async (m) => {
      await requireRefs(m, [{ field: 'hubId', table: 'hubs', ids: [dto.hubId] }]);
      const [{ id }] = await m.query(
        `INSERT INTO cities (name, country_code, hub_id, kind, membership_status, member_since, lead_official, latitude, longitude)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          dto.name.trim(),
          dto.countryCode,
          dto.hubId,
          dto.kind,
          dto.membershipStatus,
          dto.memberSince ?? null,
          trimmed(dto.leadOfficial) ?? null,
          dto.latitude ?? null,
          dto.longitude ?? null,
        ],
      );
      const created = await this.load(id, m);
      await this.audit.record(m, { actorId: user.id, entity: 'city', entityId: id, action: 'create', changes: diffObjects(null, { ...cityRecord(created) }) });
      return created;
    });
  }

  async update(user: AuthUser, id: string, dto: UpdateCityDto): Promise<CityListItem> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.load(id, m);
      requireAccess(user, 'cities', 'update', placeOf(before), () => new NotFoundError('City', id));
      const movesHub = dto.hubId !== undefined && dto.hubId !== before.hubId;
      if (movesHub) {
        // Moving a city needs the right to keep cities in the hub it goes to as well.
        requireAccess(user, 'cities', 'create', { hubIds: [dto.hubId as string], cityIds: [] });
        await requireRefs(m, [{ field: 'hubId', table: 'hubs', ids: [dto.hubId] }]);
      }
      if (before.version !== dto.version) throw new StaleVersionError(before);
      const values = { ...dto, name: trimmed(dto.name), leadOfficial: trimmed(dto.leadOfficial) };
      if (!(await updateVersioned(m, 'cities', id, dto.version, values, COLUMNS))) throw new StaleVersionError(await this.load(id, m));
      // A commitment's hub is its city's hub, kept on the row for scope checks.
      if (movesHub) await m.query(`UPDATE commitments SET hub_id = $2 WHERE city_id = $1`, [id, dto.hubId]);
      const after = await this.load(id, m);
      await this.audit.record(m, {
        actorId: user.id,
        entity: 'city',
        entityId: id,
        action: 'update',
        changes: diffObjects({ ...cityRecord(before) }, { ...cityRecord(after) }),
      });
      return after;
    });
  }

  async archive(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const before = await this.load(id, m);
      requireAccess(user, 'cities', 'archive', placeOf(before), () => new NotFoundError('City', id));
      if (await archiveRecord(m, 'cities', id)) {
        await this.audit.record(m, { actorId: user.id, entity: 'city', entityId: id, action: 'archive', changes: null });
      }
    });
  }

  /**
   * The city's whole chain in one answer: the city, its liaisons, the engagements it hosted, hosted
   * the place of or took part in, its commitments, their follow-ups and outcomes, and who learned
   * from whom. Each part is one query (seven in all), each filtered by what the caller may read.
   */
  async timeline(user: AuthUser, id: string): Promise<CityTimeline> {
    const city = await this.get(user, id);
    const m = this.dataSource.manager;
    const cap = 2_000;
    const [liaisons, engagements, commitments, followUps, outcomes, links] = await Promise.all([
      m.query(`SELECT u.id, u.name FROM city_liaisons cl JOIN users u ON u.id = cl.user_id WHERE cl.city_id = $1 AND u.active ORDER BY u.name, u.id`, [
        id,
      ]) as Promise<Ref[]>,
      allRows<EngagementRow>(m, engagementQuery(user, { cityId: id, sort: 'startDate:asc' }), cap),
      this.commitments.all(user, { cityId: id, sort: 'createdAt:asc' }, cap),
      allRows<FollowUpRow>(m, followUpQuery(user, { cityId: id, sort: 'dueDate:asc' }), cap),
      allRows<OutcomeRow>(m, outcomeQuery(user, { cityId: id, sort: 'date:asc' }), cap),
      this.learningLinks(m, id),
    ]);
    return {
      city,
      liaisons,
      engagements: engagements.map(toEngagementListItem),
      commitments,
      followUps: followUps.map(toFollowUpListItem),
      outcomes: outcomes.map(toOutcomeListItem),
      learnedFrom: links.filter((l) => l.direction === 'learned').map(({ city, engagement }) => ({ city, engagement })),
      taught: links.filter((l) => l.direction === 'taught').map(({ city, engagement }) => ({ city, engagement })),
    };
  }

  /**
   * Peer learning, through "inspired by": learned = another city hosted an engagement that inspired
   * a commitment of this city; taught = this city hosted one that inspired another city's commitment.
   */
  private async learningLinks(m: EntityManager, id: string): Promise<{ direction: 'learned' | 'taught'; city: Ref; engagement: Ref }[]> {
    const rows: { direction: 'learned' | 'taught'; city_id: string; city_name: string; engagement_id: string; engagement_title: string }[] = await m.query(
      `SELECT DISTINCT 'learned' AS direction, hc.id AS city_id, hc.name AS city_name, e.id AS engagement_id, e.title AS engagement_title, e.start_date
         FROM commitments c JOIN commitment_engagements ce ON ce.commitment_id = c.id JOIN engagements e ON e.id = ce.engagement_id
         JOIN cities hc ON hc.id = e.host_city_id
        WHERE c.city_id = $1 AND c.archived_at IS NULL AND e.archived_at IS NULL AND e.host_city_id <> $1
       UNION
       SELECT DISTINCT 'taught', cc.id, cc.name, e.id, e.title, e.start_date
         FROM engagements e JOIN commitment_engagements ce ON ce.engagement_id = e.id JOIN commitments c ON c.id = ce.commitment_id
         JOIN cities cc ON cc.id = c.city_id
        WHERE e.host_city_id = $1 AND e.archived_at IS NULL AND c.archived_at IS NULL AND c.city_id <> $1
       ORDER BY start_date, city_name`,
      [id],
    );
    return rows.map((r) => ({ direction: r.direction, city: { id: r.city_id, name: r.city_name }, engagement: { id: r.engagement_id, name: r.engagement_title } }));
  }
}
