import { Route } from '@angular/router';

/** A city contact's confirmation page: no sign-in, outside the staff shell. */
export const CONFIRM_ROUTES: Route[] = [
  { path: ':token', title: 'confirm.title', loadComponent: () => import('./confirm.page').then((m) => m.ConfirmPage) },
];
