import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import type { EngagementFilters, EngagementListItem, Page } from '@impact/contracts';
import { andWhereInScope } from '../auth/access';
import type { AuthUser } from '../auth/auth-user';
import { andWhereFlag, andWhereGiven, andWhereText, likePattern, listAll, listPage, listSorts } from '../common/list-query';
import { archiveRecord, updateVersioned } from '../common/records';
import { replaceLinks, type LinkTable } from '../common/refs';
import { rawRows } from '../common/statements';
import { engagementConcernsCities, engagementInCitiesSql, engagementLedToCommitmentSql, isoDate } from '../rules';
import { EngagementEntity } from './engagement.entity';
import { toEngagementListItem, type EngagementReadRow } from './engagement.read';

/** The columns a create or an edit may set. */
export type EngagementValues = Partial<
  Pick<
    EngagementEntity,
    | 'title'
    | 'type'
    | 'hubId'
    | 'startDate'
    | 'endDate'
    | 'locationCityId'
    | 'online'
    | 'hostCityId'
    | 'summary'
    | 'evidenceLinks'
    | 'participants'
  >
>;

const SORTS = listSorts(
  { startDate: 'e.start_date', title: 'e.title', type: 'e.type' },
  [
    ['e.start_date', 'DESC'],
    ['e.id', 'ASC'],
  ],
  'e.id',
);

const CITIES: LinkTable = {
  table: 'engagement_cities',
  ownerColumn: 'engagement_id',
  otherColumn: 'city_id',
  otherTable: 'cities',
  field: 'participatingCityIds',
};
const PARTNERS: LinkTable = {
  table: 'engagement_partners',
  ownerColumn: 'engagement_id',
  otherColumn: 'partner_id',
  otherTable: 'partners',
  field: 'partnerIds',
};

/** Every query of the engagements table and its link tables (participating cities, partners). */
/**
 * A title's skeleton in SQL (what the index of migrations 1766100000000 and 1766100000001 holds; keep them identical):
 * the same as `nameSkeleton` in Node.
 */
const titleSkeletonSql = (column: string) =>
  `regexp_replace(replace(lower(normalize(${column}, NFKD)), U&'\\0671', U&'\\0627'), '[^a-z0-9\\u0621-\\u063f\\u0641-\\u064a]', '', 'g')`;

@Injectable()
export class EngagementsRepository {
  constructor(@InjectRepository(EngagementEntity) private readonly engagements: Repository<EngagementEntity>) {}

  private repo(m?: EntityManager): Repository<EngagementEntity> {
    return m ? m.getRepository(EngagementEntity) : this.engagements;
  }

  /**
   * Live engagements the caller may read, alias `e` (the list and the search start here).
   * A liaison reads those its cities hosted, were the place of, or took part in.
   */
  readable(user: AuthUser): SelectQueryBuilder<EngagementEntity> {
    const qb = this.engagements.createQueryBuilder('e').where('e.archived_at IS NULL');
    return andWhereInScope(qb, user, 'engagements', 'read', {
      hub: (p) => `e.hub_id = ANY(${p}::uuid[])`,
      city: (p) => engagementInCitiesSql('e', p),
    });
  }
  /**
   * Live engagements the caller may read among `ids` or whose title's skeleton is among `skeletons`,
   * as id and title: what an import's run of rows may name (its caller then matches names exactly).
   */
  async readableRefs(user: AuthUser, ids: string[], skeletons: string[]): Promise<{ id: string; name: string }[]> {
    const refs = () => this.readable(user).select('e.id', 'id').addSelect('e.title', 'name');
    const byId = ids.length ? await refs().andWhere('e.id = ANY(:ids::uuid[])', { ids }).getRawMany<{ id: string; name: string }>() : [];
    if (!skeletons.length) return byId;
    // Raw SQL: one index lookup per skeleton (LATERAL … OFFSET 0), whatever the statistics say. Right after a
    // large import the planner has no figures for the skeleton index yet and would read every title instead
    // (700 ms a run of rows at 100,000 engagements, against 6 ms).
    const [inner, params] = refs()
      .andWhere(`${titleSkeletonSql('e.title')} = s.k`)
      .getQueryAndParameters();
    const bySkeleton: { id: string; name: string }[] = await this.engagements.query(
      `SELECT x.id, x.name FROM unnest($${params.length + 1}::text[]) AS s(k) CROSS JOIN LATERAL (${inner} OFFSET 0) AS x`,
      [...params, skeletons],
    );
    return [...new Map([...byId, ...bySkeleton].map((r) => [r.id, r])).values()];
  }

