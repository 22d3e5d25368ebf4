/**
 * The parts of ECharts the dashboard draws with, registered once. Imported lazily (by the dashboard details'
 * provideEchartsCore and by the map), so ECharts never weighs on the initial bundle.
 */
import { BarChart, GraphChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GeoComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  GraphChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  GeoComponent,
  AriaComponent,
  // The graph hides a name that would overlap another (the table view lists them all).
  LabelLayout,
  CanvasRenderer,
]);

export { echarts };
