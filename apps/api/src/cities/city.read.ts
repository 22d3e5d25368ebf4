import type { City, CityFilters, CityKind, CityListItem, MembershipStatus } from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { scopeCondition } from '../auth/access';
import { isoDate } from '../rules';
import { likePattern, orderBy, sortFields, Where, type PagedQuery } from '../common/list';
import { cityActiveSql } from '../rules';

export interface CityRow {
  id: string;
  name: string;
  country_code: string;
  hub_id: string;
  kind: CityKind;
  membership_status: MembershipStatus;
  member_since: string | null;
  lead_official: string | null;
  latitude: number | null;
  longitude: number | null;
  liaison_ids: string[];
  version: number;
  hub_name: string;
}

export const CITY_SELECT = `c.id, c.name, c.country_code, c.hub_id, c.kind, c.membership_status,
  ${isoDate('c.member_since')} AS member_since, c.lead_official, c.latitude, c.longitude, c.version, h.name AS hub_name,
  COALESCE((SELECT array_agg(cl.user_id ORDER BY cl.user_id) FROM city_liaisons cl WHERE cl.city_id = c.id), '{}') AS liaison_ids`;

export const CITY_FROM = `cities c JOIN hubs h ON h.id = c.hub_id`;

const SORTS = sortFields({ name: 'c.name', countryCode: 'c.country_code', memberSince: 'c.member_since' });

export function toCityListItem(r: CityRow): CityListItem {
  return {
    id: r.id,
    name: r.name,
    countryCode: r.country_code,
    hubId: r.hub_id,
    kind: r.kind,
    membershipStatus: r.membership_status,
    memberSince: r.member_since,
    leadOfficial: r.lead_official,
    latitude: r.latitude,
    longitude: r.longitude,
    liaisonIds: r.liaison_ids,
    version: r.version,
    hubName: r.hub_name,
  };
}

/** The record without read-model extras: what the audit log compares. */
export function cityRecord(c: CityListItem): City {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { hubName, ...city } = c;
  return city;
}

/** Live cities the user may read, filtered; `extra` adds conditions (e.g. one id). */
export function cityQuery(user: AuthUser, f: CityFilters, where = new Where()): PagedQuery {
  where.add('c.archived_at IS NULL');
  where.add(scopeCondition(user, 'cities', 'read', { hub: (p) => `c.hub_id = ANY(${p}::uuid[])`, city: (p) => `c.id = ANY(${p}::uuid[])` }, where.params));
  where.when(f.hubId, 'c.hub_id = ?::uuid');
  where.when(f.countryCode, 'c.country_code = ?');
  where.when(f.membershipStatus, 'c.membership_status = ?');
  if (f.active !== undefined || f.activeFrom || f.activeTo) {
    const active = cityActiveSql('c', f.activeFrom ? where.param(f.activeFrom) : null, f.activeTo ? where.param(f.activeTo) : null);
    where.add(f.active === false ? `NOT ${active}` : active);
  }
  where.when(likePattern(f.q), 'c.name ILIKE ?');
  return { select: CITY_SELECT, from: CITY_FROM, where, orderBy: orderBy(f.sort, SORTS, 'c.name', 'c.id') };
}
