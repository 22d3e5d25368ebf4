import { Route } from '@angular/router';

export const CITIES_ROUTES: Route[] = [
  { path: '', loadComponent: () => import('./cities.page').then((m) => m.CitiesPage) },
];
