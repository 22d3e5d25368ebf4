import type { Outcome, OutcomeFilters, OutcomeListItem, OutcomeType } from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { scopeCondition } from '../auth/access';
import { isoDate } from '../rules';
import { likePattern, orderBy, sortFields, Where, type PagedQuery } from '../common/list';

export interface OutcomeRow {
  id: string;
  commitment_id: string | null;
  city_id: string;
  date: string;
  type: OutcomeType;
  value: number | null;
  unit: string | null;
  description: string;
  evidence_url: string | null;
  verified_by_id: string | null;
  verified_at: Date | null;
  version: number;
  city_name: string;
  hub_id: string;
  commitment_title: string | null;
  verified_by_name: string | null;
}

export const OUTCOME_SELECT = `o.id, o.commitment_id, o.city_id, ${isoDate('o.date')} AS date, o.type, o.value, o.unit, o.description,
  o.evidence_url, o.verified_by_id, o.verified_at, o.version, oc.name AS city_name, oc.hub_id, c.title AS commitment_title,
  vu.name AS verified_by_name`;

export const OUTCOME_FROM = `outcomes o JOIN cities oc ON oc.id = o.city_id LEFT JOIN commitments c ON c.id = o.commitment_id
  LEFT JOIN users vu ON vu.id = o.verified_by_id`;

const SORTS = sortFields({ date: 'o.date', type: 'o.type', value: 'o.value' });

export function toOutcomeListItem(r: OutcomeRow): OutcomeListItem {
  return {
    id: r.id,
    commitmentId: r.commitment_id,
    cityId: r.city_id,
    date: r.date,
    type: r.type,
    value: r.value,
    unit: r.unit,
    description: r.description,
    evidenceUrl: r.evidence_url,
    verifiedById: r.verified_by_id,
    verifiedAt: r.verified_at ? r.verified_at.toISOString() : null,
    version: r.version,
    cityName: r.city_name,
    hubId: r.hub_id,
    commitmentTitle: r.commitment_title,
    verifiedByName: r.verified_by_name,
  };
}

export function outcomeRecord(o: OutcomeListItem): Outcome {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { cityName, hubId, commitmentTitle, verifiedByName, ...outcome } = o;
  return outcome;
}

export function outcomeQuery(user: AuthUser, f: OutcomeFilters, where = new Where()): PagedQuery {
  where.add('o.archived_at IS NULL');
  where.add(scopeCondition(user, 'outcomes', 'read', { hub: (p) => `oc.hub_id = ANY(${p}::uuid[])`, city: (p) => `o.city_id = ANY(${p}::uuid[])` }, where.params));
  where.when(f.hubId, 'oc.hub_id = ?::uuid');
  where.when(f.cityId, 'o.city_id = ?::uuid');
  where.when(f.commitmentId, 'o.commitment_id = ?::uuid');
  where.when(f.type, 'o.type = ?');
  where.when(f.from, 'o.date >= ?::date');
  where.when(f.to, 'o.date <= ?::date');
  where.when(likePattern(f.q), '(o.description ILIKE ? OR o.unit ILIKE ?)');
  return { select: OUTCOME_SELECT, from: OUTCOME_FROM, where, orderBy: orderBy(f.sort, SORTS, 'o.date DESC', 'o.id') };
}
