import type { FollowUp, FollowUpFilters, FollowUpKind, FollowUpListItem, FollowUpStatus } from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { scopeCondition } from '../auth/access';
import { followUpOverdueSql, isoDate } from '../rules';
import { likePattern, orderBy, sortFields, Where, type PagedQuery } from '../common/list';
import { engagementInCities } from '../engagements/engagement.read';

export interface FollowUpRow {
  id: string;
  commitment_id: string | null;
  engagement_id: string | null;
  title: string;
  kind: FollowUpKind;
  owner_id: string | null;
  due_date: string | null;
  status: FollowUpStatus;
  completed_at: Date | null;
  note: string | null;
  overdue: boolean;
  version: number;
  city_id: string | null;
  city_name: string | null;
  hub_id: string;
  owner_name: string | null;
  commitment_title: string | null;
  engagement_title: string | null;
}

/** A follow-up's city and hub are its commitment's; without one, its engagement's (host, else place). */
export const FOLLOW_UP_SELECT = `f.id, f.commitment_id, f.engagement_id, f.title, f.kind, f.owner_id, ${isoDate('f.due_date')} AS due_date,
  f.status, f.completed_at, f.note, ${followUpOverdueSql('f')} AS overdue, f.version,
  fc.id AS city_id, fc.name AS city_name, COALESCE(c.hub_id, e.hub_id) AS hub_id, u.name AS owner_name,
  c.title AS commitment_title, e.title AS engagement_title`;

export const FOLLOW_UP_FROM = `follow_ups f LEFT JOIN commitments c ON c.id = f.commitment_id LEFT JOIN engagements e ON e.id = f.engagement_id
  LEFT JOIN cities fc ON fc.id = COALESCE(c.city_id, e.host_city_id, e.location_city_id) LEFT JOIN users u ON u.id = f.owner_id`;

/** The follow-up concerns one of the cities in `p`: its commitment's city, or (without one) its engagement's cities. */
export const followUpInCities = (p: string): string =>
  `((c.id IS NOT NULL AND c.city_id = ANY(${p}::uuid[])) OR (c.id IS NULL AND ${engagementInCities('e', p)}))`;

const SORTS = sortFields({ dueDate: 'f.due_date', title: 'f.title', status: 'f.status' });

export function toFollowUpListItem(r: FollowUpRow): FollowUpListItem {
  return {
    id: r.id,
    commitmentId: r.commitment_id,
    engagementId: r.engagement_id,
    title: r.title,
    kind: r.kind,
    ownerId: r.owner_id,
    dueDate: r.due_date,
    status: r.status,
    completedAt: r.completed_at ? r.completed_at.toISOString() : null,
    note: r.note,
    overdue: r.overdue,
    version: r.version,
    cityId: r.city_id,
    cityName: r.city_name,
    hubId: r.hub_id,
    ownerName: r.owner_name,
    commitmentTitle: r.commitment_title,
    engagementTitle: r.engagement_title,
  };
}

export function followUpRecord(f: FollowUpListItem): Omit<FollowUp, 'overdue'> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { cityId, cityName, hubId, ownerName, commitmentTitle, engagementTitle, overdue, ...followUp } = f;
  return followUp;
}

export function followUpQuery(user: AuthUser, f: FollowUpFilters, where = new Where()): PagedQuery {
  where.add('f.archived_at IS NULL');
  where.add(scopeCondition(user, 'followUps', 'read', { hub: (p) => `COALESCE(c.hub_id, e.hub_id) = ANY(${p}::uuid[])`, city: followUpInCities }, where.params));
  where.when(f.hubId, 'COALESCE(c.hub_id, e.hub_id) = ?::uuid');
  if (f.cityId) where.add(followUpInCities(`ARRAY[${where.param(f.cityId)}]`));
  where.when(f.ownerId, 'f.owner_id = ?::uuid');
  where.when(f.status, 'f.status = ?');
  where.when(f.commitmentId, 'f.commitment_id = ?::uuid');
  where.when(f.engagementId, 'f.engagement_id = ?::uuid');
  if (f.overdue !== undefined) where.add(f.overdue ? followUpOverdueSql('f') : `NOT ${followUpOverdueSql('f')}`);
  where.when(likePattern(f.q), '(f.title ILIKE ? OR f.note ILIKE ?)');
  return { select: FOLLOW_UP_SELECT, from: FOLLOW_UP_FROM, where, orderBy: orderBy(f.sort, SORTS, 'f.due_date', 'f.id') };
}
