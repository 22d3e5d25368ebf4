import type { Commitment, CommitmentFilters, CommitmentKind, CommitmentListItem, CommitmentStatus, Ref } from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { scopeCondition } from '../auth/access';
import { commitmentAtRiskSql, commitmentOverdueSql, isoDate } from '../common/derived-sql';
import { likePattern, orderBy, sortFields, Where, type PagedQuery } from '../common/list';
import { commitmentAchievedInRangeSql } from '../dashboard/kpi-sql';

export interface CommitmentRow {
  id: string;
  title: string;
  kind: CommitmentKind;
  city_id: string;
  hub_id: string;
  owner_id: string | null;
  target_date: string | null;
  progress: number;
  status: CommitmentStatus;
  description: string;
  at_risk: boolean;
  created_at: Date;
  version: number;
  city_name: string;
  hub_name: string;
  owner_name: string | null;
  inspired_by: Ref[];
  partners: Ref[];
}

export const COMMITMENT_SELECT = `c.id, c.title, c.kind, c.city_id, c.hub_id, c.owner_id, ${isoDate('c.target_date')} AS target_date,
  c.progress, c.status, c.description, ${commitmentAtRiskSql('c')} AS at_risk, c.created_at, c.version,
  ci.name AS city_name, h.name AS hub_name, u.name AS owner_name,
  COALESCE((SELECT json_agg(json_build_object('id', e.id, 'name', e.title) ORDER BY e.start_date, e.id)
              FROM commitment_engagements ce JOIN engagements e ON e.id = ce.engagement_id WHERE ce.commitment_id = c.id), '[]') AS inspired_by,
  COALESCE((SELECT json_agg(json_build_object('id', p.id, 'name', p.name) ORDER BY p.name, p.id)
              FROM commitment_partners cp JOIN partners p ON p.id = cp.partner_id WHERE cp.commitment_id = c.id), '[]') AS partners`;

export const COMMITMENT_FROM = `commitments c JOIN cities ci ON ci.id = c.city_id JOIN hubs h ON h.id = c.hub_id LEFT JOIN users u ON u.id = c.owner_id`;

const SORTS = sortFields({ title: 'c.title', targetDate: 'c.target_date', status: 'c.status', progress: 'c.progress', createdAt: 'c.created_at' });

export function toCommitmentListItem(r: CommitmentRow): CommitmentListItem {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    cityId: r.city_id,
    hubId: r.hub_id,
    ownerId: r.owner_id,
    targetDate: r.target_date,
    progress: r.progress,
    status: r.status,
    inspiredByEngagementIds: r.inspired_by.map((e) => e.id),
    partnerIds: r.partners.map((p) => p.id),
    description: r.description,
    atRisk: r.at_risk,
    createdAt: r.created_at.toISOString(),
    version: r.version,
    cityName: r.city_name,
    hubName: r.hub_name,
    ownerName: r.owner_name,
    inspiredBy: r.inspired_by,
    partners: r.partners,
  };
}

/** The record as the audit log compares it: no names, no derived facts. */
export function commitmentRecord(c: CommitmentListItem): Omit<Commitment, 'atRisk' | 'createdAt'> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { cityName, hubName, ownerName, inspiredBy, partners, atRisk, createdAt, ...commitment } = c;
  return commitment;
}

export function commitmentQuery(user: AuthUser, f: CommitmentFilters, where = new Where()): PagedQuery {
  where.add('c.archived_at IS NULL');
  where.add(
    scopeCondition(user, 'commitments', 'read', { hub: (p) => `c.hub_id = ANY(${p}::uuid[])`, city: (p) => `c.city_id = ANY(${p}::uuid[])` }, where.params),
  );
  where.when(f.hubId, 'c.hub_id = ?::uuid');
  where.when(f.cityId, 'c.city_id = ?::uuid');
  where.when(f.status, 'c.status = ?');
  where.when(f.kind, 'c.kind = ?');
  where.when(f.ownerId, 'c.owner_id = ?::uuid');
  if (f.overdue !== undefined) where.add(f.overdue ? commitmentOverdueSql('c') : `NOT ${commitmentOverdueSql('c')}`);
  if (f.atRisk !== undefined) where.add(f.atRisk ? commitmentAtRiskSql('c') : `NOT ${commitmentAtRiskSql('c')}`);
  if (f.achievedFrom || f.achievedTo) {
    where.add(commitmentAchievedInRangeSql('c', f.achievedFrom ? where.param(f.achievedFrom) : null, f.achievedTo ? where.param(f.achievedTo) : null));
  }
  where.when(likePattern(f.q), '(c.title ILIKE ? OR c.description ILIKE ?)');
  return { select: COMMITMENT_SELECT, from: COMMITMENT_FROM, where, orderBy: orderBy(f.sort, SORTS, 'c.created_at DESC', 'c.id') };
}
