import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';

/** An item the keyboard can step to: the index of its data item in the first series. */
export interface KeyItem {
  id: string;
  name: string;
}

/**
 * Where a dashboard chart is drawn: a described image (the description is its text for screen readers)
 * that follows its container's size. With `cityLinks`, a click on a city opens its page: any data item
 * that carries an id (`items`), or only a graph's nodes (`nodes`). With `keyItems`, the chart takes the
 * focus: the arrow keys step from item to item (highlighted, its tooltip shown, its name announced) and
 * Enter opens the city.
 */
@Component({
  selector: 'it-chart',
  imports: [NgxEchartsDirective],
  template: `<div
      echarts
      class="chart"
      role="img"
      [style.block-size.px]="height()"
      [attr.aria-label]="label()"
      [attr.tabindex]="keyItems().length ? 0 : null"
      [options]="options()"
      [autoResize]="true"
      (chartInit)="init($event)"
      (chartClick)="open($event)"
      (keydown)="key($event)"
      (blur)="leave()"
    ></div>
    @if (keyItems().length) {
      <p class="cdk-visually-hidden" aria-live="polite">{{ announced() }}</p>
    }`,
  styles: `
    :host {
      display: block;
    }
    .chart {
      inline-size: 100%;
    }
    .chart:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChartHost {
  private readonly router = inject(Router);
  readonly options = input.required<EChartsCoreOption>();
  readonly description = input.required<string>();
  /** Block size in pixels. */
  readonly height = input.required<number>();
  readonly cityLinks = input<'items' | 'nodes' | null>(null);
  /** The first series' data items in order, for the keyboard; none: the chart is not focusable. */
  readonly keyItems = input<readonly KeyItem[]>([]);
  /** How to use the keys, read after the description. */
  readonly keyHint = input('');

  /** The drawn chart, for a host that follows its events (the map's zoom). */
  readonly chartReady = output<ECharts>();

  protected chart: ECharts | null = null;
  private readonly index = signal(-1);
  protected readonly label = computed(() => [this.description(), this.keyItems().length ? this.keyHint() : ''].filter(Boolean).join(' '));
  protected readonly announced = computed(() => this.keyItems()[this.index()]?.name ?? '');

  protected init(chart: ECharts): void {
    this.chart = chart;
    this.chartReady.emit(chart);
  }

  protected open(event: { dataType?: string; data?: unknown }): void {
    const id = (event.data as { id?: string } | undefined)?.id;
    const links = this.cityLinks();
    if (id && (links === 'items' || (links === 'nodes' && event.dataType === 'node'))) void this.router.navigate(['/cities', id]);
  }

  protected key(event: KeyboardEvent): void {
    const items = this.keyItems();
    if (!items.length || !this.chart) return;
    const last = items.length - 1;
    const at = this.index();
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? at >= last
          ? 0
          : at + 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? at <= 0
            ? last
            : at - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next !== null) {
      event.preventDefault();
      this.show(next);
    } else if (event.key === 'Enter' && at >= 0) {
      event.preventDefault();
      void this.router.navigate(['/cities', items[at].id]);
    } else if (event.key === 'Escape') {
      this.leave();
    }
  }

  protected leave(): void {
    this.chart?.dispatchAction({ type: 'downplay', seriesIndex: 0 });
    this.chart?.dispatchAction({ type: 'hideTip' });
    this.index.set(-1);
  }

  private show(i: number): void {
    const chart = this.chart as ECharts;
    chart.dispatchAction({ type: 'downplay', seriesIndex: 0 });
    chart.dispatchAction({ type: 'highlight', seriesIndex: 0, dataIndex: i });
    chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: i });
    this.index.set(i);
  }
}
