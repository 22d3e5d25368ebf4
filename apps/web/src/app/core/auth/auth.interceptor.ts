import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, switchMap, throwError } from 'rxjs';
import { AUTH_URLS, AuthService } from './auth.service';

/** Calls that carry no access token and whose 401 means "wrong credentials", not "expired". */
const UNAUTHENTICATED = new Set<string>([AUTH_URLS.login, AUTH_URLS.refresh]);

function withToken(request: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
}

/**
 * Adds `Authorization: Bearer` to our API's requests. On a 401 it refreshes the token once and
 * retries the request; when the refresh is refused the session ends and sign-in asks again.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const path = request.url.split('?')[0];
  if (!path.startsWith('/api/') || UNAUTHENTICATED.has(path)) return next(request);

  const auth = inject(AuthService);
  const token = auth.accessToken();
  return next(withToken(request, token)).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401 || !token || path === AUTH_URLS.logout) {
        return throwError(() => error);
      }
      return auth.refresh().pipe(
        catchError((refreshError: unknown) => {
          if (!(refreshError instanceof HttpErrorResponse) || refreshError.status !== 0) auth.expire();
          return throwError(() => error);
        }),
        switchMap((fresh) => next(withToken(request, fresh))),
      );
    }),
  );
};
