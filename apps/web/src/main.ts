import { bootstrapApplication } from '@angular/platform-browser';
import { appConfig } from './app/app.config';
import { App } from './app/app';
import { startingLanguage } from './app/core/i18n/language.service';
import { fetchTranslationEarly } from './app/core/i18n/transloco-loader';

// The first paint waits for the translations: fetch them now, in parallel with the bootstrap.
fetchTranslationEarly(startingLanguage(navigator));
bootstrapApplication(App, appConfig).catch((err) => console.error(err));
