import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { COMMITMENT_STATUSES, type CommitmentStatus } from '@impact/contracts';
import {
  atRiskSql,
  commitmentAtRiskSql,
  engagementInCitiesSql,
  engagementLedToCommitmentSql,
  followUpInCitiesSql,
  followUpOverdueSql,
  inRange,
  SQL_TODAY,
} from '../rules';
import type { DashboardRange, DashboardScope } from './dashboard-scope';
import type { Histogram } from './figures';
import { bindNamed, placeholder } from './named-sql';

/**
 * One hub's share of the figures, as one of the summary's parts reports it (each part fills some
 * fields). Sums of bigint may arrive as strings; the service reads every field with Number().
 */
export type HubFigureRow = { hub_id: string | null } & Partial<Record<HubFigureField, number | string>>;
export type HubFigureField =
  | 'active_cities'
  | 'engagements'
  | 'p_total'
  | 'p_mayors'
  | 'p_officials'
  | 'p_youth'
  | 'p_women'
  | 'p_community'
  | 'led'
  | 'at_risk'
  | 'overdue'
  | CommitmentStatus;

/**
 * One hub's achieved commitments as a histogram in two arrays: the days each took from the first
 * inspiring engagement (null: none named) and, at the same places, how many took that long.
 */
export interface HubHistogram extends Histogram {
  hub_id: string;
}

export interface SummaryRows {
  /** Per-hub rows of every part (active cities, engagements, statuses, overdue follow-ups); parts add up. */
  hubRows: HubFigureRow[];
  /** The achievements' histogram of each hub: counts add up, medians are read from it. */
  achievements: HubHistogram[];
  /** Live hubs by name. */
  hubs: { id: string; name: string }[];
  refreshedAt: Date | null;
}

interface SummaryRow {
  act: HubFigureRow[] | null;
  eng: HubFigureRow[] | null;
  st: HubFigureRow[] | null;
  fu: HubFigureRow[] | null;
  ach: HubHistogram[] | null;
  hubs: { id: string; name: string }[] | null;
  refreshed_at: Date | null;
}

const PARTICIPANT_SUMS = (e: string) =>
  `sum(${e}participants_total)::bigint AS p_total, sum(${e}participants_mayors)::bigint AS p_mayors,
   sum(${e}participants_officials)::bigint AS p_officials, sum(${e}participants_youth)::bigint AS p_youth,
   sum(${e}participants_women)::bigint AS p_women, sum(${e}participants_community_leaders)::bigint AS p_community`;
const ROLLED_UP_ENGAGEMENTS = `sum(engagements)::int AS engagements, ${PARTICIPANT_SUMS('')}, sum(led_to_commitment)::int AS led`;
const STATUS_SUMS = (column: string) =>
  COMMITMENT_STATUSES.map((s) => `sum(${column}) FILTER (WHERE status = '${s}')::int AS ${s}`).join(', ');
const STATUS_COUNTS = COMMITMENT_STATUSES.map((s) => `count(*) FILTER (WHERE c.status = '${s}')::int AS ${s}`).join(', ');

/** Achieved in the range (by the rollup's day of the move to achieved); without a range every achieved commitment. */
const achievedInRange = (from: string | null, to: string | null) =>
  from || to ? `achieved_on IS NOT NULL AND ${inRange('achieved_on', from, to)}` : 'TRUE';

/**
 * The rollups hold open follow-ups with a due date, per due date: the rest of isFollowUpOverdue
 * (followUpOverdueSql) is "the due date has passed", against the rules' today.
 */
const DUE_DATE_PASSED = `due_date < ${SQL_TODAY}`;

/**
 * A histogram's buckets (`hub_id, days, n`) as one row per hub with two arrays (HubHistogram): far fewer
 * bytes and objects than a row per bucket, and the medians read the arrays as they come.
 */
const perHub = (buckets: string) => `SELECT hub_id, array_agg(days) AS days, array_agg(n) AS n FROM (${buckets}) b GROUP BY hub_id`;

