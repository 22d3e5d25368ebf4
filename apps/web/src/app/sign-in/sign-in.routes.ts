import { Route } from '@angular/router';

export const SIGN_IN_ROUTES: Route[] = [{ path: '', loadComponent: () => import('./sign-in.page').then((m) => m.SignInPage) }];
