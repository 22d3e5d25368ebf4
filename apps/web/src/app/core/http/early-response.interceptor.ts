import { HttpInterceptorFn, HttpResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { Observable, from, switchMap } from 'rxjs';
import { AuthService } from '../auth/auth.service';

/** An answer the start-up script (written by the build, first in index.html) began fetching before the app loaded. */
export interface EarlyAnswer {
  ok: boolean;
  status: number;
  body: unknown;
}

/** One early request: its answer, the access token it was sent with (null: none), and when it started (performance.now()). */
export interface EarlyGet {
  answer: Promise<EarlyAnswer>;
  token: string | null;
  at: number;
}

/** An early answer older than this is not used: the page asks the server itself. */
export const EARLY_ANSWER_MAX_AGE_MS = 30_000;

type EarlyScope = { __itEarlyGet?: Record<string, EarlyGet | undefined> };

/**
 * On a cold load of `/stories` or `/dashboard` the start-up script already asks for the page's first
 * data (unfiltered; the dashboard's with the stored session's token), while the app's code is still
 * downloading. The app's own GET of exactly that address (path and query, in the same order) takes
 * that answer once instead of asking again, when it was sent with the token the app would send now
 * and is fresh. Anything else, a second request, or an early answer that failed (an expired token
 * included) goes to the server as usual, through the interceptors after this one.
 */
export const earlyResponseInterceptor: HttpInterceptorFn = (request, next) => {
  const early = (globalThis as EarlyScope).__itEarlyGet;
  const entry = request.method === 'GET' ? early?.[request.urlWithParams] : undefined;
  if (!early || !entry) return next(request);
  delete early[request.urlWithParams];
  const fresh = performance.now() - entry.at < EARLY_ANSWER_MAX_AGE_MS;
  if (!fresh || (entry.token !== null && entry.token !== inject(AuthService).accessToken())) return next(request);
  return from(entry.answer.catch(() => null)).pipe(
    switchMap((answer) =>
      answer?.ok
        ? new Observable<HttpResponse<unknown>>((subscriber) => {
            subscriber.next(new HttpResponse({ status: answer.status, body: answer.body, url: request.urlWithParams }));
            subscriber.complete();
          })
        : next(request),
    ),
  );
};
