import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Action, Resource, Role } from '@impact/contracts';
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

/** Where a role's day starts: liaisons and hub managers on My work, leadership and admins on the dashboard. */
export function landingPage(role: Role | null): 'my-work' | 'dashboard' {
  return role === 'city_liaison' || role === 'hub_manager' ? 'my-work' : 'dashboard';
}

/** The one hub a manager of a single hub works in (prefilled in forms); null for anyone else. */
export function soleHub(user: { role: Role; hubIds: readonly string[] } | null): string | null {
  return user?.role === 'hub_manager' && user.hubIds.length === 1 ? user.hubIds[0] : null;
}
