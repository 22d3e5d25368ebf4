import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES } from '@impact/contracts';
import { ModuleWithProviders } from '@angular/core';
import { Translation, TranslocoTestingModule } from '@jsverse/transloco';
import { provideIcuMessages } from '../core/i18n/icu-transpiler';

/** The real translation files, read from disk for tests. */
export function translations(): Record<string, Translation> {
  return Object.fromEntries(
    LANGUAGES.map((lang) => [lang, JSON.parse(readFileSync(join(__dirname, '../../../public/i18n', `${lang}.json`), 'utf8'))]),
  );
}

/** Transloco as the app sets it up (ICU plurals included), with the real files. */
export function translocoTesting(): ModuleWithProviders<TranslocoTestingModule> {
  const testing = TranslocoTestingModule.forRoot({
    langs: translations(),
    translocoConfig: { availableLangs: [...LANGUAGES], defaultLang: 'en', reRenderOnLangChange: true },
    preloadLangs: true,
  });
  return { ...testing, providers: [...(testing.providers ?? []), ...provideIcuMessages()] };
}
