import { Injectable, Provider, effect, inject } from '@angular/core';
import { DateAdapter, MAT_DATE_FORMATS, MAT_NATIVE_DATE_FORMATS, NativeDateAdapter } from '@angular/material/core';
import { LanguageService } from '../../core/i18n/language.service';

/**
 * Material's native date adapter in the active language: month names, first day of week and digits
 * follow the locale, and typed dates are read in the locale's order (day first in fr/es/ar, month first in en).
 */
@Injectable()
export class LocaleDateAdapter extends NativeDateAdapter {
  private readonly language = inject(LanguageService);

  constructor() {
    super();
    effect(() => this.setLocale(this.language.locale()));
  }

  override parse(value: unknown, parseFormat?: unknown): Date | null {
    if (typeof value === 'string') {
      const digits = value.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).trim();
      const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(digits);
      if (iso) return this.build(+iso[1], +iso[2], +iso[3]);
      const parts = /^(\d{1,2})[./\-\s](\d{1,2})[./\-\s](\d{4})$/.exec(digits);
      if (parts) {
        const monthFirst = this.language.locale() === 'en';
        const [day, month] = monthFirst ? [+parts[2], +parts[1]] : [+parts[1], +parts[2]];
        return this.build(+parts[3], month, day);
      }
      if (digits === '') return null;
    }
    return super.parse(value, parseFormat);
  }

  private build(year: number, month: number, day: number): Date {
    const date = new Date(year, month - 1, day);
    return date.getMonth() === month - 1 ? date : this.invalid();
  }
}

/** Provide on a component that holds datepickers. */
export const LOCALE_DATE_PROVIDERS: Provider[] = [
  { provide: DateAdapter, useClass: LocaleDateAdapter },
  { provide: MAT_DATE_FORMATS, useValue: MAT_NATIVE_DATE_FORMATS },
];
