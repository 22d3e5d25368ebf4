import { COMMITMENT_STATUS_RANK } from '@impact/contracts';

/**
 * The KPI definitions of libs/contracts/src/lib/kpis.ts said in SQL over the records. The dashboard
 * (directly, or through the rollups built from the same SQL) and the list filters that reproduce each
 * figure use these fragments, so a figure and its list cannot drift apart; the property test
 * (dashboard.property.int-spec.ts) checks it on random data.
 * Parameters are placeholders (`$3`) already pushed by the caller; `null` means "no bound".
 */
export const SQL_TODAY = `(now() AT TIME ZONE 'UTC')::date`;

/** `column` within the inclusive range; no condition for a missing bound. */
export function inRange(column: string, from: string | null, to: string | null): string {
  const parts = [from && `${column} >= ${from}::date`, to && `${column} <= ${to}::date`].filter(Boolean);
  return parts.length ? parts.join(' AND ') : 'TRUE';
}

/** The UTC calendar day of a timestamptz column. */
export const utcDay = (column: string): string => `(${column} AT TIME ZONE 'UTC')::date`;

/** The engagement (alias `e`) concerns one of the cities in the uuid[] `p`: host, place or participant. */
export const engagementConcernsCities = (e: string, p: string): string =>
  `(${e}.host_city_id = ANY(${p}::uuid[]) OR ${e}.location_city_id = ANY(${p}::uuid[])
    OR EXISTS (SELECT 1 FROM engagement_cities kec WHERE kec.engagement_id = ${e}.id AND kec.city_id = ANY(${p}::uuid[])))`;

/** The live engagement (alias `e`) inspired at least one live commitment (the `ledToCommitment` filter). */
export const engagementLedToCommitmentSql = (e: string): string =>
  `EXISTS (SELECT 1 FROM commitment_engagements kce JOIN commitments kc ON kc.id = kce.commitment_id
            WHERE kce.engagement_id = ${e}.id AND kc.archived_at IS NULL)`;

/** The UTC day an achieved commitment (alias `c`) moved to `achieved` (null when no history says so). */
export const commitmentAchievedOnSql = (c: string): string =>
  `(SELECT max(${utcDay('kas.at')}) FROM commitment_status_changes kas WHERE kas.commitment_id = ${c}.id AND kas.to_status = 'achieved')`;

/**
 * The commitments list's `achievedFrom`/`achievedTo`: achieved, and the move to achieved fell in the range.
 * With neither bound it is simply "achieved".
 */
export function commitmentAchievedInRangeSql(c: string, from: string | null, to: string | null): string {
  if (!from && !to) return `${c}.status = 'achieved'`;
  return `(${c}.status = 'achieved' AND ${inRange(commitmentAchievedOnSql(c), from, to)})`;
}

/**
 * The cities list's `active` / `activeFrom` / `activeTo`: in the range, the city (alias `c`) hosted,
 * was the place of or took part in a live engagement (by start date), or one of its live commitments
 * changed status (pledging included, by UTC day).
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

/** isCommitmentAtRisk over a status and a target-date column. */
export const atRiskSql = (status: string, targetDate: string): string =>
  `(${status} = 'stalled' OR (${status} IN ('pledged', 'in_progress') AND ${targetDate} IS NOT NULL AND ${targetDate} < ${SQL_TODAY}))`;

/** isFollowUpOverdue for follow-ups alias `f`. */
export const followUpOverdueSql = (f: string): string =>
  `(${f}.status = 'open' AND ${f}.due_date IS NOT NULL AND ${f}.due_date < ${SQL_TODAY})`;

/** COMMITMENT_STATUS_RANK as a CASE over a status column. */
export const statusRankSql = (status: string): string =>
  `CASE ${status} ${Object.entries(COMMITMENT_STATUS_RANK)
    .map(([s, r]) => `WHEN '${s}' THEN ${r}`)
    .join(' ')} END`;

/** The inverse, for reading a max rank back. */
export const statusOfRank = (rank: number | null) =>
  rank === null ? null : (Object.entries(COMMITMENT_STATUS_RANK).find(([, r]) => r === rank)?.[0] ?? null);
