import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  COMMITMENT_STATUSES,
  scopeFor,
  type CommitmentStatus,
  type DashboardAtRisk,
  type DashboardFigures,
  type DashboardFilters,
  type DashboardGraph,
  type DashboardHubFigures,
  type DashboardMap,
  type DashboardStories,
  type DashboardSummary,
  type DashboardTrends,
} from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import {
  atRiskSql,
  engagementConcernsCities,
  engagementLedToCommitmentSql,
  followUpOverdueSql,
  inRange,
  SQL_TODAY,
  statusOfRank,
  statusRankSql,
  utcDay,
} from '../rules';

/** One hub's raw figures as the SQL returns them (numbers may come back as strings from bigint). */
interface HubRow {
  hub_id: string | null;
  active_cities?: number;
  engagements?: number;
  p_total?: number;
  p_mayors?: number;
  p_officials?: number;
  p_youth?: number;
  p_women?: number;
  p_community?: number;
  led?: number;
  pledged?: number;
  in_progress?: number;
  stalled?: number;
  achieved?: number;
  cancelled?: number;
  at_risk?: number;
  overdue?: number;
}

/**
 * Who the figures are about: everything (admin, leadership, hub managers: dashboard read is `all`),
 * or a liaison's cities only (`city` scope).
 */
type Scope = { kind: 'all' } | { kind: 'cities'; cityIds: string[] };

function scopeOf(user: AuthUser): Scope {
  const scope = scopeFor(user.role, 'dashboard', 'read');
  if (scope === 'all') return { kind: 'all' };
  if (scope === 'city') return { kind: 'cities', cityIds: user.cityIds };
  return { kind: 'cities', cityIds: [] };
}

/** Numbered parameters for one statement. */
class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
  opt(v: string | undefined): string | null {
    return v ? this.add(v) : null;
  }
}

const EMPTY_STATUS = (): Record<CommitmentStatus, number> =>
  Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, 0])) as Record<CommitmentStatus, number>;

export function emptyFigures(): DashboardFigures {
  return {
    activeCities: 0,
    engagements: 0,
    participants: { total: 0, mayors: 0, officials: 0, youth: 0, women: 0, communityLeaders: 0 },
    commitmentsByStatus: EMPTY_STATUS(),
    commitmentsAchieved: 0,
    followUpsOverdue: 0,
    commitmentsAtRisk: 0,
    medianDaysToAchievement: null,
    engagementsLedToCommitment: 0,
  };
}

function addRow(into: DashboardFigures, r: HubRow): void {
  const n = (v: unknown) => Number(v ?? 0);
  into.activeCities += n(r.active_cities);
  into.engagements += n(r.engagements);
  into.participants.total += n(r.p_total);
  into.participants.mayors += n(r.p_mayors);
  into.participants.officials += n(r.p_officials);
  into.participants.youth += n(r.p_youth);
  into.participants.women += n(r.p_women);
  into.participants.communityLeaders += n(r.p_community);
  into.engagementsLedToCommitment += n(r.led);
  for (const s of COMMITMENT_STATUSES) into.commitmentsByStatus[s] += n(r[s]);
  into.commitmentsAtRisk += n(r.at_risk);
  into.followUpsOverdue += n(r.overdue);
}

/**
 * The median (as percentile_cont(0.5): the mean of the two middle values for an even count) of a
 * histogram of whole numbers.
 */
export function medianOf(histogram: { days: number; n: number }[]): number | null {
  const sorted = [...histogram].sort((a, b) => a.days - b.days);
  const count = sorted.reduce((n, h) => n + h.n, 0);
  if (!count) return null;
  const at = (index: number) => {
    let seen = 0;
    for (const h of sorted) {
      seen += h.n;
      if (index < seen) return h.days;
    }
    return sorted[sorted.length - 1].days;
  };
  return count % 2 ? at((count - 1) / 2) : (at(count / 2 - 1) + at(count / 2)) / 2;
}

/** Achieved in the range (by the day of the move to achieved); without a range every achieved commitment. */
const achievedInRange = (from: string | null, to: string | null) =>
  from || to ? `achieved_on IS NOT NULL AND ${inRange('achieved_on', from, to)}` : 'TRUE';

const STATUS_SUMS = (column: string) =>
  COMMITMENT_STATUSES.map((s) => `sum(${column}) FILTER (WHERE status = '${s}')::int AS ${s}`).join(', ');
const STATUS_COUNTS = COMMITMENT_STATUSES.map((s) => `count(*) FILTER (WHERE c.status = '${s}')::int AS ${s}`).join(', ');

