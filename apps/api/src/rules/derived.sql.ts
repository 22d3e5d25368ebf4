import { COMMITMENT_STATUS_RANK } from '@impact/contracts';

/**
 * The derived facts and KPI rules of libs/contracts (derived.ts, kpis.ts) said in SQL, written once.
 * Records (list filters) and the dashboard (figures and rollups) both import them from here, so a
 * figure and the list that reproduces it cannot drift apart; rules.int-spec.ts runs these fragments
 * and the contract functions over the same table of cases, and the dashboard property test checks the
 * figures against the lists on random data.
 *
 * Each fragment takes table aliases and already-bound placeholders (`$3`, `:from`): it never binds
 * values itself. `null` for a bound means "no bound".
 */

/** "Today" is the UTC calendar date, as `todayIso()` says. */
export const SQL_TODAY = `(now() AT TIME ZONE 'UTC')::date`;

/** A date column as `YYYY-MM-DD` text, never shifted by a time zone. */
/** A user who may sign in and be told things: active and not archived (alias `u`). */
export const activeUserSql = (u: string): string => `${u}.active AND ${u}.archived_at IS NULL`;

export const isoDate = (column: string): string => `to_char(${column}, 'YYYY-MM-DD')`;

/** The UTC calendar day of a timestamptz column. */
export const utcDay = (column: string): string => `(${column} AT TIME ZONE 'UTC')::date`;

/** `column` within the inclusive range; TRUE for no bounds. */
export function inRange(column: string, from: string | null, to: string | null): string {
  const parts = [from && `${column} >= ${from}::date`, to && `${column} <= ${to}::date`].filter(Boolean);
  return parts.length ? parts.join(' AND ') : 'TRUE';
}

/**
 * isFollowUpOverdue: still open and its due date has passed. `f` is the follow_ups alias; `today` a
 * date expression (the reminder rules pass the day they run for).
 */
export const followUpOverdueSql = (f: string, today: string = SQL_TODAY): string =>
  `(${f}.status = 'open' AND ${f}.due_date IS NOT NULL AND ${f}.due_date < ${today})`;

/** isCommitmentAtRisk over a status and a target-date expression. */
export const atRiskSql = (status: string, targetDate: string): string =>
  `(${status} = 'stalled' OR (${status} IN ('pledged', 'in_progress') AND ${targetDate} IS NOT NULL AND ${targetDate} < ${SQL_TODAY}))`;

/** isCommitmentAtRisk for commitments alias `c`. */
export const commitmentAtRiskSql = (c: string): string => atRiskSql(`${c}.status`, `${c}.target_date`);

/** Open work past its target date (the commitments list's `overdue` filter); `today` as above. */
export const commitmentOverdueSql = (c: string, today: string = SQL_TODAY): string =>
  `(${c}.status IN ('pledged', 'in_progress', 'stalled') AND ${c}.target_date IS NOT NULL AND ${c}.target_date < ${today})`;

/**
 * The engagement (alias `e`) concerns one of the cities in the uuid[] `p`: host, place or participant.
 * Tested row by row, so `p` may refer to the outer row (a correlated list of cities); for a bound list
 * prefer engagementInCitiesSql, which the planner answers from indexes.
 */
export const engagementConcernsCities = (e: string, p: string): string =>
  `(${e}.host_city_id = ANY(${p}::uuid[]) OR ${e}.location_city_id = ANY(${p}::uuid[])
    OR EXISTS (SELECT 1 FROM engagement_cities kec WHERE kec.engagement_id = ${e}.id AND kec.city_id = ANY(${p}::uuid[])))`;

/**
 * The same rule as engagementConcernsCities for a bound uuid[] `p` (a parameter, not a column of the
 * outer row): a semi-join on the union of the engagements hosted by, placed in and attended by those
 * cities, three index lookups done once, instead of an OR with a subquery tested on every engagement.
 */
export const engagementInCitiesSql = (e: string, p: string): string =>
  `${e}.id IN (SELECT kch.id FROM engagements kch WHERE kch.host_city_id = ANY(${p}::uuid[])
               UNION SELECT kcl.id FROM engagements kcl WHERE kcl.location_city_id = ANY(${p}::uuid[])
               UNION SELECT kcp.engagement_id FROM engagement_cities kcp WHERE kcp.city_id = ANY(${p}::uuid[]))`;

/**
 * The follow-up concerns one of the cities in `p`: through its commitment's city (alias `c`, joined on
 * the follow-up's commitment) or, when it belongs to an engagement instead (alias `e`), that engagement's cities.
 */
export const followUpInCitiesSql = (c: string, e: string, p: string): string =>
  `((${c}.id IS NOT NULL AND ${c}.city_id = ANY(${p}::uuid[])) OR (${c}.id IS NULL AND ${engagementConcernsCities(e, p)}))`;

/** The live engagement (alias `e`) inspired at least one live commitment (the `ledToCommitment` filter). */
export const engagementLedToCommitmentSql = (e: string): string =>
  `EXISTS (SELECT 1 FROM commitment_engagements kce JOIN commitments kc ON kc.id = kce.commitment_id
            WHERE kce.engagement_id = ${e}.id AND kc.archived_at IS NULL)`;

/** The UTC day an achieved commitment (alias `c`) moved to `achieved` (null when no history says so). */
export const commitmentAchievedOnSql = (c: string): string =>
  `(SELECT max(${utcDay('kas.at')}) FROM commitment_status_changes kas WHERE kas.commitment_id = ${c}.id AND kas.to_status = 'achieved')`;

/**
 * The commitments list's `achievedFrom`/`achievedTo`: achieved, and the move to achieved fell in the
 * range. With neither bound it is simply "achieved".
 */
export function commitmentAchievedInRangeSql(c: string, from: string | null, to: string | null): string {
  if (!from && !to) return `${c}.status = 'achieved'`;
  return `(${c}.status = 'achieved' AND ${inRange(commitmentAchievedOnSql(c), from, to)})`;
}

/**
 * An active city (alias `c`) in the range: it hosted, was the place of or took part in a live
 * engagement (by start date), or one of its live commitments changed status (pledging included, by
 * UTC day). The cities list's `active` / `activeFrom` / `activeTo` and the dashboard's figure.
 */
export function cityActiveSql(c: string, from: string | null, to: string | null): string {
  const eRange = inRange('kae.start_date', from, to);
  return `(EXISTS (SELECT 1 FROM engagements kae WHERE kae.archived_at IS NULL AND ${eRange}
                     AND (kae.host_city_id = ${c}.id OR kae.location_city_id = ${c}.id))
        OR EXISTS (SELECT 1 FROM engagement_cities kaec JOIN engagements kae ON kae.id = kaec.engagement_id
                    WHERE kaec.city_id = ${c}.id AND kae.archived_at IS NULL AND ${eRange})
        OR EXISTS (SELECT 1 FROM commitment_status_changes kas JOIN commitments kac ON kac.id = kas.commitment_id
                    WHERE kac.city_id = ${c}.id AND kac.archived_at IS NULL AND ${inRange(utcDay('kas.at'), from, to)}))`;
}

/** COMMITMENT_STATUS_RANK as a CASE over a status column. */
export const statusRankSql = (status: string): string =>
  `CASE ${status} ${Object.entries(COMMITMENT_STATUS_RANK)
    .map(([s, r]) => `WHEN '${s}' THEN ${r}`)
    .join(' ')} END`;

/** The inverse, for reading a max rank back. */
export const statusOfRank = (rank: number | null) =>
  rank === null ? null : (Object.entries(COMMITMENT_STATUS_RANK).find(([, r]) => r === rank)?.[0] ?? null);
