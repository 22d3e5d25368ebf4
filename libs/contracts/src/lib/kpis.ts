import type { CommitmentStatus, StoryCategory, StoryStatus } from './enums';
import { COMMITMENT_STATUSES } from './enums';
import { COMMITMENT_STATUS_RANK } from './workflow';
import type { IsoDate, IsoInstant, Participants } from './models';

/**
 * The leadership dashboard's figures, defined ONCE: what each counts, how the info tooltip explains it
 * (translation keys), and which list with which filters reproduces it (the drill-down). The API's SQL
 * (apps/api/src/rules/derived.sql.ts) and the list filters say the same; a property test proves that
 * every figure equals the total of its drill-down list.
 *
 * Date range: `from`/`to` are inclusive calendar dates (UTC); either may be missing (open-ended).
 * Snapshot figures (commitments by status, at risk, overdue follow-ups) describe today, whatever the range.
 */

/** `GET /api/dashboard/*` query: hub and inclusive date range, all optional. */
export interface DashboardFilters {
  hubId?: string;
  from?: IsoDate;
  to?: IsoDate;
}

export const KPI_IDS = [
  'activeCities',
  'engagements',
  'participants',
  'commitmentsByStatus',
  'commitmentsAchieved',
  'followUpsOverdue',
  'commitmentsAtRisk',
  'medianDaysToAchievement',
  'engagementsLedToCommitment',
] as const;
export type KpiId = (typeof KPI_IDS)[number];

/** The list page a figure opens. */
export type KpiList = 'cities' | 'engagements' | 'commitments' | 'follow-ups';

/**
 * - `count`: the figure is the drill-down list's total;
 * - `sum`: the figure is the sum of a field over the drill-down list (participants);
 * - `median`: a median over the drill-down list (its total is the number of values);
 * - `share`: numerator = the drill-down list's total, denominator = the `engagements` figure.
 */
export type KpiMeasure = 'count' | 'sum' | 'median' | 'share';

export interface KpiDefinition {
  id: KpiId;
  /** Translation key of the card's label. */
  labelKey: string;
  /** Translation key of the info tooltip (the definition in words). */
  descriptionKey: string;
  measure: KpiMeasure;
  /** True when the figure describes today and ignores the date range. */
  snapshot: boolean;
  list: KpiList;
  /** The list's query parameters (the same names as the API's list filters) that reproduce the figure. */
  drillDown(filters: DashboardFilters, status?: CommitmentStatus): Record<string, string>;
}