@Injectable()
export class DashboardService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Every figure per hub in one statement (one round trip), then the totals: the selected hub's row,
   * or the sum of all rows (each record belongs to exactly one hub, so sums are exact); the median is
   * read from the histogram of the whole set, never averaged over hubs.
   */
  async summary(user: AuthUser, filters: DashboardFilters): Promise<DashboardSummary> {
    const scope = scopeOf(user);
    const p = new Params();
    const from = p.opt(filters.from);
    const to = p.opt(filters.to);
    const sql = scope.kind === 'all' ? this.networkSql(from, to) : this.citiesSql(p.add(scope.cityIds), from, to, scope.cityIds.length === 1);
    const [row] = await this.dataSource.query(sql, p.values);
    const parts: HubRow[][] = [row.act ?? [], row.eng ?? [], row.st ?? [], row.fu ?? []];
    const achieved: { hub_id: string; days: number | null; n: number }[] = row.ach ?? [];
    const hubs: { id: string; name: string }[] = row.hubs ?? [];

    const byHubMap = new Map<string, DashboardHubFigures>();
    const hubFigures = (hubId: string) => {
      let hub = byHubMap.get(hubId);
      if (!hub) {
        hub = { hubId, hubName: '', ...emptyFigures() };
        byHubMap.set(hubId, hub);
      }
      return hub;
    };
    const totals = emptyFigures();
    for (const rows of parts) {
      for (const r of rows) {
        if (!filters.hubId || r.hub_id === filters.hubId) addRow(totals, r);
        if (r.hub_id) addRow(hubFigures(r.hub_id), r);
      }
    }
    // Achievements come as a histogram (hub, days → count): counts add up; medians are read from it.
    const totalDays: { days: number; n: number }[] = [];
    const hubDays = new Map<string, { days: number; n: number }[]>();
    for (const a of achieved) {
      const inTotals = !filters.hubId || a.hub_id === filters.hubId;
      if (inTotals) totals.commitmentsAchieved += a.n;
      hubFigures(a.hub_id).commitmentsAchieved += a.n;
      if (a.days === null) continue;
      if (inTotals) totalDays.push({ days: a.days, n: a.n });
      let days = hubDays.get(a.hub_id);
      if (!days) hubDays.set(a.hub_id, (days = []));
      days.push({ days: a.days, n: a.n });
    }
    totals.medianDaysToAchievement = medianOf(totalDays);
    for (const [hubId, days] of hubDays) hubFigures(hubId).medianDaysToAchievement = medianOf(days);
    // Liaisons see the hubs their figures reach; everyone else every hub, even an empty one.
    const byHub = hubs
      .filter((h) => scope.kind === 'all' || byHubMap.has(h.id))
      .map((h) => ({ ...(byHubMap.get(h.id) ?? { hubId: h.id, ...emptyFigures() }), hubName: h.name }));
    return {
      filters: { hubId: filters.hubId, from: filters.from, to: filters.to },
      totals,
      byHub,
      refreshedAt: row.refreshed_at ? new Date(row.refreshed_at).toISOString() : null,
    };
  }

  /** Whole network: read from the rollups (dashboard_* materialized views). */
  private networkSql(from: string | null, to: string | null): string {
    return `WITH
      eng AS (SELECT hub_id, sum(engagements)::int AS engagements, sum(participants_total)::bigint AS p_total,
                sum(participants_mayors)::bigint AS p_mayors, sum(participants_officials)::bigint AS p_officials,
                sum(participants_youth)::bigint AS p_youth, sum(participants_women)::bigint AS p_women,
                sum(participants_community_leaders)::bigint AS p_community, sum(led_to_commitment)::int AS led
              FROM dashboard_engagement_days WHERE ${inRange('day', from, to)} GROUP BY hub_id),
      act AS (SELECT c.hub_id, count(*)::int AS active_cities FROM cities c
               WHERE c.archived_at IS NULL
                 AND EXISTS (SELECT 1 FROM dashboard_city_activity a WHERE a.city_id = c.id AND ${inRange('a.day', from, to)})
               GROUP BY c.hub_id),
      st_rows AS (SELECT hub_id, status, sum(commitments)::int AS n,
                    sum(commitments) FILTER (WHERE ${atRiskSql('status', 'target_date')})::int AS at_risk
                  FROM dashboard_commitment_status GROUP BY hub_id, status),
      st AS (SELECT hub_id, ${STATUS_SUMS('n')}, sum(at_risk)::int AS at_risk FROM st_rows GROUP BY hub_id),
      ach AS (SELECT hub_id, days, count(*)::int AS n FROM dashboard_achievements WHERE ${achievedInRange(from, to)} GROUP BY hub_id, days),
      fu AS (SELECT hub_id, sum(follow_ups)::int AS overdue FROM dashboard_follow_up_due WHERE due_date < ${SQL_TODAY} GROUP BY hub_id)
      ${this.collect()}`;
  }

  /**
   * A liaison's cities. One city (the usual case): from the per-city rollups. Several: engagements and
   * follow-ups straight from the records (an engagement concerning two of the cities counts once).
   */
  private citiesSql(cities: string, from: string | null, to: string | null, single: boolean): string {
    const eng = single
      ? `SELECT hub_id, sum(engagements)::int AS engagements, sum(participants_total)::bigint AS p_total,
                sum(participants_mayors)::bigint AS p_mayors, sum(participants_officials)::bigint AS p_officials,
                sum(participants_youth)::bigint AS p_youth, sum(participants_women)::bigint AS p_women,
                sum(participants_community_leaders)::bigint AS p_community, sum(led_to_commitment)::int AS led
           FROM dashboard_city_activity WHERE city_id = ANY(${cities}::uuid[]) AND hub_id IS NOT NULL AND ${inRange('day', from, to)}
          GROUP BY hub_id`
      : `SELECT e.hub_id, count(*)::int AS engagements, sum(e.participants_total)::bigint AS p_total,
                sum(e.participants_mayors)::bigint AS p_mayors, sum(e.participants_officials)::bigint AS p_officials,
                sum(e.participants_youth)::bigint AS p_youth, sum(e.participants_women)::bigint AS p_women,
                sum(e.participants_community_leaders)::bigint AS p_community,
                count(*) FILTER (WHERE ${engagementLedToCommitmentSql('e')})::int AS led
           FROM engagements e
          WHERE e.archived_at IS NULL AND ${inRange('e.start_date', from, to)}
            AND e.id IN (SELECT id FROM engagements WHERE host_city_id = ANY(${cities}::uuid[])
                         UNION SELECT id FROM engagements WHERE location_city_id = ANY(${cities}::uuid[])
                         UNION SELECT engagement_id FROM engagement_cities WHERE city_id = ANY(${cities}::uuid[]))
          GROUP BY e.hub_id`;
    const fu = single
      ? `SELECT hub_id, sum(follow_ups)::int AS overdue FROM dashboard_city_follow_up_due
          WHERE city_id = ANY(${cities}::uuid[]) AND due_date < ${SQL_TODAY} GROUP BY hub_id`
      : `SELECT COALESCE(c.hub_id, e.hub_id) AS hub_id, count(*)::int AS overdue
           FROM follow_ups f LEFT JOIN commitments c ON c.id = f.commitment_id LEFT JOIN engagements e ON e.id = f.engagement_id
          WHERE f.archived_at IS NULL AND ${followUpOverdueSql('f')}
            AND ((c.id IS NOT NULL AND c.city_id = ANY(${cities}::uuid[])) OR (c.id IS NULL AND ${engagementConcernsCities('e', cities)}))
          GROUP BY 1`;
    return `WITH
      eng AS (${eng}),
      act AS (SELECT c.hub_id, count(*)::int AS active_cities FROM cities c
               WHERE c.archived_at IS NULL AND c.id = ANY(${cities}::uuid[])
                 AND EXISTS (SELECT 1 FROM dashboard_city_activity a WHERE a.city_id = c.id AND ${inRange('a.day', from, to)})
               GROUP BY c.hub_id),
      st AS (SELECT c.hub_id, ${STATUS_COUNTS}, count(*) FILTER (WHERE ${atRiskSql('c.status', 'c.target_date')})::int AS at_risk
               FROM commitments c WHERE c.archived_at IS NULL AND c.city_id = ANY(${cities}::uuid[]) GROUP BY c.hub_id),
      ach AS (SELECT hub_id, days, count(*)::int AS n FROM dashboard_achievements
               WHERE city_id = ANY(${cities}::uuid[]) AND ${achievedInRange(from, to)} GROUP BY hub_id, days),
      fu AS (${fu})
      ${this.collect()}`;
  }

  private collect(): string {
    return `SELECT (SELECT json_agg(act) FROM act) AS act, (SELECT json_agg(eng) FROM eng) AS eng, (SELECT json_agg(st) FROM st) AS st,
      (SELECT json_agg(ach) FROM ach) AS ach, (SELECT json_agg(fu) FROM fu) AS fu,
      (SELECT json_agg(json_build_object('id', h.id, 'name', h.name) ORDER BY h.name) FROM hubs h WHERE h.archived_at IS NULL) AS hubs,
      (SELECT refreshed_at FROM dashboard_refresh WHERE id = 1) AS refreshed_at`;
  }

  /** Engagements, new commitments and achievements per month of the range (every month, zeros included). */
  async trends(user: AuthUser, filters: DashboardFilters): Promise<DashboardTrends> {
    const scope = scopeOf(user);
    const p = new Params();
    const from = p.opt(filters.from);
    const to = p.opt(filters.to);
    const hub = p.opt(filters.hubId);
    const month = (col: string) => `to_char(${col}, 'YYYY-MM')`;
    let sql: string;
    if (scope.kind === 'all') {
      const hubCond = hub ? `hub_id = ${hub}::uuid` : 'TRUE';
      sql = `
        SELECT ${month('day')} AS month, 'engagements' AS series, sum(engagements)::int AS n FROM dashboard_engagement_days
         WHERE ${hubCond} AND ${inRange('day', from, to)} GROUP BY 1
        UNION ALL
        SELECT ${month('day')}, 'newCommitments', sum(commitments)::int FROM dashboard_commitment_days
         WHERE ${hubCond} AND ${inRange('day', from, to)} GROUP BY 1
        UNION ALL
        SELECT ${month('achieved_on')}, 'achieved', count(*)::int FROM dashboard_achievements
         WHERE ${hubCond} AND achieved_on IS NOT NULL AND ${inRange('achieved_on', from, to)} GROUP BY 1`;
    } else {
      const cities = p.add(scope.cityIds);
      const hubOf = (a: string) => (hub ? `${a}.hub_id = ${hub}::uuid` : 'TRUE');
      sql = `
        SELECT ${month('e.start_date')} AS month, 'engagements' AS series, count(*)::int AS n FROM engagements e
         WHERE e.archived_at IS NULL AND ${hubOf('e')} AND ${inRange('e.start_date', from, to)} AND ${engagementConcernsCities('e', cities)} GROUP BY 1
        UNION ALL
        SELECT ${month(utcDay('c.created_at'))}, 'newCommitments', count(*)::int FROM commitments c
         WHERE c.archived_at IS NULL AND ${hubOf('c')} AND c.city_id = ANY(${cities}::uuid[]) AND ${inRange(utcDay('c.created_at'), from, to)} GROUP BY 1
        UNION ALL
        SELECT ${month('a.achieved_on')}, 'achieved', count(*)::int FROM dashboard_achievements a
         WHERE ${hubOf('a')} AND a.city_id = ANY(${cities}::uuid[]) AND a.achieved_on IS NOT NULL AND ${inRange('a.achieved_on', from, to)} GROUP BY 1`;
    }
    const rows: { month: string; series: 'engagements' | 'newCommitments' | 'achieved'; n: number }[] = await this.dataSource.query(sql, p.values);
    const months = new Map<string, { engagements: number; newCommitments: number; achieved: number }>();
    for (const r of rows) {
      const m = months.get(r.month) ?? { engagements: 0, newCommitments: 0, achieved: 0 };
      m[r.series] += Number(r.n);
      months.set(r.month, m);
    }
    const keys = [...months.keys()].sort();
    const first = filters.from?.slice(0, 7) ?? keys[0];
    const last = filters.to?.slice(0, 7) ?? keys[keys.length - 1];
    const out: DashboardTrends['months'] = [];
    if (first && last) {
      let [y, mo] = first.split('-').map(Number);
      // At most 20 years of months: a guard against absurd ranges.
      for (let i = 0; i < 240; i++) {
        const key = `${y}-${String(mo).padStart(2, '0')}`;
        if (key > last) break;
        out.push({ month: key, ...(months.get(key) ?? { engagements: 0, newCommitments: 0, achieved: 0 }) });
        mo += 1;
        if (mo > 12) {
          mo = 1;
          y += 1;
        }
      }
    }
    return { months: out };
  }

  /** Cities with coordinates: engagements in the range (map size) and the furthest status of their commitments (colour). */
  async map(user: AuthUser, filters: DashboardFilters): Promise<DashboardMap> {
    const scope = scopeOf(user);
    const p = new Params();
    const from = p.opt(filters.from);
    const to = p.opt(filters.to);
    const conds = ['c.archived_at IS NULL', 'c.latitude IS NOT NULL', 'c.longitude IS NOT NULL'];
    if (filters.hubId) conds.push(`c.hub_id = ${p.add(filters.hubId)}::uuid`);
    if (scope.kind === 'cities') conds.push(`c.id = ANY(${p.add(scope.cityIds)}::uuid[])`);
    const rows = await this.dataSource.query(
      `WITH eng AS (SELECT city_id, sum(engagements)::int AS n FROM dashboard_city_activity WHERE ${inRange('day', from, to)} GROUP BY city_id),
            rank AS (SELECT city_id, max(${statusRankSql('status')}) AS r FROM commitments WHERE archived_at IS NULL GROUP BY city_id)
       SELECT c.id, c.name, c.country_code, c.hub_id, c.latitude, c.longitude, COALESCE(eng.n, 0) AS engagements, rank.r
         FROM cities c LEFT JOIN eng ON eng.city_id = c.id LEFT JOIN rank ON rank.city_id = c.id
        WHERE ${conds.join(' AND ')} ORDER BY c.name, c.id`,
      p.values,
    );
    return {
      cities: rows.map((r: Record<string, unknown>) => ({
        id: r.id as string,
        name: r.name as string,
        countryCode: r.country_code as string,
        hubId: r.hub_id as string,
        latitude: Number(r.latitude),
        longitude: Number(r.longitude),
        engagements: Number(r.engagements),
        furthestStatus: statusOfRank(r.r === null || r.r === undefined ? null : Number(r.r)) as CommitmentStatus | null,
      })),
    };
  }

  /**
   * Peer learning: an edge from the host city of an engagement (started in the range) to each other
   * city whose live commitment it inspired; the strongest 300 edges.
   */
  async graph(user: AuthUser, filters: DashboardFilters): Promise<DashboardGraph> {
    const scope = scopeOf(user);
    const p = new Params();
    const conds = ['e.archived_at IS NULL', 'c.archived_at IS NULL', 'e.host_city_id IS NOT NULL', 'e.host_city_id <> c.city_id'];
    conds.push(inRange('e.start_date', p.opt(filters.from), p.opt(filters.to)));
    if (filters.hubId) {
      const hub = p.add(filters.hubId);
      conds.push(`(c.hub_id = ${hub}::uuid OR hc.hub_id = ${hub}::uuid)`);
    }
    if (scope.kind === 'cities') conds.push(`c.city_id = ANY(${p.add(scope.cityIds)}::uuid[])`);
    const edges: { source: string; target: string; weight: number }[] = await this.dataSource.query(
      `SELECT e.host_city_id AS source, c.city_id AS target, count(DISTINCT c.id)::int AS weight
         FROM commitment_engagements ce JOIN commitments c ON c.id = ce.commitment_id JOIN engagements e ON e.id = ce.engagement_id
         JOIN cities hc ON hc.id = e.host_city_id
        WHERE ${conds.join(' AND ')}
        GROUP BY 1, 2 ORDER BY weight DESC, source, target LIMIT 300`,
      p.values,
    );
    const ids = [...new Set(edges.flatMap((e) => [e.source, e.target]))];
    const nodes: { id: string; name: string; hub_id: string }[] = ids.length
      ? await this.dataSource.query(`SELECT id, name, hub_id FROM cities WHERE id = ANY($1::uuid[]) ORDER BY name`, [ids])
      : [];
    return { nodes: nodes.map((n) => ({ id: n.id, name: n.name, hubId: n.hub_id })), edges };
  }

  /** Stalled or overdue commitments and the oldest overdue follow-ups, with owners; 20 of each. */
  async atRisk(user: AuthUser, filters: DashboardFilters): Promise<DashboardAtRisk> {
    const scope = scopeOf(user);
    const p = new Params();
    const hub = p.opt(filters.hubId);
    const cities = scope.kind === 'cities' ? p.add(scope.cityIds) : null;
    const [row] = await this.dataSource.query(
      `SELECT
        (SELECT COALESCE(json_agg(x), '[]') FROM (
           SELECT c.id, c.title, c.city_id AS "cityId", ci.name AS "cityName", c.status, to_char(c.target_date, 'YYYY-MM-DD') AS "targetDate",
                  c.owner_id AS "ownerId", u.name AS "ownerName"
             FROM commitments c JOIN cities ci ON ci.id = c.city_id LEFT JOIN users u ON u.id = c.owner_id
            WHERE c.archived_at IS NULL AND ${atRiskSql('c.status', 'c.target_date')}
              ${hub ? `AND c.hub_id = ${hub}::uuid` : ''} ${cities ? `AND c.city_id = ANY(${cities}::uuid[])` : ''}
            ORDER BY c.target_date ASC NULLS LAST, c.id LIMIT 20) x) AS commitments,
        (SELECT COALESCE(json_agg(y), '[]') FROM (
           SELECT f.id, f.title, fc.id AS "cityId", fc.name AS "cityName", f.commitment_id AS "commitmentId",
                  to_char(f.due_date, 'YYYY-MM-DD') AS "dueDate", f.owner_id AS "ownerId", u.name AS "ownerName"
             FROM follow_ups f LEFT JOIN commitments c ON c.id = f.commitment_id LEFT JOIN engagements e ON e.id = f.engagement_id
             LEFT JOIN cities fc ON fc.id = COALESCE(c.city_id, e.host_city_id, e.location_city_id) LEFT JOIN users u ON u.id = f.owner_id
            WHERE f.archived_at IS NULL AND ${followUpOverdueSql('f')}
              ${hub ? `AND COALESCE(c.hub_id, e.hub_id) = ${hub}::uuid` : ''}
              ${cities ? `AND ((c.id IS NOT NULL AND c.city_id = ANY(${cities}::uuid[])) OR (c.id IS NULL AND ${engagementConcernsCities('e', cities)}))` : ''}
            ORDER BY f.due_date ASC, f.id LIMIT 20) y) AS follow_ups`,
      p.values,
    );
    return { commitments: row.commitments, followUps: row.follow_ups };
  }

  /**
   * Stories by category and status (archived left out), and the achieved commitments that no live
   * story links (story_commitments), newest achievement first, 50 at most. A liaison: stories about
   * its cities (story_cities) and commitments of its cities.
   */
  async stories(user: AuthUser, filters: Pick<DashboardFilters, 'hubId'>): Promise<DashboardStories> {
    const scope = scopeOf(user);
    const p = new Params();
    const hub = p.opt(filters.hubId);
    const cities = scope.kind === 'cities' ? p.add(scope.cityIds) : null;
    const [row] = await this.dataSource.query(
      `SELECT
        (SELECT COALESCE(json_agg(x ORDER BY x.category, x.status), '[]') FROM (
           SELECT s.category, s.status, count(*)::int AS count
             FROM stories s
            WHERE s.archived_at IS NULL AND s.status <> 'archived'
              ${hub ? `AND s.hub_id = ${hub}::uuid` : ''}
              ${cities ? `AND EXISTS (SELECT 1 FROM story_cities sc WHERE sc.story_id = s.id AND sc.city_id = ANY(${cities}::uuid[]))` : ''}
            GROUP BY s.category, s.status) x) AS counts,
        (SELECT COALESCE(json_agg(y), '[]') FROM (
           SELECT c.id, c.title, c.city_id AS "cityId", ci.name AS "cityName", c.hub_id AS "hubId",
                  a.at AS "achievedAt", c.updated_at AS "updatedAt", u.name AS "ownerName"
             FROM commitments c JOIN cities ci ON ci.id = c.city_id LEFT JOIN users u ON u.id = c.owner_id
             LEFT JOIN LATERAL (SELECT max(sc.at) AS at FROM commitment_status_changes sc
                                 WHERE sc.commitment_id = c.id AND sc.to_status = 'achieved') a ON TRUE
            WHERE c.archived_at IS NULL AND c.status = 'achieved'
              AND NOT EXISTS (SELECT 1 FROM story_commitments x JOIN stories s ON s.id = x.story_id
                               WHERE x.commitment_id = c.id AND s.archived_at IS NULL AND s.status <> 'archived')
              ${hub ? `AND c.hub_id = ${hub}::uuid` : ''} ${cities ? `AND c.city_id = ANY(${cities}::uuid[])` : ''}
            ORDER BY COALESCE(a.at, c.updated_at) DESC, c.id LIMIT 50) y) AS without_story`,
      p.values,
    );
    const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
    return {
      byCategoryAndStatus: row.counts,
      achievedWithoutStory: row.without_story.map((c: DashboardStories['achievedWithoutStory'][number]) => ({
        ...c,
        achievedAt: iso(c.achievedAt),
        updatedAt: iso(c.updatedAt) ?? c.updatedAt,
      })),
    };
  }
}
