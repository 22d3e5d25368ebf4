import { Route } from '@angular/router';
import { DashboardPage } from './dashboard.page';

/** The page is in this file's chunk (not one more lazy step): the dashboard is the first page of most visits. */
export const DASHBOARD_ROUTES: Route[] = [{ path: '', component: DashboardPage }];