/** The hubs and the rollups' time, beside the parts: one round trip for the whole summary. */
const COLLECT = `SELECT (SELECT json_agg(act) FROM act) AS act, (SELECT json_agg(eng) FROM eng) AS eng, (SELECT json_agg(st) FROM st) AS st,
  (SELECT json_agg(ach) FROM ach) AS ach, (SELECT json_agg(fu) FROM fu) AS fu,
  (SELECT json_agg(json_build_object('id', h.id, 'name', h.name) ORDER BY h.name) FROM hubs h WHERE h.archived_at IS NULL) AS hubs,
  (SELECT refreshed_at FROM dashboard_refresh WHERE id = 1) AS refreshed_at`;

/**
 * The summary's statement. Raw SQL: set-based rollups over materialized views, several aggregates
 * per hub in one statement, which QueryBuilder cannot say.
 */
@Injectable()
export class DashboardFiguresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async summary(scope: DashboardScope, range: DashboardRange): Promise<SummaryRows> {
    const [sql, values] = this.summaryStatement(scope, range);
    const [row]: SummaryRow[] = await this.dataSource.query(sql, values);
    return {
      hubRows: [...(row.act ?? []), ...(row.eng ?? []), ...(row.st ?? []), ...(row.fu ?? [])],
      achievements: row.ach ?? [],
      hubs: row.hubs ?? [],
      refreshedAt: row.refreshed_at,
    };
  }

  /** The statement and its values as `summary` sends them (the bench times it straight through pg). */
  summaryStatement(scope: DashboardScope, range: DashboardRange): [sql: string, values: unknown[]] {
    const from = placeholder('from', range.from);
    const to = placeholder('to', range.to);
    const sql =
      scope.kind === 'cities' ? citiesSql(from, to, scope.cityIds.length === 1) : from || to ? networkSql(from, to) : networkTotalsSql();
    return bindNamed(this.dataSource, sql, { from: range.from, to: range.to, cities: scope.kind === 'cities' ? scope.cityIds : undefined });
  }
}

/** Whole network within a date range: from the rollups' rows of the range. */
function networkSql(from: string | null, to: string | null): string {
  return `WITH
    eng AS (SELECT hub_id, ${ROLLED_UP_ENGAGEMENTS} FROM dashboard_engagement_days WHERE ${inRange('day', from, to)} GROUP BY hub_id),
    act AS (SELECT c.hub_id, count(*)::int AS active_cities FROM cities c
             WHERE c.archived_at IS NULL
               AND EXISTS (SELECT 1 FROM dashboard_city_activity a WHERE a.city_id = c.id AND ${inRange('a.day', from, to)})
             GROUP BY c.hub_id),
    st_rows AS (SELECT hub_id, status, sum(commitments)::int AS n,
                  sum(commitments) FILTER (WHERE ${atRiskSql('status', 'target_date')})::int AS at_risk
                FROM dashboard_commitment_status GROUP BY hub_id, status),
    st AS (SELECT hub_id, ${STATUS_SUMS('n')}, sum(at_risk)::int AS at_risk FROM st_rows GROUP BY hub_id),
    ach AS (${perHub(`SELECT hub_id, days, count(*)::int AS n FROM dashboard_achievements WHERE ${achievedInRange(from, to)} GROUP BY hub_id, days`)}),
    fu AS (SELECT hub_id, sum(follow_ups)::int AS overdue FROM dashboard_follow_up_due WHERE ${DUE_DATE_PASSED} GROUP BY hub_id)
    ${COLLECT}`;
}

/**
 * Whole network, every day (the page's first view): from the totals the rollups' triggers keep (a few
 * rows per hub), plus the rollup rows of the due and target dates between the totals' day and today.
 */
