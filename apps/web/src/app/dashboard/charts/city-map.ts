import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { CommitmentStatus, DashboardMapCity } from '@impact/contracts';
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { ChartHost } from './chart-host';
import { STATUS_COLOURS } from '../../shared/ui/status-chip';
import { CHART_FONT, escapeHtml, numberFormatter } from './chart-format';
import { frame, MapMark, MapView, marks, MAX_ZOOM, WORLD_ZOOM } from './map-view';
import { registerWorld } from './world';

export interface MapLabels {
  engagements: string;
  status: Record<CommitmentStatus, string>;
  noCommitment: string;
  description: string;
  /** "5 cities": a cluster's name. */
  cluster: (count: number) => string;
  /** "and 3 more", after the names a cluster's tooltip lists. */
  more: (count: number) => string;
  /** How to open a cluster. */
  zoomIn: string;
}

const NO_STATUS = '#9e9e9e';
const CLUSTER = '#37474f';
/** Names a cluster's tooltip lists before "and N more". */
const LISTED = 6;

/** A data item of the map's series: a city (with its id, so a click opens it) or a cluster (no id: a click zooms in). */
interface MarkItem {
  id?: string;
  name: string;
  value: [number, number, number];
  status?: CommitmentStatus | null;
  cluster?: { names: string[]; target: MapView };
}

/**
 * Cities on the world map: coloured by their furthest commitment status, sized by engagements.
 * Cities that overlap at the current zoom are drawn as one cluster with their count; a click on it
 * zooms in until they come apart (near the closest zoom they are set apart instead). A click on a
 * city opens its page. The map is drawn once the world geometry is registered.
 */
@Component({
  selector: 'it-city-map',
  imports: [ChartHost],
  template: `
    @if (ready()) {
      <it-chart
        [options]="options()"
        [description]="labels().description"
        [height]="380"
        cityLinks="items"
        (chartReady)="attach($event)"
        data-testid="city-map"
        [attr.data-marks]="drawn()"
      />
    } @else {
      <div class="chart" aria-hidden="true"></div>
    }
  `,
  styles: `
    .chart {
      block-size: 380px;
      inline-size: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CityMap {
  readonly cities = input.required<DashboardMapCity[]>();
  readonly locale = input.required<string>();
  readonly labels = input.required<MapLabels>();
  /** Frame the cities (a hub's) rather than the whole world. */
  readonly focus = input(false);
  protected readonly ready = signal(false);
  /** What is drawn now ("3 cities, 2 clusters at zoom 4.2" as numbers: `cities clusters zoom`), for tests and for a look in the DOM. */
  protected readonly drawn = signal('');

  private chart: ECharts | null = null;
  /** The marks drawn now, to redraw only when a zoom changes them. */
  private signature = '';

  constructor() {
    void registerWorld().then(() => this.ready.set(true));
  }

  private readonly view = computed<MapView>(() => (this.focus() ? frame(this.cities()) : { zoom: WORLD_ZOOM }));

  protected readonly options = computed<EChartsCoreOption>(() => {
    const fmt = numberFormatter(this.locale());
    const l = this.labels();
    const view = this.view();
    return {
      textStyle: { fontFamily: CHART_FONT },
      aria: { enabled: true, label: { description: l.description } },
      tooltip: {
        trigger: 'item',
        formatter: (p: { data?: MarkItem }) => {
          const d = p.data;
          if (!d) return '';
          if (d.cluster) {
            const names = d.cluster.names.slice(0, LISTED).map((n) => `<bdi>${escapeHtml(n)}</bdi>`);
            const rest = d.cluster.names.length - LISTED;
            return [
              escapeHtml(l.cluster(d.value[2])),
              names.join('<br>') + (rest > 0 ? `<br>${escapeHtml(l.more(rest))}` : ''),
              escapeHtml(l.zoomIn),
            ].join('<br>');
          }
          return `<bdi>${escapeHtml(d.name)}</bdi><br>${escapeHtml(l.engagements)}: ${fmt(d.value[2])}<br>${escapeHtml(d.status ? l.status[d.status] : l.noCommitment)}`;
        },
      },
      geo: {
        map: 'world',
        roam: true,
        scaleLimit: { min: 1, max: MAX_ZOOM },
        ...view,
        itemStyle: { areaColor: '#eef1f4', borderColor: '#c5ccd3' },
        emphasis: { disabled: true },
        silent: true,
      },
      series: [{ id: 'cities', type: 'scatter', coordinateSystem: 'geo', data: this.items(view.zoom), cursor: 'pointer' }],
    };
  });

  /** The series' items at `zoom`: cities and clusters, sized and coloured. Remembers what it drew. */
  private items(zoom: number): MarkItem[] {
    const fmt = numberFormatter(this.locale());
    const l = this.labels();
    const cities = this.cities();
    const max = Math.max(1, ...cities.map((c) => c.engagements));
    const drawn = marks(cities, zoom);
    this.signature = signatureOf(drawn);
    const clusters = drawn.filter((m) => m.kind === 'cluster').length;
    queueMicrotask(() => this.drawn.set(`${drawn.length - clusters} ${clusters} ${Math.round(zoom * 100) / 100}`));
    return drawn.map((m) =>
      m.kind === 'city'
        ? {
            id: m.city.id,
            name: m.city.name,
            status: m.city.furthestStatus,
            value: [...m.at, m.city.engagements],
            symbolSize: 6 + Math.round(22 * Math.sqrt(m.city.engagements / max)),
            itemStyle: {
              color: m.city.furthestStatus ? STATUS_COLOURS[m.city.furthestStatus].accent : NO_STATUS,
              borderColor: '#fff',
              borderWidth: 1,
            },
          }
        : {
            name: l.cluster(m.cities.length),
            value: [...m.at, m.cities.length],
            cluster: { names: m.cities.map((c) => c.name).sort((a, b) => a.localeCompare(b)), target: m.target },
            symbolSize: 24 + Math.min(8, Math.round(2 * Math.log2(m.cities.length))),
            itemStyle: { color: CLUSTER, borderColor: '#fff', borderWidth: 2 },
            label: { show: true, position: 'inside', color: '#fff', fontWeight: 'bold', formatter: fmt(m.cities.length) },
          },
    );
  }

  /** Follows the reader's zoom (wheel, pinch) and opens clusters on click. */
  protected attach(chart: ECharts): void {
    this.chart = chart;
    chart.on('georoam', () => this.redraw());
    chart.on('click', (e: { data?: unknown }) => {
      const target = (e.data as MarkItem | undefined)?.cluster?.target;
      if (!target) return;
      chart.setOption({ geo: { center: target.center, zoom: target.zoom } });
      this.redraw();
    });
  }

  /** Draws the marks of the current zoom when they differ from what is drawn (panning alone changes nothing). */
  private redraw(): void {
    const geo = (this.chart?.getOption() as { geo?: { zoom?: number }[] } | undefined)?.geo?.[0];
    if (!this.chart || !geo?.zoom) return;
    const zoom = geo.zoom;
    const next = signatureOf(marks(this.cities(), zoom));
    if (next === this.signature) return;
    this.chart.setOption({ series: [{ id: 'cities', data: this.items(zoom) }] });
  }
}

function signatureOf(drawn: MapMark<DashboardMapCity>[]): string {
  return drawn.map((m) => (m.kind === 'city' ? `${m.city.id}@${m.at.join(',')}` : m.cities.map((c) => c.id).join('+'))).join(' ');
}
