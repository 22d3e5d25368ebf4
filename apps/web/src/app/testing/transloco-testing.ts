import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES } from '@impact/contracts';
import { Translation, TranslocoTestingModule } from '@jsverse/transloco';

/** The real translation files, read from disk for tests. */
export function translations(): Record<string, Translation> {
  return Object.fromEntries(
    LANGUAGES.map((lang) => [lang, JSON.parse(readFileSync(join(__dirname, '../../../public/i18n', `${lang}.json`), 'utf8'))]),
  );
}

export function translocoTesting() {
  return TranslocoTestingModule.forRoot({
    langs: translations(),
    translocoConfig: { availableLangs: [...LANGUAGES], defaultLang: 'en', reRenderOnLangChange: true },
    preloadLangs: true,
  });
}
