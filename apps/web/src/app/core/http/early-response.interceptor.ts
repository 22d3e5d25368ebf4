import { HttpInterceptorFn, HttpResponse } from '@angular/common/http';
import { Observable, from, switchMap } from 'rxjs';

/** An answer the start-up script (written by the build, first in index.html) began fetching before the app loaded. */
export interface EarlyAnswer {
  ok: boolean;
  status: number;
  body: unknown;
}

type EarlyScope = { __itEarlyGet?: Record<string, Promise<EarlyAnswer> | undefined> };

/**
 * On a cold load of `/stories` or `/dashboard` the start-up script already asks for the page's first
 * data (unfiltered; the dashboard's with the stored session's token, as the auth interceptor would),
 * while the app's code is still downloading. The app's own GET of exactly that address (path and
 * query, in the same order) takes that answer once instead of asking again; anything else, a second
 * request, or an early answer that failed (an expired token included) goes to the server as usual,
 * through the interceptors after this one.
 */
export const earlyResponseInterceptor: HttpInterceptorFn = (request, next) => {
  const early = (globalThis as EarlyScope).__itEarlyGet;
  const pending = request.method === 'GET' ? early?.[request.urlWithParams] : undefined;
  if (!early || !pending) return next(request);
  delete early[request.urlWithParams];
  return from(pending.catch(() => null)).pipe(
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
