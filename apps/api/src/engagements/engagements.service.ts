import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { EngagementListItem, Page, RecordPlace } from '@impact/contracts';
import { AuditService } from '../audit/audit.service';
import { diffObjects } from '../audit/diff';
import { requireAccess } from '../auth/access';
import type { AuthUser } from '../auth/auth-user';
import { NotFoundError, StaleVersionError, ValidationFailedError } from '../common/errors';
import { allRows, pagedQuery, pageParams, toPage } from '../common/list';
import { archiveRecord, trimmed, updateVersioned } from '../common/legacy-records';
import { replaceLinks, requireRefs } from '../common/legacy-refs';
import type { CreateEngagementDto, EngagementListQueryDto, UpdateEngagementDto } from './dto/engagement.dto';
import { ENGAGEMENT_FROM, ENGAGEMENT_SELECT, engagementQuery, engagementRecord, toEngagementListItem, type EngagementRow } from './engagement.read';

const COLUMNS = {
  title: 'title',
  type: 'type',
  hubId: 'hub_id',
  startDate: 'start_date',
  endDate: 'end_date',
  locationCityId: 'location_city_id',
  online: 'online',
  hostCityId: 'host_city_id',
  summary: 'summary',
  evidenceLinks: 'evidence_links',
  participantsTotal: 'participants_total',
  participantsMayors: 'participants_mayors',
  participantsOfficials: 'participants_officials',
  participantsYouth: 'participants_youth',
  participantsWomen: 'participants_women',
  participantsCommunityLeaders: 'participants_community_leaders',
};

const CITY_LINKS = { table: 'engagement_cities', ownerColumn: 'engagement_id', otherColumn: 'city_id', otherTable: 'cities', field: 'participatingCityIds' } as const;
const PARTNER_LINKS = { table: 'engagement_partners', ownerColumn: 'engagement_id', otherColumn: 'partner_id', otherTable: 'partners', field: 'partnerIds' } as const;

/** Where an engagement sits: its hub, and every city it concerns (host, place, participants). */
export function engagementPlace(e: EngagementListItem): RecordPlace {
  return {
    hubIds: [e.hubId],
    cityIds: [e.hostCityId, e.locationCityId, ...e.participatingCityIds].filter((id): id is string => !!id),
  };
}

function participantColumns(p: UpdateEngagementDto['participants']): Record<string, number | undefined> {
  return {
    participantsTotal: p?.total,
    participantsMayors: p?.mayors,
    participantsOfficials: p?.officials,
    participantsYouth: p?.youth,
    participantsWomen: p?.women,
    participantsCommunityLeaders: p?.communityLeaders,
  };
}

