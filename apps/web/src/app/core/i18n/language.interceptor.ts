import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { LanguageService } from './language.service';

/**
 * Tells our API which language the person reads in on this device (`Accept-Language`), so what the
 * server words for a reader, such as notifications, follows a language switch at once.
 */
export const languageInterceptor: HttpInterceptorFn = (request, next) => {
  if (!request.url.startsWith('/api/')) return next(request);
  return next(request.clone({ setHeaders: { 'Accept-Language': inject(LanguageService).language() } }));
};
