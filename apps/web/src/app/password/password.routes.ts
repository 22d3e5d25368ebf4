import { Route } from '@angular/router';

/** Forgotten password and set-password links: no sign-in, in the public frame. */
export const FORGOT_PASSWORD_ROUTES: Route[] = [
  {
    path: '',
    loadComponent: () => import('../stories/public/public-layout').then((m) => m.PublicLayout),
    children: [
      {
        path: '',
        title: 'passwords.forgot.title',
        loadComponent: () => import('./forgot-password.page').then((m) => m.ForgotPasswordPage),
      },
    ],
  },
];

export const SET_PASSWORD_ROUTES: Route[] = [
  {
    path: '',
    loadComponent: () => import('../stories/public/public-layout').then((m) => m.PublicLayout),
    children: [
      { path: ':token', title: 'passwords.set.title', loadComponent: () => import('./set-password.page').then((m) => m.SetPasswordPage) },
    ],
  },
];