@Injectable()
export class EngagementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, query: EngagementListQueryDto): Promise<Page<EngagementListItem>> {
    const { page, pageSize } = pageParams(query);
    const { rows, total } = await pagedQuery<EngagementRow>(this.dataSource.manager, engagementQuery(user, query), page, pageSize);
    return toPage(rows.map(toEngagementListItem), total, page, pageSize);
  }

  async export(user: AuthUser, query: EngagementListQueryDto): Promise<EngagementListItem[]> {
    return (await allRows<EngagementRow>(this.dataSource.manager, engagementQuery(user, query))).map(toEngagementListItem);
  }

  async load(id: string, m: EntityManager = this.dataSource.manager): Promise<EngagementListItem> {
    const [row]: EngagementRow[] = await m.query(`SELECT ${ENGAGEMENT_SELECT} FROM ${ENGAGEMENT_FROM} WHERE e.id = $1 AND e.archived_at IS NULL`, [id]);
    if (!row) throw new NotFoundError('Engagement', id);
    return toEngagementListItem(row);
  }

  async get(user: AuthUser, id: string): Promise<EngagementListItem> {
    const engagement = await this.load(id);
    requireAccess(user, 'engagements', 'read', engagementPlace(engagement), () => new NotFoundError('Engagement', id));
    return engagement;
  }

  /** The engagement, its participating cities and its partners land together or not at all. */
  async create(user: AuthUser, dto: CreateEngagementDto): Promise<EngagementListItem> {
    requireAccess(user, 'engagements', 'create', { hubIds: [dto.hubId], cityIds: [] });
    return this.dataSource.transaction(async (m) => {
      await requireRefs(m, [
        { field: 'hubId', table: 'hubs', ids: [dto.hubId] },
        { field: 'locationCityId', table: 'cities', ids: [dto.locationCityId] },
        { field: 'hostCityId', table: 'cities', ids: [dto.hostCityId] },
      ]);
      const p = dto.participants;
      const [{ id }] = await m.query(
        `INSERT INTO engagements (title, type, hub_id, start_date, end_date, location_city_id, online, host_city_id, summary, evidence_links,
           participants_total, participants_mayors, participants_officials, participants_youth, participants_women, participants_community_leaders)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
        [
          dto.title.trim(),
          dto.type,
          dto.hubId,
          dto.startDate,
          dto.endDate ?? null,
          dto.locationCityId ?? null,
          dto.online ?? false,
          dto.hostCityId ?? null,
          dto.summary?.trim() ?? '',
          dto.evidenceLinks ?? [],
          p?.total ?? 0,
          p?.mayors ?? 0,
          p?.officials ?? 0,
          p?.youth ?? 0,
          p?.women ?? 0,
          p?.communityLeaders ?? 0,
        ],
      );
      await replaceLinks(m, CITY_LINKS, id, dto.participatingCityIds ?? []);
      await replaceLinks(m, PARTNER_LINKS, id, dto.partnerIds ?? []);
      const created = await this.load(id, m);
      await this.audit.record(m, {
        actorId: user.id,
        entity: 'engagement',
        entityId: id,
        action: 'create',
        changes: diffObjects(null, { ...engagementRecord(created) }),
      });
      return created;
    });
  }

  async update(user: AuthUser, id: string, dto: UpdateEngagementDto): Promise<EngagementListItem> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.load(id, m);
      requireAccess(user, 'engagements', 'update', engagementPlace(before), () => new NotFoundError('Engagement', id));
      if (dto.hubId !== undefined && dto.hubId !== before.hubId) requireAccess(user, 'engagements', 'create', { hubIds: [dto.hubId], cityIds: [] });
      const startDate = dto.startDate ?? before.startDate;
      const endDate = dto.endDate === undefined ? before.endDate : dto.endDate;
      if (endDate && endDate < startDate) throw new ValidationFailedError([{ field: 'endDate', message: 'endDate must not be before startDate' }]);
      await requireRefs(m, [
        { field: 'hubId', table: 'hubs', ids: [dto.hubId] },
        { field: 'locationCityId', table: 'cities', ids: [dto.locationCityId] },
        { field: 'hostCityId', table: 'cities', ids: [dto.hostCityId] },
      ]);
      if (before.version !== dto.version) throw new StaleVersionError(before);
      const values = { ...dto, title: trimmed(dto.title), summary: trimmed(dto.summary), ...participantColumns(dto.participants) };
      if (!(await updateVersioned(m, 'engagements', id, dto.version, values, COLUMNS))) throw new StaleVersionError(await this.load(id, m));
      if (dto.participatingCityIds) await replaceLinks(m, CITY_LINKS, id, dto.participatingCityIds);
      if (dto.partnerIds) await replaceLinks(m, PARTNER_LINKS, id, dto.partnerIds);
      const after = await this.load(id, m);
      await this.audit.record(m, {
        actorId: user.id,
        entity: 'engagement',
        entityId: id,
        action: 'update',
        changes: diffObjects({ ...engagementRecord(before) }, { ...engagementRecord(after) }),
      });
      return after;
    });
  }

  async archive(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const before = await this.load(id, m);
      requireAccess(user, 'engagements', 'archive', engagementPlace(before), () => new NotFoundError('Engagement', id));
      if (await archiveRecord(m, 'engagements', id)) {
        await this.audit.record(m, { actorId: user.id, entity: 'engagement', entityId: id, action: 'archive', changes: null });
      }
    });
  }
}
