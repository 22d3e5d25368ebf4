import { Direction, Directionality } from '@angular/cdk/bidi';
import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import { LANGUAGES, Language, RTL_LANGUAGES } from '@impact/contracts';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';

export const LANGUAGE_STORAGE_KEY = 'impact.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language chosen on this device, if any. */
export function rememberedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

/** The first of the browser's languages the app speaks, if any. */
export function browserLanguage(nav: Navigator | undefined): Language | null {
  for (const tag of nav?.languages ?? [nav?.language ?? '']) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return null;
}

/** The language a visit starts in, before the signed-in user's preference is known (main.ts fetches its file early). */
export function startingLanguage(nav: Navigator | undefined): Language {
  return rememberedLanguage() ?? browserLanguage(nav) ?? 'en';
}

/**
 * The one place that knows the active language. Switching it loads the translation file, sets
 * `<html lang dir>`, and tells Material's root Directionality, so the sidenav, menus, dialogs and
 * snack-bars (which live in overlays outside the app element) mirror too.
 *
 * Precedence: a language chosen on this device (remembered in localStorage) > the signed-in user's
 * preferred language from the API > the browser's language > English.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly directionality = inject(Directionality);

  private readonly active = signal<Language>('en');
  readonly language = this.active.asReadonly();
  readonly direction = computed<Direction>(() => (RTL_LANGUAGES.includes(this.active()) ? 'rtl' : 'ltr'));
  /** BCP 47 tag for Intl formatting. */
  readonly locale = computed(() => this.active());
  readonly languages = LANGUAGES;

  /** Picks the starting language and waits for its translations so the first paint is translated. */
  async init(): Promise<void> {
    await this.apply(startingLanguage(this.document.defaultView?.navigator));
  }

  /** A language the person chose here: applied and remembered. */
  async choose(lang: Language): Promise<void> {
    this.remember(lang);
    await this.apply(lang);
  }

  /** The signed-in user's preferred language: a default, so a choice made on this device wins. */
  async useUserPreference(lang: Language | undefined): Promise<void> {
    if (rememberedLanguage() || !isLanguage(lang)) return;
    await this.apply(lang);
  }

  private async apply(lang: Language): Promise<void> {
    await firstValueFrom(this.transloco.load(lang));
    this.transloco.setActiveLang(lang);
    this.active.set(lang);
    const dir = this.direction();
    const html = this.document.documentElement;
    html.lang = lang;
    html.dir = dir;
    if (this.directionality.value !== dir) {
      this.directionality.valueSignal.set(dir);
      this.directionality.change.emit(dir);
    }
  }

  private remember(lang: Language): void {
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
    } catch {
      // Private mode or a full quota: the choice still holds for this visit.
    }
  }
}
