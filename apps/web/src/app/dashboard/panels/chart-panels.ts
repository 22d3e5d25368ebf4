import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { COMMITMENT_STATUSES, CommitmentStatus, DashboardGraph, DashboardMapCity, DashboardTrendMonth } from '@impact/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language.service';
import { StatusChip } from '../../shared/ui/status-chip';
import { CityMap, MapLabels } from '../charts/city-map';
import { PeerGraph } from '../charts/peer-graph';
import { TrendLabels, TrendsChart } from '../charts/trends-chart';

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

/** The cities on the world map, coloured by their furthest commitment status, with the legend. */
@Component({
  selector: 'it-map-panel',
  imports: [CityMap, StatusChip, TranslocoPipe],
  template: `
    <section class="section" aria-labelledby="map-heading">
      <h2 id="map-heading" class="section-title">{{ 'dashboard.map.title' | transloco }}</h2>
      @if (cities(); as cities) {
        <it-city-map [cities]="cities" [locale]="language.locale()" [labels]="labels()" />
      }
      <ul class="legend" role="list" [attr.aria-label]="'dashboard.map.legend' | transloco">
        @for (s of statuses; track s) {
          <li><it-status-chip [status]="s" /></li>
        }
        <li class="muted">{{ 'dashboard.map.size' | transloco }}</li>
      </ul>
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
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MapPanel {
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageService);
  readonly cities = input<DashboardMapCity[]>();
  protected readonly statuses = COMMITMENT_STATUSES;

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
    };
  });
}

/** Who learned from whom: from the city that hosted an engagement to the city whose commitment it inspired. */
@Component({
  selector: 'it-graph-panel',
  imports: [PeerGraph, TranslocoPipe],
  template: `
    <section class="section" aria-labelledby="graph-heading">
      <h2 id="graph-heading" class="section-title">{{ 'dashboard.graph.title' | transloco }}</h2>
      @if (graph(); as graph) {
        @if (graph.edges.length) {
          <it-peer-graph [graph]="graph" [description]="description()" [edgeLabel]="edgeLabel()" />
          <p class="muted">{{ 'dashboard.graph.hint' | transloco }}</p>
        } @else {
          <p class="muted">{{ 'dashboard.graph.empty' | transloco }}</p>
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
