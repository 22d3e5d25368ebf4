/**
 * The derived facts of libs/contracts/derived.ts, said in SQL, so lists can filter and sort by them.
 * "Today" is the UTC calendar date, as `todayIso()` says; derived-sql.int-spec.ts runs these fragments
 * and the contract functions over the same table of cases.
 */
export const SQL_TODAY = `(now() AT TIME ZONE 'UTC')::date`;

/** isFollowUpOverdue: still open and its due date has passed. `f` is the follow_ups alias. */
export const followUpOverdueSql = (f: string): string =>
  `(${f}.status = 'open' AND ${f}.due_date IS NOT NULL AND ${f}.due_date < ${SQL_TODAY})`;

/** isCommitmentAtRisk: stalled, or pledged / in progress past its target date. `c` is the commitments alias. */
export const commitmentAtRiskSql = (c: string): string =>
  `(${c}.status = 'stalled' OR (${c}.status IN ('pledged', 'in_progress') AND ${c}.target_date IS NOT NULL AND ${c}.target_date < ${SQL_TODAY}))`;

/** Open work past its target date (the commitments list's `overdue` filter). */
export const commitmentOverdueSql = (c: string): string =>
  `(${c}.status IN ('pledged', 'in_progress', 'stalled') AND ${c}.target_date IS NOT NULL AND ${c}.target_date < ${SQL_TODAY})`;

/** A date column as `YYYY-MM-DD` text, never shifted by a time zone. */
export const isoDate = (column: string): string => `to_char(${column}, 'YYYY-MM-DD')`;
