import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DashboardFigures } from '@impact/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../core/i18n/language.service';
import { PageHeader } from '../shared/ui/page-header';
import { DashboardQuery } from './dashboard-query';
import { DashboardApi } from './data-access/dashboard.api';
import { KpiCards } from './panels/kpi-cards';
import { HubNames } from '../shared/ui/hub-name';
import { IdlePart } from '../shared/ui/idle-part';
import { afterFirstPaint } from '../shared/ui/render-when-idle';

/**
 * The leadership dashboard: KPI cards (every figure a door to the list that holds it), the same
 * figures per hub, trends, what is late, stories, the map and the peer-learning graph. Hub and range
 * live in the URL; a hub manager lands on its hub. The page loads the figures; the panels show them.
 * On a cold load the figures paint first: the hub and range fields above them (Material's select and
 * datepicker) and the panels below them (their code, ECharts included) are loaded and rendered once the
 * browser is idle after that paint.
 */
@Component({
  selector: 'it-dashboard-page',
  imports: [IdlePart, KpiCards, MatProgressBarModule, PageHeader, TranslocoPipe],
  templateUrl: './dashboard.page.html',
  styleUrl: './dashboard.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPage {
  private readonly api = inject(DashboardApi);
  private readonly language = inject(LanguageService);
  private readonly hubNames = inject(HubNames);
  /** The hub and range, from the URL. */
  protected readonly filters = new DashboardQuery().filters;

  protected readonly summary = rxResource({ params: () => this.filters(), stream: ({ params }) => this.api.summary(params) });
  protected readonly trends = rxResource({ params: () => this.filters(), stream: ({ params }) => this.api.trends(params) });
  protected readonly map = rxResource({ params: () => this.filters(), stream: ({ params }) => this.api.map(params) });
  protected readonly graph = rxResource({ params: () => this.filters(), stream: ({ params }) => this.api.graph(params) });
  protected readonly atRisk = rxResource({ params: () => this.filters(), stream: ({ params }) => this.api.atRisk(params) });
  /** Stories take the hub only: changing the range does not refetch them. */
  private readonly storyHub = computed(() => this.filters().hubId);
  protected readonly stories = rxResource({
    params: () => {
      const hubId = this.storyHub();
      return hubId ? { hubId } : {};
    },
    stream: ({ params }) => this.api.stories(params),
  });

  /** The figures render a frame after the page's frame (heading, freshness, filters' places): its first paint does not wait for them. */
  private readonly painted = afterFirstPaint();
  protected readonly totals = computed<DashboardFigures | null>(() =>
    this.painted() && this.summary.hasValue() ? this.summary.value().totals : null,
  );
  protected readonly empty = computed(() => {
    const t = this.totals();
    return !!t && t.engagements === 0 && Object.values(t.commitmentsByStatus).every((n) => n === 0) && t.followUpsOverdue === 0;
  });
  protected readonly hubName = computed(() => {
    const id = this.filters().hubId;
    return id ? this.hubNames.name(id) : '';
  });
  /** Whether the hub filter applies to this user (the placeholder's hub field). */
  protected readonly hubFilter = this.hubNames.filterApplies;
  /** Rendered once the browser is idle after the figures' paint (see the template). */
  protected readonly parts = {
    filters: () => import('./panels/dashboard-filters').then((m) => m.DashboardFiltersBar),
    details: () => import('./panels/dashboard-details').then((m) => m.DashboardDetails),
    /** The error and "nothing yet" states (with their buttons), only when they apply. */
    state: () => import('./panels/dashboard-state').then((m) => m.DashboardState),
  };
  protected readonly retry = () => this.summary.reload();
  protected readonly detailsInputs = computed(() => ({
    rows: this.summary.hasValue() ? this.summary.value().byHub : [],
    filters: this.filters(),
    months: this.trends.hasValue() ? this.trends.value().months : undefined,
    atRisk: this.atRisk.hasValue() ? this.atRisk.value() : undefined,
    stories: this.stories.hasValue() ? this.stories.value() : undefined,
    storiesFailed: !!this.stories.error(),
    cities: this.map.hasValue() ? this.map.value().cities : undefined,
    graph: this.graph.hasValue() ? this.graph.value() : undefined,
  }));

  protected readonly freshness = computed(() => {
    const at = this.summary.hasValue() ? this.summary.value().refreshedAt : null;
    if (!at) return null;
    return new Intl.DateTimeFormat(this.language.locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
  });
}