function networkTotalsSql(): string {
  const since = (rollup: string, column: string, n: string, where = 'TRUE') =>
    `SELECT r.hub_id, sum(CASE WHEN d.as_of < d.today THEN r.${n} ELSE -r.${n} END) AS n
       FROM d JOIN ${rollup} r ON r.${column} >= least(d.as_of, d.today) AND r.${column} < greatest(d.as_of, d.today)
      WHERE ${where} GROUP BY r.hub_id`;
  return `WITH
    d AS (SELECT as_of, ${SQL_TODAY} AS today FROM dashboard_totals_day WHERE id = 1),
    eng AS (SELECT hub_id, engagements, participants_total AS p_total, participants_mayors AS p_mayors,
                   participants_officials AS p_officials, participants_youth AS p_youth, participants_women AS p_women,
                   participants_community_leaders AS p_community, led_to_commitment AS led
              FROM dashboard_hub_totals),
    act AS (SELECT c.hub_id, count(*)::int AS active_cities FROM cities c JOIN dashboard_city_days a ON a.city_id = c.id AND a.days > 0
             WHERE c.archived_at IS NULL GROUP BY c.hub_id),
    risk_since AS (${since('dashboard_commitment_status', 'target_date', 'commitments', `r.status IN ('pledged', 'in_progress') AND r.target_date IS NOT NULL`)}),
    st AS (SELECT s.hub_id, ${STATUS_SUMS('s.commitments')}, (sum(s.at_risk_before) + COALESCE(max(g.n), 0))::int AS at_risk
             FROM dashboard_hub_statuses s LEFT JOIN risk_since g ON g.hub_id = s.hub_id GROUP BY s.hub_id),
    due_since AS (${since('dashboard_follow_up_due', 'due_date', 'follow_ups')}),
    fu AS (SELECT t.hub_id, (t.overdue_before + COALESCE(g.n, 0))::int AS overdue FROM dashboard_hub_totals t LEFT JOIN due_since g ON g.hub_id = t.hub_id),
    ach AS (${perHub('SELECT hub_id, days, commitments::int AS n FROM dashboard_hub_achievement_days WHERE commitments <> 0')})
    ${COLLECT}`;
}

/**
 * A liaison's cities (`:cities`). One city (the usual case): from the per-city rollups. Several:
 * engagements and follow-ups straight from the records (an engagement concerning two of the cities counts once).
 */
function citiesSql(from: string | null, to: string | null, single: boolean): string {
  const eng = single
    ? `SELECT hub_id, ${ROLLED_UP_ENGAGEMENTS} FROM dashboard_city_activity
        WHERE city_id = ANY(:cities::uuid[]) AND hub_id IS NOT NULL AND ${inRange('day', from, to)} GROUP BY hub_id`
    : `SELECT e.hub_id, count(*)::int AS engagements, ${PARTICIPANT_SUMS('e.')},
              count(*) FILTER (WHERE ${engagementLedToCommitmentSql('e')})::int AS led
         FROM engagements e
        WHERE e.archived_at IS NULL AND ${inRange('e.start_date', from, to)} AND ${engagementInCitiesSql('e', ':cities')}
        GROUP BY e.hub_id`;
  const fu = single
    ? `SELECT hub_id, sum(follow_ups)::int AS overdue FROM dashboard_city_follow_up_due
        WHERE city_id = ANY(:cities::uuid[]) AND ${DUE_DATE_PASSED} GROUP BY hub_id`
    : `SELECT COALESCE(c.hub_id, e.hub_id) AS hub_id, count(*)::int AS overdue
         FROM follow_ups f LEFT JOIN commitments c ON c.id = f.commitment_id LEFT JOIN engagements e ON e.id = f.engagement_id
        WHERE f.archived_at IS NULL AND ${followUpOverdueSql('f')} AND ${followUpInCitiesSql('c', 'e', ':cities')}
        GROUP BY 1`;
  return `WITH
    eng AS (${eng}),
    act AS (SELECT c.hub_id, count(*)::int AS active_cities FROM cities c
             WHERE c.archived_at IS NULL AND c.id = ANY(:cities::uuid[])
               AND EXISTS (SELECT 1 FROM dashboard_city_activity a WHERE a.city_id = c.id AND ${inRange('a.day', from, to)})
             GROUP BY c.hub_id),
    st AS (SELECT c.hub_id, ${STATUS_COUNTS}, count(*) FILTER (WHERE ${commitmentAtRiskSql('c')})::int AS at_risk
             FROM commitments c WHERE c.archived_at IS NULL AND c.city_id = ANY(:cities::uuid[]) GROUP BY c.hub_id),
    ach AS (${perHub(`SELECT hub_id, days, count(*)::int AS n FROM dashboard_achievements
                       WHERE city_id = ANY(:cities::uuid[]) AND ${achievedInRange(from, to)} GROUP BY hub_id, days`)}),
    fu AS (${fu})
    ${COLLECT}`;
}