  /** Which of `ids` are live records the caller may read (an import reads the records its rows name, no more). */
  async readableIds(user: AuthUser, ids: string[]): Promise<string[]> {
    const rows = await this.readable(user).select('e.id', 'id').andWhere('e.id = ANY(:ids::uuid[])', { ids }).getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** Live engagements the caller may read that match the filters (base table only; see listPage). */
  private filtered(user: AuthUser, f: EngagementFilters): SelectQueryBuilder<EngagementEntity> {
    const qb = this.readable(user);
    andWhereGiven(qb, f.hubId, 'e.hub_id = :hubId', { hubId: f.hubId });
    // With a text search the trigram indexes narrow the rows first, so the city is checked on each of
    // those few (three key lookups); without one, the city's engagements are the smaller set and are
    // collected once (a busy city's union is ~50,000 ids: 130 ms when paid on every text search).
    const inCity = likePattern(f.q) ? engagementConcernsCities : engagementInCitiesSql;
    andWhereGiven(qb, f.cityId, inCity('e', 'ARRAY[:cityId]'), { cityId: f.cityId });
    andWhereGiven(qb, f.type, 'e.type = :type', { type: f.type });
    andWhereGiven(qb, f.from, 'e.start_date >= :from', { from: f.from });
    andWhereGiven(qb, f.to, 'e.start_date <= :to', { to: f.to });
    andWhereFlag(qb, f.ledToCommitment, engagementLedToCommitmentSql('e'));
    andWhereGiven(
      qb,
      f.partnerId,
      'EXISTS (SELECT 1 FROM engagement_partners ep WHERE ep.engagement_id = e.id AND ep.partner_id = :partnerId)',
      { partnerId: f.partnerId },
    );
    return andWhereText(qb, f.q, ['e.title', 'e.summary']);
  }

  list(user: AuthUser, f: EngagementFilters): Promise<Page<EngagementListItem>> {
    // Ids then read models: the read model's joins around the page's subquery cost more to plan than a second statement.
    // A text search usually matches fewer than a page: its total is then the page's own count (see listPage).
    return listPage(this.filtered(user, f), f, SORTS, (ids) => this.load(ids), { cursor: true, countAfterPage: likePattern(f.q) !== null });
  }

  /** Every match in the list's order, up to `cap` (CSV export, a city's timeline). */
  all(user: AuthUser, f: EngagementFilters, cap?: number): Promise<EngagementListItem[]> {
    return listAll(this.filtered(user, f), f, SORTS, (ids) => this.load(ids), cap);
  }

  /**
   * Engagements with their hub, host and place cities, participating cities and partners (the read
   * model): plain typed columns, each link aggregated per engagement in a correlated subquery, so a
   * page is one statement with one row per engagement (no entity hydration, no cities × partners rows).
   */
  private readQuery(m?: EntityManager): SelectQueryBuilder<EngagementEntity> {
    return this.repo(m)
      .createQueryBuilder('e')
      .innerJoin('e.hub', 'h')
      .leftJoin('e.hostCity', 'hc')
      .leftJoin('e.locationCity', 'lc')
      .select('e.id', 'id')
      .addSelect('e.title', 'title')
      .addSelect('e.type', 'type')
      .addSelect('e.hub_id', 'hubId')
      .addSelect(isoDate('e.start_date'), 'startDate')
      .addSelect(isoDate('e.end_date'), 'endDate')
      .addSelect('e.location_city_id', 'locationCityId')
      .addSelect('e.online', 'online')
      .addSelect('e.host_city_id', 'hostCityId')
      .addSelect(
        `json_build_object('total', e.participants_total, 'mayors', e.participants_mayors, 'officials', e.participants_officials,
           'youth', e.participants_youth, 'women', e.participants_women, 'communityLeaders', e.participants_community_leaders)`,
        'participants',
      )
      .addSelect('e.summary', 'summary')
      .addSelect('e.evidence_links', 'evidenceLinks')
      .addSelect('e.version', 'version')
      .addSelect('h.name', 'hubName')
      .addSelect('hc.name', 'hostCityName')
      .addSelect('lc.name', 'locationCityName')
      .addSelect(
        `COALESCE((SELECT json_agg(json_build_object('id', rc.id, 'name', rc.name))
                     FROM engagement_cities rec JOIN cities rc ON rc.id = rec.city_id
                    WHERE rec.engagement_id = e.id), '[]'::json)`,
        'participatingCities',
      )
      .addSelect(
        `COALESCE((SELECT json_agg(json_build_object('id', rp.id, 'name', rp.name))
                     FROM engagement_partners rep JOIN partners rp ON rp.id = rep.partner_id
                    WHERE rep.engagement_id = e.id), '[]'::json)`,
        'partners',
      );
  }

  /**
   * The read models of `ids` (live or not), in no particular order. One array parameter, so the statement
   * is the same for any page and is prepared once per connection (its plan, key lookups, never changes).
   */
  async load(ids: string[], m?: EntityManager): Promise<EngagementListItem[]> {
    const rows = await rawRows<EngagementReadRow>(this.readQuery(m).where('e.id = ANY(:ids::uuid[])', { ids }), { prepare: true });
    return rows.map(toEngagementListItem);
  }

  /** One live engagement, or null. */
  async findLive(id: string, m?: EntityManager): Promise<EngagementListItem | null> {
    const found = await this.readQuery(m).where('e.id = :id AND e.archived_at IS NULL', { id }).getRawOne<EngagementReadRow>();
    return found ? toEngagementListItem(found) : null;
  }

  async insert(
    m: EntityManager,
    values: EngagementValues & Pick<EngagementEntity, 'title' | 'type' | 'hubId' | 'startDate'>,
  ): Promise<string> {
    const result = await m.getRepository(EngagementEntity).insert(values);
    return result.identifiers[0]['id'] as string;
  }

  /** False when `version` is stale or the engagement is archived. */
  update(m: EntityManager, id: string, version: number, values: EngagementValues): Promise<boolean> {
    return updateVersioned(m, EngagementEntity, id, version, values);
  }

  archive(m: EntityManager, id: string): Promise<boolean> {
    return archiveRecord(m, EngagementEntity, id);
  }

  async setLinks(m: EntityManager, id: string, links: { participatingCityIds?: string[]; partnerIds?: string[] }): Promise<void> {
    if (links.participatingCityIds) await replaceLinks(m, CITIES, id, links.participatingCityIds);
    if (links.partnerIds) await replaceLinks(m, PARTNERS, id, links.partnerIds);
  }
}
