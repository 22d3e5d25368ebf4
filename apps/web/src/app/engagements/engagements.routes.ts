import { Route } from '@angular/router';

export const ENGAGEMENTS_ROUTES: Route[] = [
  { path: '', loadComponent: () => import('./engagements.page').then((m) => m.EngagementsPage) },
];
