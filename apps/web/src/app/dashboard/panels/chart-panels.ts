import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { COMMITMENT_STATUSES, CommitmentStatus, DashboardGraph, DashboardMapCity, DashboardTrendMonth } from '@impact/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language.service';
import { LocaleNumberPipe } from '../../core/i18n/locale.pipes';
import { HubNames } from '../../shared/ui/hub-name';
import { StatusChip } from '../../shared/ui/status-chip';
import { CityMap, MapLabels } from '../charts/city-map';
import { PeerGraph } from '../charts/peer-graph';
import { TrendLabels, TrendsChart } from '../charts/trends-chart';
import { learningRows, mapTableRows } from './view-rows';
import { ChartView, ViewToggle } from './view-toggle';

// The dashboard's three charts, each in its titled section, with its words in the active language.
// An input left undefined is a chart still loading: the section stands, the chart follows.

/** Engagements, new commitments and achievements per month. */
@Component({
  selector: 'it-trends-panel',
  imports: [TranslocoPipe, TrendsChart],
  template: `
    <section class="section" aria-labelledby="trends-heading">
      <h2 id="trends-heading" class="section-title">{{ 'dashboard.trends.title' | transloco }}</h2>
      @if (months(); as months) {
        <it-trends-chart [months]="months" [locale]="language.locale()" [rtl]="language.direction() === 'rtl'" [labels]="labels()" />
      }
    </section>
  `,
  styleUrl: './panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TrendsPanel {
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageService);
  readonly months = input<DashboardTrendMonth[]>();

  protected readonly labels = computed<TrendLabels>(() => {
    this.language.language();
    const t = (k: string) => this.transloco.translate(`dashboard.trends.${k}`);
    return { engagements: t('engagements'), newCommitments: t('newCommitments'), achieved: t('achieved'), description: t('description') };
  });
}

