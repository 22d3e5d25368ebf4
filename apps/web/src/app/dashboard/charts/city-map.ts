import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { CommitmentStatus, DashboardMapCity } from '@impact/contracts';
import type { EChartsCoreOption } from 'echarts/core';
import { ChartHost } from './chart-host';
import { STATUS_COLOURS } from '../../shared/ui/status-chip';
import { CHART_FONT, escapeHtml, numberFormatter } from './chart-format';
import { frame, spread, WORLD_ZOOM } from './map-view';
import { registerWorld } from './world';

export interface MapLabels {
  engagements: string;
  status: Record<CommitmentStatus, string>;
  noCommitment: string;
  description: string;
}

const NO_STATUS = '#9e9e9e';

/**
 * Cities on the world map: coloured by their furthest commitment status, sized by engagements.
 * A click on a city opens its page. The map is drawn once the world geometry is registered.
 */
@Component({
  selector: 'it-city-map',
  imports: [ChartHost],
  template: `
    @if (ready()) {
      <it-chart [options]="options()" [description]="labels().description" [height]="380" cityLinks="items" />
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

  constructor() {
    void registerWorld().then(() => this.ready.set(true));
  }

  protected readonly options = computed<EChartsCoreOption>(() => {
    const fmt = numberFormatter(this.locale());
    const l = this.labels();
    const cities = this.cities();
    const max = Math.max(1, ...cities.map((c) => c.engagements));
    const view = this.focus() ? frame(cities) : { zoom: WORLD_ZOOM };
    const at = spread(cities, view.zoom);
    return {
      textStyle: { fontFamily: CHART_FONT },
      aria: { enabled: true, label: { description: l.description } },
      tooltip: {
        trigger: 'item',
        formatter: (p: { data?: { name: string; value: number[]; status: CommitmentStatus | null } }) =>
          p.data
            ? `<bdi>${escapeHtml(p.data.name)}</bdi><br>${escapeHtml(l.engagements)}: ${fmt(p.data.value[2])}<br>${escapeHtml(p.data.status ? l.status[p.data.status] : l.noCommitment)}`
            : '',
      },
      geo: {
        map: 'world',
        roam: true,
        ...view,
        itemStyle: { areaColor: '#eef1f4', borderColor: '#c5ccd3' },
        emphasis: { disabled: true },
        silent: true,
      },
      series: [
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          data: cities.map((c) => ({
            id: c.id,
            name: c.name,
            status: c.furthestStatus,
            value: [...(at.get(c.id) ?? [c.longitude, c.latitude]), c.engagements],
            itemStyle: {
              color: c.furthestStatus ? STATUS_COLOURS[c.furthestStatus].accent : NO_STATUS,
              borderColor: '#fff',
              borderWidth: 1,
            },
          })),
          symbolSize: (v: number[]) => 6 + Math.round(22 * Math.sqrt(v[2] / max)),
          cursor: 'pointer',
        },
      ],
    };
  });
}
