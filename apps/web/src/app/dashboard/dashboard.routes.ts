import { Route } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';

export const DASHBOARD_ROUTES: Route[] = [
  {
    path: '',
    // ECharts (and the parts of it the dashboard uses) load only when a chart is drawn.
    providers: [provideEchartsCore({ echarts: () => import('./charts/echarts-setup').then((m) => m.echarts) })],
    loadComponent: () => import('./dashboard.page').then((m) => m.DashboardPage),
  },
];