/** The cities on the world map (framed on the chosen hub), coloured by their furthest commitment status; or the same as a table. */
@Component({
  selector: 'it-map-panel',
  imports: [CityMap, LocaleNumberPipe, RouterLink, StatusChip, TranslocoPipe, ViewToggle],
  template: `
    <section class="section" aria-labelledby="map-heading">
      <div class="head">
        <h2 id="map-heading" class="section-title">{{ 'dashboard.map.title' | transloco }}</h2>
        <it-view-toggle [(view)]="view" [label]="'dashboard.views.mapLabel' | transloco" chartIcon="map" testId="map-view" />
      </div>
      @if (cities(); as cities) {
        @if (view() === 'chart') {
          <it-city-map [cities]="cities" [locale]="language.locale()" [labels]="labels()" [focus]="focus()" />
        } @else {
          <div
            class="table-wrap view-wrap"
            tabindex="0"
            role="region"
            [attr.aria-label]="'dashboard.views.mapTable' | transloco"
            data-testid="map-table"
          >
            <table class="hub-table view-table">
              <caption class="cdk-visually-hidden">
                {{
                  'dashboard.views.mapTable' | transloco
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'dashboard.views.city' | transloco }}</th>
                  <th scope="col">{{ 'dashboard.byHub.hub' | transloco }}</th>
                  <th scope="col" class="num">{{ 'dashboard.map.engagements' | transloco }}</th>
                  <th scope="col">{{ 'dashboard.views.furthestStatus' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (row of rows(); track row.id) {
                  <tr>
                    <th scope="row">
                      <a [routerLink]="['/cities', row.id]"
                        ><bdi>{{ row.name }}</bdi></a
                      >
                    </th>
                    <td class="text">
                      <bdi>{{ row.hubName }}</bdi>
                    </td>
                    <td>{{ row.engagements | itNumber }}</td>
                    <td class="text">
                      @if (row.status) {
                        <it-status-chip [status]="row.status" />
                      } @else {
                        <span class="muted">{{ 'dashboard.map.noCommitment' | transloco }}</span>
                      }
                    </td>
                  </tr>
                } @empty {
                  <tr>
                    <td class="text" colspan="4">{{ 'dashboard.views.noCities' | transloco }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      }
      @if (view() === 'chart') {
        <ul class="legend" role="list" [attr.aria-label]="'dashboard.map.legend' | transloco">
          @for (s of statuses; track s) {
            <li><it-status-chip [status]="s" /></li>
          }
          <li class="muted">{{ 'dashboard.map.size' | transloco }}</li>
        </ul>
        <p class="muted cluster-note">{{ 'dashboardMap.clusterNote' | transloco }}</p>
      }
    </section>
  `,
  styleUrl: './panel.scss',
  styles: `
    .legend {
      list-style: none;
      padding: 0;
      margin: 8px 0 0;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px 10px;
      font: var(--mat-sys-body-small);
    }
    .cluster-note {
      margin-block: 4px 0;
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MapPanel {
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageService);
  /** The hubs named in the reader's language. */
  private readonly hubs = inject(HubNames).localized;
  readonly cities = input<DashboardMapCity[]>();
  /** A hub is chosen: the map frames its cities. */
  readonly focus = input(false);
  protected readonly statuses = COMMITMENT_STATUSES;
  protected readonly view = signal<ChartView>('chart');
  protected readonly rows = computed(() => mapTableRows(this.cities() ?? [], this.hubs(), this.language.locale()));

  protected readonly labels = computed<MapLabels>(() => {
    this.language.language();
    const status = Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, this.transloco.translate(`status.commitment.${s}`)])) as Record<
      CommitmentStatus,
      string
    >;
    return {
      engagements: this.transloco.translate('dashboard.map.engagements'),
      status,
      noCommitment: this.transloco.translate('dashboard.map.noCommitment'),
      description: this.transloco.translate('dashboard.map.description', { n: this.cities()?.length ?? 0 }),
      cluster: (count) => this.transloco.translate('dashboardMap.cluster', { count }),
      more: (count) => this.transloco.translate('dashboardMap.more', { count }),
      zoomIn: this.transloco.translate('dashboardMap.zoomIn'),
    };
  });
}

/** Who learned from whom: from the city that hosted an engagement to the city whose commitment it inspired; or the same as a table. */
@Component({
  selector: 'it-graph-panel',
  imports: [LocaleNumberPipe, PeerGraph, RouterLink, TranslocoPipe, ViewToggle],
  template: `
    <section class="section" aria-labelledby="graph-heading">
      <div class="head">
        <h2 id="graph-heading" class="section-title">{{ 'dashboard.graph.title' | transloco }}</h2>
        <it-view-toggle [(view)]="view" [label]="'dashboard.views.graphLabel' | transloco" chartIcon="hub" testId="graph-view" />
      </div>
      @if (graph(); as graph) {
        @if (!graph.edges.length) {
          <p class="muted">{{ 'dashboard.graph.empty' | transloco }}</p>
        } @else if (view() === 'chart') {
          <it-peer-graph
            [graph]="graph"
            [description]="description()"
            [edgeLabel]="edgeLabel()"
            [keyHint]="'dashboard.views.keyHint' | transloco"
          />
          <p class="muted">{{ 'dashboard.graph.hint' | transloco }}</p>
        } @else {
          <div
            class="table-wrap view-wrap"
            tabindex="0"
            role="region"
            [attr.aria-label]="'dashboard.views.graphTable' | transloco"
            data-testid="graph-table"
          >
            <table class="hub-table view-table">
              <caption class="cdk-visually-hidden">
                {{
                  'dashboard.views.graphTable' | transloco
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'dashboard.views.learnedFrom' | transloco }}</th>
                  <th scope="col">{{ 'dashboard.views.learner' | transloco }}</th>
                  <th scope="col" class="num">{{ 'dashboard.views.inspired' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (row of rows(); track row.fromId + row.toId) {
                  <tr>
                    <th scope="row">
                      <a [routerLink]="['/cities', row.fromId]"
                        ><bdi>{{ row.fromName }}</bdi></a
                      >
                    </th>
                    <td class="text">
                      <a [routerLink]="['/cities', row.toId]"
                        ><bdi>{{ row.toName }}</bdi></a
                      >
                    </td>
                    <td>{{ row.commitments | itNumber }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      }
    </section>
  `,
  styleUrl: './panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GraphPanel {
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  readonly graph = input<DashboardGraph>();
  protected readonly view = signal<ChartView>('chart');
  protected readonly rows = computed(() => learningRows(this.graph() ?? { nodes: [], edges: [] }, this.language.locale()));

  protected readonly description = computed(() => {
    this.language.language();
    const g = this.graph() ?? { nodes: [], edges: [] };
    return this.transloco.translate('dashboard.graph.description', { cities: g.nodes.length, links: g.edges.length });
  });
  protected readonly edgeLabel = computed(() => {
    this.language.language();
    return (n: number) => this.transloco.translate('dashboard.graph.edge', { n });
  });
}
