import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { Router } from '@angular/router';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';

/**
 * Where a dashboard chart is drawn: a described image (the description is its text for screen readers)
 * that follows its container's size. With `cityLinks`, a click on a city opens its page: any data item
 * that carries an id (`items`), or only a graph's nodes (`nodes`).
 */
@Component({
  selector: 'it-chart',
  imports: [NgxEchartsDirective],
  template: `<div
    echarts
    class="chart"
    role="img"
    [style.block-size.px]="height()"
    [attr.aria-label]="description()"
    [options]="options()"
    [autoResize]="true"
    (chartClick)="open($event)"
  ></div>`,
  styles: `
    :host {
      display: block;
    }
    .chart {
      inline-size: 100%;
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

  protected open(event: { dataType?: string; data?: unknown }): void {
    const id = (event.data as { id?: string } | undefined)?.id;
    const links = this.cityLinks();
    if (id && (links === 'items' || (links === 'nodes' && event.dataType === 'node'))) void this.router.navigate(['/cities', id]);
  }
}
