import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DashboardGraph } from '@impact/contracts';
import type { EChartsCoreOption } from 'echarts/core';
import { ChartHost } from './chart-host';
import { CHART_FONT, escapeHtml } from './chart-format';

const HUB_COLOURS = ['#5c6bc0', '#00897b', '#8e24aa', '#f4511e', '#6d4c41', '#3949ab', '#43a047'];

/**
 * Peer learning: an arrow from the city that hosted an engagement to each city whose commitment it
 * inspired. A click on a city opens its page.
 */
@Component({
  selector: 'it-peer-graph',
  imports: [ChartHost],
  template: `<it-chart [options]="options()" [description]="description()" [height]="420" cityLinks="nodes" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PeerGraph {
  readonly graph = input.required<DashboardGraph>();
  readonly description = input.required<string>();
  /** "{{n}} commitments inspired" label for an edge's tooltip. */
  readonly edgeLabel = input.required<(n: number) => string>();

  protected readonly options = computed<EChartsCoreOption>(() => {
    const { nodes, edges } = this.graph();
    const hubs = [...new Set(nodes.map((n) => n.hubId))].sort();
    const degree = new Map<string, number>();
    for (const e of edges) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + e.weight);
    const names = new Map(nodes.map((n) => [n.id, n.name]));
    const edgeLabel = this.edgeLabel();
    return {
      textStyle: { fontFamily: CHART_FONT },
      aria: { enabled: true, label: { description: this.description() } },
      tooltip: {
        formatter: (p: { dataType: string; data: { source?: string; target?: string; value?: number; name?: string } }) =>
          p.dataType === 'edge'
            ? `<bdi>${escapeHtml(names.get(p.data.source ?? '') ?? '')}</bdi> <span class="it-flip-rtl">→</span> <bdi>${escapeHtml(names.get(p.data.target ?? '') ?? '')}</bdi><br>${escapeHtml(edgeLabel(p.data.value ?? 0))}`
            : `<bdi>${escapeHtml(p.data.name ?? '')}</bdi>`,
      },
      series: [
        {
          type: 'graph',
          layout: 'force',
          roam: true,
          draggable: true,
          force: { repulsion: 140, edgeLength: [50, 120], gravity: 0.12 },
          zoom: 0.9,
          label: { show: true, position: 'bottom', fontSize: 11, formatter: '{b}' },
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 9,
          lineStyle: { color: 'source', opacity: 0.7, curveness: 0.15 },
          emphasis: { focus: 'adjacency' },
          data: nodes.map((n) => ({
            id: n.id,
            name: n.name,
            symbolSize: 10 + Math.min(24, 3 * Math.sqrt(degree.get(n.id) ?? 1)),
            itemStyle: { color: HUB_COLOURS[hubs.indexOf(n.hubId) % HUB_COLOURS.length] },
          })),
          links: edges.map((e) => ({ source: e.source, target: e.target, value: e.weight, lineStyle: { width: 1 + Math.log2(e.weight) } })),
          cursor: 'pointer',
        },
      ],
    };
  });
}
