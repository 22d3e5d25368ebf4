import { ChangeDetectionStrategy, Component, computed, effect, inject, untracked } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  COMMITMENT_STATUSES,
  CommitmentStatus,
  DashboardFigures,
  DashboardFilters,
  KPIS,
  KpiId,
  PARTICIPANT_GROUPS,
  STORY_CATEGORIES,
  STORY_STATUSES,
  StoryCategory,
  StoryStatus,
  kpiListRoute,
  share,
} from '@impact/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { of } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { LanguageService } from '../core/i18n/language.service';
import { LocaleDatePipe, LocaleNumberPipe } from '../core/i18n/locale.pipes';
import { LookupsApi } from '../shared/data/lookups.api';
import { CityLink } from '../shared/ui/city-link';
import { EmptyState } from '../shared/ui/empty-state';
import { PageHeader } from '../shared/ui/page-header';
import { StatusChip } from '../shared/ui/status-chip';
import { CityMap, MapLabels } from './charts/city-map';
import { PeerGraph } from './charts/peer-graph';
import { TrendLabels, TrendsChart } from './charts/trends-chart';
import { DashboardApi } from './data-access/dashboard.api';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** `?hubId=all`: every hub, said out loud (a hub manager's own hub is the default otherwise). */
const ALL_HUBS = 'all';

interface Door {
  route: string;
  params: Record<string, string>;
}

interface Card {
  id: KpiId;
  value: number | null;
  /** Shown instead of the bare number (a share, a number of days). */
  display?: string;
  door: Door;
}

/**
 * The leadership dashboard: KPI cards (every figure a door to the list that holds it), the same
 * figures per hub, trends, the map, the peer-learning graph and what is late. Hub and range live in
 * the URL; a hub manager lands on its hub.
 */
@Component({
  selector: 'it-dashboard-page',
  imports: [
    CityLink,
    CityMap,
    EmptyState,
    LocaleDatePipe,
    LocaleNumberPipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTooltipModule,
    PageHeader,
    PeerGraph,
    RouterLink,
    StatusChip,
    TranslocoPipe,
    TrendsChart,
  ],
  templateUrl: './dashboard.page.html',
  styleUrl: './dashboard.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPage {
  private readonly api = inject(DashboardApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthService);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageService);
  protected readonly hubs = toSignal(inject(LookupsApi).hubs(), { initialValue: [] });
  protected readonly statuses = COMMITMENT_STATUSES;
  protected readonly groups = PARTICIPANT_GROUPS;
  protected readonly kpis = KPIS;

  private readonly params = toSignal(this.route.queryParamMap, { initialValue: this.route.snapshot.queryParamMap });
  /** The hub, range and their URL form. */
  protected readonly filters = computed<DashboardFilters>(() => {
    const p = this.params();
    const hubId = p.get('hubId');
    const from = p.get('from');
    const to = p.get('to');
    return {
      ...(hubId && hubId !== ALL_HUBS ? { hubId } : {}),
      ...(from && DAY.test(from) ? { from } : {}),
      ...(to && DAY.test(to) ? { to } : {}),
    };
  });
  protected readonly hubChoice = computed(() => this.filters().hubId ?? ALL_HUBS);

  protected readonly summary = rxResource({ params: () => this.filters(), stream: ({ params }) => this.api.summary(params) });
  protected readonly trends = rxResource({ params: () => this.filters(), stream: ({ params }) => this.api.trends(params) });
  protected readonly map = rxResource({ params: () => this.filters(), stream: ({ params }) => this.api.map(params) });
  protected readonly graph = rxResource({ params: () => this.filters(), stream: ({ params }) => this.api.graph(params) });
  protected readonly atRisk = rxResource({
    params: () => this.filters(),
    stream: ({ params }) => (params ? this.api.atRisk(params) : of({ commitments: [], followUps: [] })),
  });

  /** Stories take the hub only: changing the range does not refetch them. */
  private readonly storyHub = computed(() => this.filters().hubId);
  protected readonly stories = rxResource({
    params: () => {
      const hubId = this.storyHub();
      return hubId ? { hubId } : {};
    },
    stream: ({ params }) => this.api.stories(params),
  });
  protected readonly storyCategories = STORY_CATEGORIES;
  /** Archived stories are left out of the table. */
  protected readonly storyStatuses = STORY_STATUSES.filter((s) => s !== 'archived');
  /** category → status → count, zeros included. */
  protected readonly storyCounts = computed(() => {
    const counts = {} as Record<StoryCategory, Record<StoryStatus, number>>;
    for (const c of STORY_CATEGORIES) counts[c] = Object.fromEntries(STORY_STATUSES.map((s) => [s, 0])) as Record<StoryStatus, number>;
    for (const cell of this.stories.hasValue() ? this.stories.value().byCategoryAndStatus : []) {
      if (counts[cell.category]) counts[cell.category][cell.status] = cell.count;
    }
    return counts;
  });
  protected readonly storyTotal = computed(() =>
    this.stories.hasValue() ? this.stories.value().byCategoryAndStatus.reduce((n, c) => n + c.count, 0) : 0,
  );
  /** The commitments still waiting for a story: for hub managers, leadership and admins (not liaisons). */
  protected readonly showWithoutStory = computed(() => {
    const role = this.auth.user()?.role;
    return role === 'hub_manager' || role === 'leadership' || role === 'admin';
  });

  /** Whether the user may draft a story about this commitment. */
  protected canDraft(c: { hubId: string; cityId: string }): boolean {
    return this.auth.can('stories', 'create', { hubIds: [c.hubId], cityIds: [c.cityId] });
  }

  protected readonly totals = computed<DashboardFigures | null>(() => (this.summary.hasValue() ? this.summary.value().totals : null));
  protected readonly empty = computed(() => {
    const t = this.totals();
    return !!t && t.engagements === 0 && Object.values(t.commitmentsByStatus).every((n) => n === 0) && t.followUpsOverdue === 0;
  });

  constructor() {
    // A hub manager lands on its own hub (unless the URL already says which hub, or "all").
    effect(() => {
      const user = this.auth.user();
      const params = this.params();
      if (user?.role === 'hub_manager' && user.hubIds.length && !params.has('hubId')) {
        untracked(() =>
          void this.router.navigate([], { queryParams: { hubId: user.hubIds[0] }, queryParamsHandling: 'merge', replaceUrl: true }),
        );
      }
    });
  }

  /** The list a KPI opens, with the filters that reproduce it. */
  protected door(id: KpiId, filters: DashboardFilters = this.filters(), status?: CommitmentStatus): Door {
    return { route: kpiListRoute(id), params: KPIS[id].drillDown(filters, status) };
  }

  protected cardsFor(t: DashboardFigures, filters: DashboardFilters): Card[] {
    this.language.language();
    const ratio = share(t.engagementsLedToCommitment, t.engagements);
    const percent = new Intl.NumberFormat(this.language.locale(), { style: 'percent', maximumFractionDigits: 0 });
    return [
      { id: 'activeCities', value: t.activeCities, door: this.door('activeCities', filters) },
      { id: 'engagements', value: t.engagements, door: this.door('engagements', filters) },
      { id: 'commitmentsAchieved', value: t.commitmentsAchieved, door: this.door('commitmentsAchieved', filters) },
      { id: 'commitmentsAtRisk', value: t.commitmentsAtRisk, door: this.door('commitmentsAtRisk', filters) },
      { id: 'followUpsOverdue', value: t.followUpsOverdue, door: this.door('followUpsOverdue', filters) },
      {
        id: 'medianDaysToAchievement',
        value: t.medianDaysToAchievement,
        display:
          t.medianDaysToAchievement === null
            ? '—'
            : this.transloco.translate('dashboard.days', { n: Math.round(t.medianDaysToAchievement * 10) / 10 }),
        door: this.door('medianDaysToAchievement', filters),
      },
      {
        id: 'engagementsLedToCommitment',
        value: t.engagementsLedToCommitment,
        display: ratio === null ? '—' : percent.format(ratio),
        door: this.door('engagementsLedToCommitment', filters),
      },
    ];
  }

  protected readonly cards = computed(() => {
    const t = this.totals();
    return t ? this.cardsFor(t, this.filters()) : [];
  });

  protected readonly hubName = computed(() => {
    const id = this.filters().hubId;
    return id ? (this.hubs().find((h) => h.id === id)?.name ?? '') : '';
  });

  protected readonly freshness = computed(() => {
    const at = this.summary.hasValue() ? this.summary.value().refreshedAt : null;
    if (!at) return null;
    return new Intl.DateTimeFormat(this.language.locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
  });

  protected readonly rtl = computed(() => this.language.direction() === 'rtl');

  protected readonly trendLabels = computed<TrendLabels>(() => {
    this.language.language();
    const t = (k: string) => this.transloco.translate(`dashboard.trends.${k}`);
    return { engagements: t('engagements'), newCommitments: t('newCommitments'), achieved: t('achieved'), description: t('description') };
  });

  protected readonly mapLabels = computed<MapLabels>(() => {
    this.language.language();
    const status = Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, this.transloco.translate(`status.commitment.${s}`)])) as Record<CommitmentStatus, string>;
    return {
      engagements: this.transloco.translate('dashboard.map.engagements'),
      status,
      noCommitment: this.transloco.translate('dashboard.map.noCommitment'),
      description: this.transloco.translate('dashboard.map.description', { n: this.map.hasValue() ? this.map.value().cities.length : 0 }),
    };
  });

  protected readonly graphDescription = computed(() => {
    this.language.language();
    const g = this.graph.hasValue() ? this.graph.value() : { nodes: [], edges: [] };
    return this.transloco.translate('dashboard.graph.description', { cities: g.nodes.length, links: g.edges.length });
  });
  protected readonly edgeLabel = computed(() => {
    this.language.language();
    return (n: number) => this.transloco.translate('dashboard.graph.edge', { n });
  });

  protected setHub(hubId: string): void {
    void this.router.navigate([], { queryParams: { hubId }, queryParamsHandling: 'merge' });
  }

  protected setDate(key: 'from' | 'to', value: string): void {
    void this.router.navigate([], { queryParams: { [key]: DAY.test(value) ? value : null }, queryParamsHandling: 'merge' });
  }

  protected clearRange(): void {
    void this.router.navigate([], { queryParams: { from: null, to: null }, queryParamsHandling: 'merge' });
  }

  protected print(): void {
    window.print();
  }
}
