import { Route } from '@angular/router';

export const STORIES_ROUTES: Route[] = [
  { path: '', loadComponent: () => import('./stories.page').then((m) => m.StoriesPage) },
];
