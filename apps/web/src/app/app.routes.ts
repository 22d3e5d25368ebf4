import { inject } from '@angular/core';
import { Route } from '@angular/router';
import { canGuard, landingPage, signedInGuard, signedOutGuard } from './core/auth/auth.guards';
import { AuthService } from './core/auth/auth.service';

/** One lazy `*.routes.ts` per feature; `title` is a translation key (see TranslatedTitleStrategy). */
export const appRoutes: Route[] = [
  {
    path: 'sign-in',
    canActivate: [signedOutGuard],
    title: 'signIn.title',
    loadChildren: () => import('./sign-in/sign-in.routes').then((m) => m.SIGN_IN_ROUTES),
  },
  {
    // The public page of published impact stories: no sign-in, outside the staff shell.
    path: 'stories',
    loadChildren: () => import('./stories/public/public-stories.routes').then((m) => m.PUBLIC_STORIES_ROUTES),
  },
  {
    // A city contact answers a follow-up from a mailed link: no sign-in, outside the staff shell.
    path: 'confirm',
    loadChildren: () => import('./confirm/confirm.routes').then((m) => m.CONFIRM_ROUTES),
  },
  {
    // Asking for a password reset link, and the page of a mailed set-password link: no sign-in.
    path: 'forgot-password',
    loadChildren: () => import('./password/password.routes').then((m) => m.FORGOT_PASSWORD_ROUTES),
  },
  {
    path: 'set-password',
    loadChildren: () => import('./password/password.routes').then((m) => m.SET_PASSWORD_ROUTES),
  },
  {
    path: '',
    canActivate: [signedInGuard],
    loadComponent: () => import('./core/layout/shell').then((m) => m.Shell),
    children: [
      // Each role starts where its work is: staff who own follow-ups on My work, readers of the whole network on the dashboard.
      { path: '', pathMatch: 'full', redirectTo: () => landingPage(inject(AuthService).role()) },
      {
        path: 'dashboard',
        canActivate: [canGuard('dashboard')],
        title: 'nav.dashboard',
        loadChildren: () => import('./dashboard/dashboard.routes').then((m) => m.DASHBOARD_ROUTES),
      },
      {
        path: 'my-work',
        canActivate: [canGuard('followUps')],
        title: 'nav.myWork',
        loadChildren: () => import('./my-work/my-work.routes').then((m) => m.MY_WORK_ROUTES),
      },
      {
        path: 'cities',
        canActivate: [canGuard('cities')],
        title: 'nav.cities',
        loadChildren: () => import('./cities/cities.routes').then((m) => m.CITIES_ROUTES),
      },
      {
        path: 'partners',
        canActivate: [canGuard('partners')],
        title: 'partners.heading',
        loadChildren: () => import('./partners/partners.routes').then((m) => m.PARTNERS_ROUTES),
      },
      {
        path: 'engagements',
        canActivate: [canGuard('engagements')],
        title: 'nav.engagements',
        loadChildren: () => import('./engagements/engagements.routes').then((m) => m.ENGAGEMENTS_ROUTES),
      },
      {
        path: 'commitments',
        canActivate: [canGuard('commitments')],
        title: 'nav.commitments',
        loadChildren: () => import('./commitments/commitments.routes').then((m) => m.COMMITMENTS_ROUTES),
      },
      {
        path: 'follow-ups',
        canActivate: [canGuard('followUps')],
        title: 'nav.followUps',
        loadChildren: () => import('./follow-ups/follow-ups.routes').then((m) => m.FOLLOW_UPS_ROUTES),
      },
      {
        path: 'story-desk',
        canActivate: [canGuard('stories')],
        title: 'nav.stories',
        loadChildren: () => import('./stories/story-desk.routes').then((m) => m.STORY_DESK_ROUTES),
      },
      {
        // Who may import is decided inside (the permission table's create or update on an importable entity).
        path: 'imports',
        title: 'imports.title',
        loadChildren: () => import('./imports/imports.routes').then((m) => m.IMPORTS_ROUTES),
      },
      {
        path: 'users',
        canActivate: [canGuard('users')],
        title: 'nav.users',
        loadChildren: () => import('./users/users.routes').then((m) => m.USERS_ROUTES),
      },
      {
        path: 'notifications',
        canActivate: [canGuard('notifications')],
        title: 'notifications.title',
        loadChildren: () => import('./notifications/notifications.routes').then((m) => m.NOTIFICATIONS_ROUTES),
      },
      {
        path: 'admin',
        canActivate: [canGuard('outbox')],
        loadChildren: () => import('./admin/admin.routes').then((m) => m.ADMIN_ROUTES),
      },
      {
        path: '**',
        title: 'notFound.title',
        loadComponent: () => import('./core/layout/not-found').then((m) => m.NotFound),
      },
    ],
  },
];
