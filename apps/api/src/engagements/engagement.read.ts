import type { Engagement, EngagementFilters, EngagementListItem, EngagementType, Ref } from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { scopeCondition } from '../auth/access';
import { isoDate } from '../rules';
import { likePattern, orderBy, sortFields, Where, type PagedQuery } from '../common/list';
import { engagementLedToCommitmentSql } from '../rules';

export interface EngagementRow {
  id: string;
  title: string;
  type: EngagementType;
  hub_id: string;
  start_date: string;
  end_date: string | null;
  location_city_id: string | null;
  online: boolean;
  host_city_id: string | null;
  summary: string;
  evidence_links: string[];
  participants_total: number;
  participants_mayors: number;
  participants_officials: number;
  participants_youth: number;
  participants_women: number;
  participants_community_leaders: number;
  version: number;
  hub_name: string;
  host_city_name: string | null;
  location_city_name: string | null;
  participating_cities: Ref[];
  partners: Ref[];
}

export const ENGAGEMENT_SELECT = `e.id, e.title, e.type, e.hub_id, ${isoDate('e.start_date')} AS start_date, ${isoDate('e.end_date')} AS end_date,
  e.location_city_id, e.online, e.host_city_id, e.summary, e.evidence_links, e.participants_total, e.participants_mayors,
  e.participants_officials, e.participants_youth, e.participants_women, e.participants_community_leaders, e.version,
  h.name AS hub_name, hc.name AS host_city_name, lc.name AS location_city_name,
  COALESCE((SELECT json_agg(json_build_object('id', ci.id, 'name', ci.name) ORDER BY ci.name, ci.id)
              FROM engagement_cities ec JOIN cities ci ON ci.id = ec.city_id WHERE ec.engagement_id = e.id), '[]') AS participating_cities,
  COALESCE((SELECT json_agg(json_build_object('id', p.id, 'name', p.name) ORDER BY p.name, p.id)
              FROM engagement_partners ep JOIN partners p ON p.id = ep.partner_id WHERE ep.engagement_id = e.id), '[]') AS partners`;

export const ENGAGEMENT_FROM = `engagements e JOIN hubs h ON h.id = e.hub_id
  LEFT JOIN cities hc ON hc.id = e.host_city_id LEFT JOIN cities lc ON lc.id = e.location_city_id`;

/** The engagement (alias `e`) concerns one of the cities in `p`: host, place or participant. */
export const engagementInCities = (e: string, p: string): string =>
  `(${e}.host_city_id = ANY(${p}::uuid[]) OR ${e}.location_city_id = ANY(${p}::uuid[])
    OR EXISTS (SELECT 1 FROM engagement_cities ecs WHERE ecs.engagement_id = ${e}.id AND ecs.city_id = ANY(${p}::uuid[])))`;

const SORTS = sortFields({ startDate: 'e.start_date', title: 'e.title', type: 'e.type' });

export function toEngagementListItem(r: EngagementRow): EngagementListItem {
  return {
    id: r.id,
    title: r.title,
    type: r.type,
    hubId: r.hub_id,
    startDate: r.start_date,
    endDate: r.end_date,
    locationCityId: r.location_city_id,
    online: r.online,
    hostCityId: r.host_city_id,
    participatingCityIds: r.participating_cities.map((c) => c.id),
    partnerIds: r.partners.map((p) => p.id),
    participants: {
      total: r.participants_total,
      mayors: r.participants_mayors,
      officials: r.participants_officials,
      youth: r.participants_youth,
      women: r.participants_women,
      communityLeaders: r.participants_community_leaders,
    },
    summary: r.summary,
    evidenceLinks: r.evidence_links,
    version: r.version,
    hubName: r.hub_name,
    hostCityName: r.host_city_name,
    locationCityName: r.location_city_name,
    participatingCities: r.participating_cities,
    partners: r.partners,
  };
}

export function engagementRecord(e: EngagementListItem): Engagement {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { hubName, hostCityName, locationCityName, participatingCities, partners, ...engagement } = e;
  return engagement;
}

/** Live engagements the user may read (liaison: those its cities hosted, were the place of, or took part in). */
export function engagementQuery(user: AuthUser, f: EngagementFilters, where = new Where()): PagedQuery {
  where.add('e.archived_at IS NULL');
  where.add(
    scopeCondition(user, 'engagements', 'read', { hub: (p) => `e.hub_id = ANY(${p}::uuid[])`, city: (p) => engagementInCities('e', p) }, where.params),
  );
  where.when(f.hubId, 'e.hub_id = ?::uuid');
  if (f.cityId) where.add(engagementInCities('e', `ARRAY[${where.param(f.cityId)}]`));
  where.when(f.type, 'e.type = ?');
  where.when(f.from, 'e.start_date >= ?::date');
  where.when(f.to, 'e.start_date <= ?::date');
  if (f.ledToCommitment !== undefined) where.add(f.ledToCommitment ? engagementLedToCommitmentSql('e') : `NOT ${engagementLedToCommitmentSql('e')}`);
  where.when(likePattern(f.q), '(e.title ILIKE ? OR e.summary ILIKE ?)');
  return { select: ENGAGEMENT_SELECT, from: ENGAGEMENT_FROM, where, orderBy: orderBy(f.sort, SORTS, 'e.start_date DESC', 'e.id') };
}
