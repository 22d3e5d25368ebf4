import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DashboardTrendMonth } from '@impact/contracts';
import type { EChartsCoreOption } from 'echarts/core';
import { ChartHost } from './chart-host';
import { STATUS_COLOURS } from '../../shared/ui/status-chip';
import { CHART_FONT, monthFormatter, numberFormatter } from './chart-format';

export interface TrendLabels {
  engagements: string;
  newCommitments: string;
  achieved: string;
  description: string;
}

/** Engagements (bars), new commitments and achievements (lines) per month; mirrored in right-to-left. */
@Component({
  selector: 'it-trends-chart',
  imports: [ChartHost],
  template: `<it-chart [options]="options()" [description]="labels().description" [height]="300" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TrendsChart {
  readonly months = input.required<DashboardTrendMonth[]>();
  readonly locale = input.required<string>();
  readonly rtl = input(false);
  readonly labels = input.required<TrendLabels>();

  protected readonly options = computed<EChartsCoreOption>(() => {
    const months = this.months();
    const fmt = numberFormatter(this.locale());
    const month = monthFormatter(this.locale());
    const rtl = this.rtl();
    const l = this.labels();
    return {
      textStyle: { fontFamily: CHART_FONT },
      aria: { enabled: true, label: { description: l.description } },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => fmt(v) },
      legend: { top: 0, [rtl ? 'right' : 'left']: 0 },
      grid: { top: 40, bottom: 8, left: 8, right: 8, containLabel: true },
      xAxis: { type: 'category', inverse: rtl, data: months.map((m) => month(m.month)) },
      yAxis: { type: 'value', position: rtl ? 'right' : 'left', axisLabel: { formatter: (v: number) => fmt(v) } },
      series: [
        { name: l.engagements, type: 'bar', data: months.map((m) => m.engagements), itemStyle: { color: '#5c6bc0' } },
        {
          name: l.newCommitments,
          type: 'line',
          data: months.map((m) => m.newCommitments),
          itemStyle: { color: STATUS_COLOURS.pledged.accent },
        },
        { name: l.achieved, type: 'line', data: months.map((m) => m.achieved), itemStyle: { color: STATUS_COLOURS.achieved.accent } },
      ],
    };
  });
}
