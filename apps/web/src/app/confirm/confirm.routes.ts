import { Route } from '@angular/router';

/** A city contact's confirmation page: no sign-in, in the public frame (the network's name, the language switcher). */
export const CONFIRM_ROUTES: Route[] = [
  {
    path: '',
    loadComponent: () => import('../stories/public/public-layout').then((m) => m.PublicLayout),
    data: { staffLink: false },
    children: [{ path: ':token', title: 'confirm.title', loadComponent: () => import('./confirm.page').then((m) => m.ConfirmPage) }],
  },
];
