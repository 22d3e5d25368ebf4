import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, inject, isDevMode, provideAppInitializer, provideBrowserGlobalErrorListeners } from '@angular/core';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { LANGUAGES } from '@impact/contracts';
import { provideTransloco } from '@jsverse/transloco';
import { appRoutes } from './app.routes';
import { authInterceptor } from './core/auth/auth.interceptor';
import { earlyResponseInterceptor } from './core/http/early-response.interceptor';
import { languageInterceptor } from './core/i18n/language.interceptor';
import { AuthService } from './core/auth/auth.service';
import { LanguageService } from './core/i18n/language.service';
import { provideIcuMessages } from './core/i18n/icu-transpiler';
import { TranslatedTitleStrategy } from './core/i18n/title.strategy';
import { TranslocoHttpLoader } from './core/i18n/transloco-loader';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withFetch(), withInterceptors([earlyResponseInterceptor, authInterceptor, languageInterceptor])),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideTransloco({
      config: {
        availableLangs: [...LANGUAGES],
        defaultLang: 'en',
        fallbackLang: 'en',
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        missingHandler: { useFallbackTranslation: true, logMissingKey: isDevMode() },
      },
      loader: TranslocoHttpLoader,
    }),
    provideIcuMessages(),
    { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
    provideAppInitializer(async () => {
      const auth = inject(AuthService);
      await inject(LanguageService).init();
      await auth.boot();
    }),
  ],
};
