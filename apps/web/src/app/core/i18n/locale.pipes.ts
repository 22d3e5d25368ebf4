import { Pipe, PipeTransform, inject } from '@angular/core';
import { LanguageService } from './language.service';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** Formats an ISO date or instant in the active language with Intl (Arabic gets Arabic month names). */
export function formatDate(value: string | Date, locale: string, style: 'medium' | 'long' | 'short' = 'medium'): string {
  // A date without time (`YYYY-MM-DD`) is a calendar day: format it in UTC so it never shifts a day.
  const dateOnly = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const key = `${locale}|${style}|${dateOnly}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: style, ...(dateOnly ? { timeZone: 'UTC' } : {}) });
    dateFormats.set(key, format);
  }
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? '' : format.format(date);
}

export function formatNumber(value: number, locale: string): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

/** `{{ user.createdAt | itDate }}`; impure so it follows a language switch (cheap: formatters are cached). */
@Pipe({ name: 'itDate', pure: false })
export class LocaleDatePipe implements PipeTransform {
  private readonly language = inject(LanguageService);

  transform(value: string | Date | null | undefined, style: 'medium' | 'long' | 'short' = 'medium'): string {
    return value ? formatDate(value, this.language.locale(), style) : '';
  }
}

@Pipe({ name: 'itNumber', pure: false })
export class LocaleNumberPipe implements PipeTransform {
  private readonly language = inject(LanguageService);

  transform(value: number | null | undefined): string {
    return value === null || value === undefined ? '' : formatNumber(value, this.language.locale());
  }
}
