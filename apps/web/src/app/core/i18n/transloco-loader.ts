import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Translation, TranslocoLoader } from '@jsverse/transloco';
import { Observable, firstValueFrom, from } from 'rxjs';

const translationUrl = (lang: string) => `/i18n/${lang}.json`;

let early: { lang: string; body: Promise<Translation> } | null = null;

/**
 * Starts loading a language's file before Angular boots (main.ts), so it downloads while the app
 * starts instead of after it; the loader below takes it over once. A failed early load is retried
 * by the loader.
 */
export function fetchTranslationEarly(lang: string): void {
  // The build's start-up script (index.html's first script) may have started it already.
  const scope = globalThis as { __itTranslation?: { lang: string; body: Promise<Translation> } };
  const started = scope.__itTranslation;
  delete scope.__itTranslation;
  if (started?.lang === lang) {
    early = started;
    return;
  }
  const body = fetch(translationUrl(lang), { credentials: 'same-origin' }).then((res) =>
    res.ok ? (res.json() as Promise<Translation>) : Promise.reject(new Error(`${res.status}`)),
  );
  body.catch(() => undefined); // handled where it is taken
  early = { lang, body };
}

/** Loads `public/i18n/<lang>.json`, served beside the app, at runtime: one build for every language. */
@Injectable({ providedIn: 'root' })
export class TranslocoHttpLoader implements TranslocoLoader {
  private readonly http = inject(HttpClient);

  getTranslation(lang: string): Observable<Translation> {
    if (early?.lang === lang) {
      const { body } = early;
      early = null;
      return from(body.catch(() => firstValueFrom(this.http.get<Translation>(translationUrl(lang)))));
    }
    return this.http.get<Translation>(translationUrl(lang));
  }
}
