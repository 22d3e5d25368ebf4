import { Injectable } from '@nestjs/common';
import type {
  DashboardAtRisk,
  DashboardFilters,
  DashboardGraph,
  DashboardHubFigures,
  DashboardMap,
  DashboardStories,
  DashboardSummary,
  DashboardTrends,
} from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { DashboardChartsRepository } from './dashboard-charts.repository';
import { DashboardFiguresRepository } from './dashboard-figures.repository';
import { DashboardListsRepository } from './dashboard-lists.repository';
import { dashboardScope } from './dashboard-scope';
import { addRow, emptyFigures, medianOf, monthsOf } from './figures';

/**
 * The dashboard's use cases: the caller's scope, then the figures composed from the repositories'
 * rows (per hub, totals, medians, months). No SQL here.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly figures: DashboardFiguresRepository,
    private readonly charts: DashboardChartsRepository,
    private readonly lists: DashboardListsRepository,
  ) {}

  /**
   * Every figure per hub (one statement), then the totals: the selected hub's rows, or the sum of all
   * rows (each record belongs to exactly one hub, so sums are exact); the median is read from the
   * histogram of the whole set, never averaged over hubs.
   */
  async summary(user: AuthUser, filters: DashboardFilters): Promise<DashboardSummary> {
    const scope = dashboardScope(user);
    const rows = await this.figures.summary(scope, filters);
    const inTotals = (hubId: string | null) => !filters.hubId || hubId === filters.hubId;

    const byHubMap = new Map<string, DashboardHubFigures>();
    const hubFigures = (hubId: string) => {
      let hub = byHubMap.get(hubId);
      if (!hub) byHubMap.set(hubId, (hub = { hubId, hubName: '', ...emptyFigures() }));
      return hub;
    };
    const totals = emptyFigures();
    for (const r of rows.hubRows) {
      if (inTotals(r.hub_id)) addRow(totals, r);
      if (r.hub_id) addRow(hubFigures(r.hub_id), r);
    }
    // Achievements come as a histogram per hub (days → count): counts add up; medians are read from it.
    const sum = (n: number[]) => n.reduce((a, b) => a + b, 0);
    for (const h of rows.achievements) {
      const achieved = sum(h.n);
      if (inTotals(h.hub_id)) totals.commitmentsAchieved += achieved;
      const hub = hubFigures(h.hub_id);
      hub.commitmentsAchieved += achieved;
      hub.medianDaysToAchievement = medianOf([h]);
    }
    totals.medianDaysToAchievement = medianOf(rows.achievements.filter((h) => inTotals(h.hub_id)));
    // Liaisons see the hubs their figures reach; everyone else every hub, even an empty one.
    const byHub = rows.hubs
      .filter((h) => scope.kind === 'all' || byHubMap.has(h.id))
      .map((h) => ({ ...(byHubMap.get(h.id) ?? { hubId: h.id, ...emptyFigures() }), hubName: h.name }));
    return {
      filters: { hubId: filters.hubId, from: filters.from, to: filters.to },
      totals,
      byHub,
      refreshedAt: rows.refreshedAt ? new Date(rows.refreshedAt).toISOString() : null,
    };
  }

  /** Engagements, new commitments and achievements per month of the range (every month, zeros included). */
  async trends(user: AuthUser, filters: DashboardFilters): Promise<DashboardTrends> {
    const rows = await this.charts.trendRows(dashboardScope(user), filters);
    return { months: monthsOf(rows, filters.from, filters.to) };
  }

  /** Cities with coordinates: engagements in the range (map size) and the furthest status of their commitments (colour). */
  async map(user: AuthUser, filters: DashboardFilters): Promise<DashboardMap> {
    return { cities: await this.charts.mapCities(dashboardScope(user), filters) };
  }

  /**
   * Peer learning: an edge from the host city of an engagement (started in the range) to each other
   * city whose live commitment it inspired; the strongest edges, and the cities they join.
   */
  async graph(user: AuthUser, filters: DashboardFilters): Promise<DashboardGraph> {
    const edges = await this.charts.graphEdges(dashboardScope(user), filters);
    const nodes = await this.charts.graphNodes([...new Set(edges.flatMap((e) => [e.source, e.target]))]);
    return { nodes, edges };
  }

  /** Stalled or overdue commitments and the oldest overdue follow-ups, with owners. */
  async atRisk(user: AuthUser, filters: DashboardFilters): Promise<DashboardAtRisk> {
    const scope = dashboardScope(user);
    const [commitments, followUps] = await Promise.all([
      this.lists.atRiskCommitments(scope, filters.hubId),
      this.lists.overdueFollowUps(scope, filters.hubId),
    ]);
    return { commitments, followUps };
  }

  /**
   * Stories by category and status (archived left out), and the achieved commitments that no live
   * story links, newest achievement first. A liaison: stories about its cities and commitments of its cities.
   */
  async stories(user: AuthUser, filters: Pick<DashboardFilters, 'hubId'>): Promise<DashboardStories> {
    const scope = dashboardScope(user);
    const [byCategoryAndStatus, achievedWithoutStory, figuresChanged] = await Promise.all([
      this.lists.storyCounts(scope, filters.hubId),
      this.lists.achievedWithoutStory(scope, filters.hubId),
      this.lists.storiesWithChangedFigures(scope, filters.hubId),
    ]);
    return { byCategoryAndStatus, achievedWithoutStory, figuresChanged };
  }
}
