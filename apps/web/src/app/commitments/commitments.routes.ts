import { Route } from '@angular/router';

export const COMMITMENTS_ROUTES: Route[] = [
  { path: '', loadComponent: () => import('./commitments.page').then((m) => m.CommitmentsPage) },
];
