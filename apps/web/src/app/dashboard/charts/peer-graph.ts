import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DashboardGraph } from '@impact/contracts';
import type { EChartsCoreOption } from 'echarts/core';
import { ChartHost, KeyItem } from './chart-host';
import { CHART_FONT, escapeHtml } from './chart-format';
import { ringLayout } from './graph-layout';

const HUB_COLOURS = ['#5c6bc0', '#00897b', '#8e24aa', '#f4511e', '#6d4c41', '#3949ab', '#43a047'];

/**
 * Peer learning: an arrow from the city that hosted an engagement to each city whose commitment it
 * inspired. The cities sit on a ring by hub and name (the same picture on every load), names pointing
 * outwards. A click on a city, or Enter on the one reached with the arrow keys, opens its page.
 */
@Component({
  selector: 'it-peer-graph',
  imports: [ChartHost],
  template: `<it-chart
    [options]="options()"
    [description]="description()"
    [height]="440"
    cityLinks="nodes"
    [keyItems]="keyItems()"
    [keyHint]="keyHint()"
  />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PeerGraph {
  readonly graph = input.required<DashboardGraph>();
  readonly description = input.required<string>();
  /** "{{n}} commitments inspired" label for an edge's tooltip. */
  readonly edgeLabel = input.required<(n: number) => string>();
  /** How to move through the cities with the keyboard. */
  readonly keyHint = input('');

  private readonly placed = computed(() => ringLayout(this.graph().nodes));
  /** The nodes in the order they are drawn (the ring's), for the keyboard. */
  protected readonly keyItems = computed<KeyItem[]>(() => {
    const names = new Map(this.graph().nodes.map((n) => [n.id, n.name]));
    return this.placed().map((p) => ({ id: p.id, name: names.get(p.id) ?? '' }));
  });

  protected readonly options = computed<EChartsCoreOption>(() => {
    const { nodes, edges } = this.graph();
    const hubs = [...new Set(nodes.map((n) => n.hubId))].sort();
    const degree = new Map<string, number>();
    for (const e of edges) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + e.weight);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const edgeLabel = this.edgeLabel();
    return {
      textStyle: { fontFamily: CHART_FONT },
      aria: { enabled: true, label: { description: this.description() } },
      animation: false,
      tooltip: {
        formatter: (p: { dataType: string; data: { source?: string; target?: string; value?: number; name?: string } }) =>
          p.dataType === 'edge'
            ? `<bdi>${escapeHtml(byId.get(p.data.source ?? '')?.name ?? '')}</bdi> <span class="it-flip-rtl">→</span> <bdi>${escapeHtml(byId.get(p.data.target ?? '')?.name ?? '')}</bdi><br>${escapeHtml(edgeLabel(p.data.value ?? 0))}`
            : `<bdi>${escapeHtml(p.data.name ?? '')}</bdi>`,
      },
      series: [
        {
          type: 'graph',
          layout: 'none',
          // Room around the ring for the names that point outwards.
          top: 90,
          bottom: 90,
          left: 105,
          right: 105,
          roam: true,
          // A long name is cut short with an ellipsis (the tooltip and the table give it whole).
          label: { show: true, fontSize: 11, formatter: '{b}', distance: 6, width: 95, overflow: 'truncate' },
          labelLayout: { hideOverlap: true },
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 8,
          lineStyle: { color: 'source', opacity: 0.6, curveness: 0.25 },
          emphasis: { focus: 'adjacency', label: { fontWeight: 'bold' } },
          data: this.placed().map((p) => {
            const node = byId.get(p.id);
            return {
              id: p.id,
              name: node?.name ?? '',
              x: p.x,
              y: p.y,
              symbolSize: 10 + Math.min(24, 3 * Math.sqrt(degree.get(p.id) ?? 1)),
              itemStyle: { color: HUB_COLOURS[hubs.indexOf(node?.hubId ?? '') % HUB_COLOURS.length] },
              label: { position: p.side, rotate: p.rotate },
            };
          }),
          links: edges.map((e) => ({ source: e.source, target: e.target, value: e.weight, lineStyle: { width: 1 + Math.log2(e.weight) } })),
          cursor: 'pointer',
        },
      ],
    };
  });
}
