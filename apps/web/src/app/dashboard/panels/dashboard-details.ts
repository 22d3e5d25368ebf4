import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { provideEchartsCore } from 'ngx-echarts';
import {
  DashboardAtRisk,
  DashboardFilters,
  DashboardGraph,
  DashboardHubFigures,
  DashboardMapCity,
  DashboardStories,
  DashboardTrendMonth,
} from '@impact/contracts';
import { AtRiskPanel } from './at-risk-panel';
import { GraphPanel, MapPanel, TrendsPanel } from './chart-panels';
import { HubTable } from './hub-table';
import { StoryPanel } from './story-panel';

/**
 * The dashboard below its figures: the same figures per hub, trends, what is late, stories, the map and
 * the peer-learning graph. The page renders it once its figures have painted (its code, ECharts
 * included, loads then); an input left undefined is a panel whose data is still on its way.
 */
@Component({
  selector: 'it-dashboard-details',
  imports: [AtRiskPanel, GraphPanel, HubTable, MapPanel, StoryPanel, TrendsPanel],
  // ECharts (and the parts of it the dashboard uses) load only when a chart is drawn.
  providers: [provideEchartsCore({ echarts: () => import('../charts/echarts-setup').then((m) => m.echarts) })],
  template: `
    <it-hub-table class="page-break" [rows]="rows()" [filters]="filters()" />
    <div class="it-two-up page-break">
      <it-trends-panel [months]="months()" />
      <it-at-risk-panel [atRisk]="atRisk()" />
    </div>
    <it-story-panel [stories]="stories()" [failed]="storiesFailed()" [hubId]="filters().hubId" />
    <div class="it-two-up page-break">
      <it-map-panel [cities]="cities()" [focus]="!!filters().hubId" />
      <it-graph-panel [graph]="graph()" />
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    // Each part of the dashboard after the figures starts a printed page.
    @media print {
      .page-break {
        break-before: page;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardDetails {
  readonly rows = input.required<DashboardHubFigures[]>();
  readonly filters = input.required<DashboardFilters>();
  readonly months = input<DashboardTrendMonth[]>();
  readonly atRisk = input<DashboardAtRisk>();
  readonly stories = input<DashboardStories>();
  readonly storiesFailed = input(false);
  readonly cities = input<DashboardMapCity[]>();
  readonly graph = input<DashboardGraph>();
}
