import { HttpInterceptorFn } from '@angular/common/http';
import { inject, untracked } from '@angular/core';
import { LanguageService } from './language.service';

/**
 * Tells our API which language the person reads in on this device (`Accept-Language`), so what the
 * server words for a reader, such as notifications, follows a language switch at once.
 */
export const languageInterceptor: HttpInterceptorFn = (request, next) => {
  if (!request.url.startsWith('/api/')) return next(request);
  // Read untracked: a request made inside an effect must not make that effect run again on a language switch.
  const language = untracked(inject(LanguageService).language);
  return next(request.clone({ setHeaders: { 'Accept-Language': language } }));
};
