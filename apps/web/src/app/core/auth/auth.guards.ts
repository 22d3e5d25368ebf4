import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Action, Resource } from '@impact/contracts';
import { AuthService } from './auth.service';

/** The signed-in shell: without a session, go to sign-in and come back afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthService);
  if (auth.signedIn()) return true;
  const router = inject(Router);
  return router.createUrlTree(['/sign-in'], state.url && state.url !== '/' ? { queryParams: { returnUrl: state.url } } : {});
};

/** The sign-in page is for people who are not signed in. */
export const signedOutGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  return auth.signedIn() ? inject(Router).createUrlTree(['/']) : true;
};

/** A page the permission table lets this role reach (`may(role, resource, action)`); else the dashboard. */
export function canGuard(resource: Resource, action: Action = 'read'): CanActivateFn {
  return () => {
    const auth = inject(AuthService);
    return auth.can(resource, action) ? true : inject(Router).createUrlTree(['/dashboard']);
  };
}
