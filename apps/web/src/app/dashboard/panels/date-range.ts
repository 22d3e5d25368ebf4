import { DashboardFilters } from '@impact/contracts';
import { toIsoDate } from '../../shared/forms/dates';

export type RangeProblem = 'date' | 'order';

/** What is wrong with a range, end by end: a day that is not one, or an end before the start. */
export function rangeProblems(from: Date | null, to: Date | null): { from?: RangeProblem; to?: RangeProblem } {
  const bad = (d: Date | null) => !!d && Number.isNaN(d.getTime());
  const problems: { from?: RangeProblem; to?: RangeProblem } = {};
  if (bad(from)) problems.from = 'date';
  if (bad(to)) problems.to = 'date';
  else if (from && to && !bad(from) && (toIsoDate(to) as string) < (toIsoDate(from) as string)) problems.to = 'order';
  return problems;
}

/**
 * The range to put in the URL, or null when there is nothing to apply: a problem at either end, or
 * the same range as now. An empty end is no bound.
 */
export function rangeToApply(
  from: Date | null,
  to: Date | null,
  current: Pick<DashboardFilters, 'from' | 'to'>,
): { from: string | null; to: string | null } | null {
  const problems = rangeProblems(from, to);
  if (problems.from || problems.to) return null;
  const next = { from: toIsoDate(from), to: toIsoDate(to) };
  return next.from === (current.from ?? null) && next.to === (current.to ?? null) ? null : next;
}
