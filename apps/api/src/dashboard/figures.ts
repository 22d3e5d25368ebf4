import { COMMITMENT_STATUSES, type CommitmentStatus, type DashboardFigures, type DashboardTrendMonth } from '@impact/contracts';
import type { HubFigureRow } from './dashboard-figures.repository';
import type { TrendRow } from './dashboard-charts.repository';

/** Pure arithmetic of the dashboard: adding per-hub rows, the median of a histogram, months of a range. */

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

/** Adds one hub's row (of any part of the summary) to `into`. */
export function addRow(into: DashboardFigures, r: HubFigureRow): void {
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

/** Above this spread of days a histogram is sorted instead of counted into an array. */
const MAX_DENSE_SPREAD = 1_000_000;

/** A histogram in two arrays: values (null: not counted in the median) and, at the same places, their counts. */
export interface Histogram {
  days: (number | null)[];
  n: number[];
}

/**
 * The median (as percentile_cont(0.5): the mean of the two middle values for an even count) of the
 * whole numbers in one or more histograms taken together; null values are left out. The counts go into
 * an array indexed by days (no sort: a network's histogram has thousands of buckets), unless the days
 * spread too far for one.
 */
export function medianOf(histograms: Histogram[]): number | null {
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const { days, n } of histograms)
    for (let i = 0; i < days.length; i++) {
      const d = days[i];
      if (d === null) continue;
      count += n[i];
      if (d < min) min = d;
      if (d > max) max = d;
    }
  if (!count) return null;
  let at: (index: number) => number;
  if (max - min <= MAX_DENSE_SPREAD) {
    const counts = new Float64Array(max - min + 1);
    for (const { days, n } of histograms)
      for (let i = 0; i < days.length; i++) if (days[i] !== null) counts[(days[i] as number) - min] += n[i];
    at = (index) => {
      let seen = 0;
      for (let d = 0; d < counts.length; d++) {
        seen += counts[d];
        if (index < seen) return min + d;
      }
      return max;
    };
  } else {
    const sorted = histograms
      .flatMap(({ days, n }) => days.map((d, i) => ({ d, n: n[i] })))
      .filter((b): b is { d: number; n: number } => b.d !== null)
      .sort((a, b) => a.d - b.d);
    at = (index) => {
      let seen = 0;
      for (const b of sorted) {
        seen += b.n;
        if (index < seen) return b.d;
      }
      return max;
    };
  }
  return count % 2 ? at((count - 1) / 2) : (at(count / 2 - 1) + at(count / 2)) / 2;
}

/** At most 20 years of months: a guard against absurd ranges. */
const MAX_MONTHS = 240;

/**
 * Every month from the range's first to its last (`YYYY-MM`), zeros included; an open bound is the
 * first or last month with data.
 */
export function monthsOf(rows: TrendRow[], from: string | undefined, to: string | undefined): DashboardTrendMonth[] {
  const months = new Map<string, Omit<DashboardTrendMonth, 'month'>>();
  for (const r of rows) {
    const m = months.get(r.month) ?? { engagements: 0, newCommitments: 0, achieved: 0 };
    m[r.series] += Number(r.n);
    months.set(r.month, m);
  }
  const keys = [...months.keys()].sort();
  const first = from?.slice(0, 7) ?? keys[0];
  const last = to?.slice(0, 7) ?? keys[keys.length - 1];
  const out: DashboardTrendMonth[] = [];
  if (!first || !last) return out;
  let [y, mo] = first.split('-').map(Number);
  for (let i = 0; i < MAX_MONTHS; i++) {
    const key = `${y}-${String(mo).padStart(2, '0')}`;
    if (key > last) break;
    out.push({ month: key, ...(months.get(key) ?? { engagements: 0, newCommitments: 0, achieved: 0 }) });
    mo += 1;
    if (mo > 12) {
      mo = 1;
      y += 1;
    }
  }
  return out;
}
