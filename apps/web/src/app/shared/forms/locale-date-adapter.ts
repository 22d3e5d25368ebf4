import { Injectable, Provider, effect, inject } from '@angular/core';
import { DateAdapter, MAT_DATE_FORMATS, MAT_NATIVE_DATE_FORMATS, NativeDateAdapter } from '@angular/material/core';
import { LanguageService } from '../../core/i18n/language.service';
import { readTypedDay } from './strict-date';

/**
 * Material's native date adapter in the active language: month names, first day of week and digits
 * follow the locale, and typed dates are read in the locale's order (day first in fr/es/ar, month first in en);
 * a half-typed or impossible day is an invalid date, which the field reports.
 */
@Injectable()
export class LocaleDateAdapter extends NativeDateAdapter {
  private readonly language = inject(LanguageService);

  constructor() {
    super();
    effect(() => this.setLocale(this.language.locale()));
  }

  /** Strict: only a whole, real day typed in the language's order is a date (see `readTypedDay`). */
  override parse(value: unknown, parseFormat?: unknown): Date | null {
    return typeof value === 'string' ? readTypedDay(value, this.language.locale()) : super.parse(value, parseFormat);
  }
}

/** Provide on a component that holds datepickers. */
export const LOCALE_DATE_PROVIDERS: Provider[] = [
  { provide: DateAdapter, useClass: LocaleDateAdapter },
  { provide: MAT_DATE_FORMATS, useValue: MAT_NATIVE_DATE_FORMATS },
];