/** Only set parameters: a missing hub or date is no filter. */
function params(entries: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(entries)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

const engagementsInRange = (f: DashboardFilters) => params({ hubId: f.hubId, from: f.from, to: f.to });

export const KPIS: Readonly<Record<KpiId, KpiDefinition>> = {
  activeCities: {
    id: 'activeCities',
    labelKey: 'dashboard.kpi.activeCities.label',
    descriptionKey: 'dashboard.kpi.activeCities.description',
    measure: 'count',
    snapshot: false,
    list: 'cities',
    // Cities (of the hub) that, in the range, hosted, were the place of or took part in an engagement,
    // or saw a status change of one of their commitments (pledging included).
    drillDown: (f) => params({ hubId: f.hubId, active: 'true', activeFrom: f.from, activeTo: f.to }),
  },
  engagements: {
    id: 'engagements',
    labelKey: 'dashboard.kpi.engagements.label',
    descriptionKey: 'dashboard.kpi.engagements.description',
    measure: 'count',
    snapshot: false,
    list: 'engagements',
    // Engagements of the hub starting in the range.
    drillDown: engagementsInRange,
  },
  participants: {
    id: 'participants',
    labelKey: 'dashboard.kpi.participants.label',
    descriptionKey: 'dashboard.kpi.participants.description',
    measure: 'sum',
    snapshot: false,
    list: 'engagements',
    // Participants (total and by group) summed over the engagements above.
    drillDown: engagementsInRange,
  },
  commitmentsByStatus: {
    id: 'commitmentsByStatus',
    labelKey: 'dashboard.kpi.commitmentsByStatus.label',
    descriptionKey: 'dashboard.kpi.commitmentsByStatus.description',
    measure: 'count',
    snapshot: true,
    list: 'commitments',
    // Commitments of the hub by their status today.
    drillDown: (f, status) => params({ hubId: f.hubId, status }),
  },
  commitmentsAchieved: {
    id: 'commitmentsAchieved',
    labelKey: 'dashboard.kpi.commitmentsAchieved.label',
    descriptionKey: 'dashboard.kpi.commitmentsAchieved.description',
    measure: 'count',
    snapshot: false,
    list: 'commitments',
    // Achieved commitments of the hub whose move to `achieved` fell in the range.
    drillDown: (f) => params({ hubId: f.hubId, status: 'achieved', achievedFrom: f.from, achievedTo: f.to }),
  },
  followUpsOverdue: {
    id: 'followUpsOverdue',
    labelKey: 'dashboard.kpi.followUpsOverdue.label',
    descriptionKey: 'dashboard.kpi.followUpsOverdue.description',
    measure: 'count',
    snapshot: true,
    list: 'follow-ups',
    // Open follow-ups past their due date (isFollowUpOverdue), hub of their commitment or engagement.
    drillDown: (f) => params({ hubId: f.hubId, overdue: 'true' }),
  },
  commitmentsAtRisk: {
    id: 'commitmentsAtRisk',
    labelKey: 'dashboard.kpi.commitmentsAtRisk.label',
    descriptionKey: 'dashboard.kpi.commitmentsAtRisk.description',
    measure: 'count',
    snapshot: true,
    list: 'commitments',
    // Stalled, or pledged / in progress past the target date (isCommitmentAtRisk).
    drillDown: (f) => params({ hubId: f.hubId, atRisk: 'true' }),
  },
  medianDaysToAchievement: {
    id: 'medianDaysToAchievement',
    labelKey: 'dashboard.kpi.medianDaysToAchievement.label',
    descriptionKey: 'dashboard.kpi.medianDaysToAchievement.description',
    measure: 'median',
    snapshot: false,
    list: 'commitments',
    // Over the commitments achieved in the range that name an inspiring engagement: days from the
    // earliest inspiring engagement's start to the achievement.
    drillDown: (f) => params({ hubId: f.hubId, status: 'achieved', achievedFrom: f.from, achievedTo: f.to }),
  },
  engagementsLedToCommitment: {
    id: 'engagementsLedToCommitment',
    labelKey: 'dashboard.kpi.engagementsLedToCommitment.label',
    descriptionKey: 'dashboard.kpi.engagementsLedToCommitment.description',
    measure: 'share',
    snapshot: false,
    list: 'engagements',
    // Of the engagements in the range, those that inspired at least one (live) commitment.
    drillDown: (f) => params({ ...engagementsInRange(f), ledToCommitment: 'true' }),
  },
};

/** The web route of a KPI's list. */
export function kpiListRoute(id: KpiId): string {
  return `/${KPIS[id].list}`;
}

/** Share as a fraction 0..1, or null when there is nothing to divide by. */
export function share(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** The furthest status among a city's commitments (COMMITMENT_STATUS_RANK), or null without any. */
export function furthestStatus(statuses: readonly CommitmentStatus[]): CommitmentStatus | null {
  let best: CommitmentStatus | null = null;
  for (const s of statuses) if (best === null || COMMITMENT_STATUS_RANK[s] > COMMITMENT_STATUS_RANK[best]) best = s;
  return best;
}

/** Statuses from furthest to least far, for legends. */
export const STATUSES_BY_RANK: readonly CommitmentStatus[] = [...COMMITMENT_STATUSES].sort(
  (a, b) => COMMITMENT_STATUS_RANK[b] - COMMITMENT_STATUS_RANK[a],
);

/** The dashboard figures of one scope (a hub, or everything the caller may read). */
export interface DashboardFigures {
  activeCities: number;
  engagements: number;
  participants: Participants;
  commitmentsByStatus: Record<CommitmentStatus, number>;
  commitmentsAchieved: number;
  followUpsOverdue: number;
  commitmentsAtRisk: number;
  /** Null when no achieved commitment in the range names an inspiring engagement. */
  medianDaysToAchievement: number | null;
  /** Numerator of the share; the denominator is `engagements`. */
  engagementsLedToCommitment: number;
}

export interface DashboardHubFigures extends DashboardFigures {
  hubId: string;
  hubName: string;
}

/** `GET /api/dashboard/summary` */
export interface DashboardSummary {
  filters: DashboardFilters;
  totals: DashboardFigures;
  /** Every hub the caller's figures reach, side by side (not narrowed by `hubId`). */
  byHub: DashboardHubFigures[];
  /** When the rollups behind the range figures were last rebuilt (null: never; figures then come from the records). */
  refreshedAt: IsoInstant | null;
}

export interface DashboardTrendMonth {
  /** `YYYY-MM` */
  month: string;
  engagements: number;
  newCommitments: number;
  achieved: number;
}

/** `GET /api/dashboard/trends` */
export interface DashboardTrends {
  months: DashboardTrendMonth[];
}

export interface DashboardMapCity {
  id: string;
  name: string;
  countryCode: string;
  hubId: string;
  latitude: number;
  longitude: number;
  /** Engagements concerning the city in the range. */
  engagements: number;
  furthestStatus: CommitmentStatus | null;
}

/** `GET /api/dashboard/map` */
export interface DashboardMap {
  cities: DashboardMapCity[];
}

export interface DashboardGraphNode {
  id: string;
  name: string;
  hubId: string;
}

/** From the host city of an engagement to a city whose commitment it inspired. */
export interface DashboardGraphEdge {
  source: string;
  target: string;
  /** Commitments inspired along this edge. */
  weight: number;
}

/** `GET /api/dashboard/graph` */
export interface DashboardGraph {
  nodes: DashboardGraphNode[];
  edges: DashboardGraphEdge[];
}

export interface DashboardAtRiskCommitment {
  id: string;
  title: string;
  cityId: string;
  cityName: string;
  status: CommitmentStatus;
  targetDate: IsoDate | null;
  ownerId: string | null;
  ownerName: string | null;
}

export interface DashboardOverdueFollowUp {
  id: string;
  title: string;
  cityId: string | null;
  cityName: string | null;
  commitmentId: string | null;
  dueDate: IsoDate;
  ownerId: string | null;
  ownerName: string | null;
}

/** `GET /api/dashboard/at-risk`: late things float up, oldest first. */
export interface DashboardAtRisk {
  commitments: DashboardAtRiskCommitment[];
  followUps: DashboardOverdueFollowUp[];
}

/** One cell of the stories table: non-archived stories of a category in a status. */
export interface DashboardStoryCount {
  category: StoryCategory;
  status: StoryStatus;
  count: number;
}

/** An achieved commitment no live (non-archived) story tells yet. */
export interface DashboardCommitmentWithoutStory {
  id: string;
  title: string;
  cityId: string;
  cityName: string;
  hubId: string;
  /** When it was marked achieved (the last move to achieved); null when the history lacks it. */
  achievedAt: IsoInstant | null;
  updatedAt: IsoInstant;
  ownerName: string | null;
}

/**
 * `GET /api/dashboard/stories`: stories by category and status (archived left out; empty cells left
 * out) and achieved commitments without a story, newest achievement first, at most 50.
 */
export interface DashboardStories {
  byCategoryAndStatus: DashboardStoryCount[];
  achievedWithoutStory: DashboardCommitmentWithoutStory[];
  /** Published stories whose cited figures changed since publication (they need a new revision), newest change first, at most 50. */
  figuresChanged: DashboardStoryFiguresChanged[];
}

export interface DashboardStoryFiguresChanged {
  id: string;
  title: string;
  figuresChangedAt: IsoInstant;
}
