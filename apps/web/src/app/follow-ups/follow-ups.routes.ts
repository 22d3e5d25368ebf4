import { Route } from '@angular/router';

export const FOLLOW_UPS_ROUTES: Route[] = [
  { path: '', loadComponent: () => import('./follow-ups.page').then((m) => m.FollowUpsPage) },
];
