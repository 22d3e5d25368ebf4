import { MAT_NATIVE_DATE_FORMATS } from '@angular/material/core';

// The one reader of typed dates, shared by every date field (forms, list filters, the dashboard's
// range): only a whole, real calendar day is a date. The browser's own parser would read "3/1" as
// 1 March 2001 and "2026-1" as 1 January 2026, so a half-typed day would be saved as a guess.

/** Typed text in Western digits, without the invisible direction marks a copied Arabic date carries. */
export function plainDateText(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u200e\u200f\u061c\u2066-\u2069]/g, '')
    .trim();
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** Day and month in the locale's order, then a four-digit year; `/`, `.`, `-` or a space between. */
const LOCAL = /^(\d{1,2})[./\-\s](\d{1,2})[./\-\s](\d{4})$/;

/** Whether the language writes the month before the day (of ours, only English). */
export function monthFirst(locale: string): boolean {
  return locale === 'en' || locale.startsWith('en-US');
}

/** A whole day as typed: day, month and a four-digit year (`31/12/2025`, `12/31/2025`, `2025-12-31`). */
export function isCompleteDay(text: string): boolean {
  const t = plainDateText(text);
  return ISO.test(t) || LOCAL.test(t);
}

function build(year: number, month: number, day: number): Date {
  const date = new Date(2000, month - 1, day);
  date.setFullYear(year);
  return year >= 1000 && date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : new Date(NaN);
}

/**
 * A typed day in `locale`'s order: null when nothing is typed, an invalid Date (NaN) for anything short
 * of a whole, real day ("3/1", "2026-1", 31/02/2025), otherwise that day at local midnight.
 */
export function readTypedDay(text: string, locale: string): Date | null {
  const t = plainDateText(text);
  if (t === '') return null;
  const iso = ISO.exec(t);
  if (iso) return build(+iso[1], +iso[2], +iso[3]);
  const parts = LOCAL.exec(t);
  if (!parts) return new Date(NaN);
  const [day, month] = monthFirst(locale) ? [+parts[2], +parts[1]] : [+parts[1], +parts[2]];
  return build(+parts[3], month, day);
}

/** A day as the date fields show one, without direction marks: the example an error message gives. */
export function exampleDay(locale: string, year = new Date().getFullYear()): string {
  return new Intl.DateTimeFormat(locale, MAT_NATIVE_DATE_FORMATS.display.dateInput as Intl.DateTimeFormatOptions)
    .format(new Date(year, 11, 31))
    .replace(/[\u200e\u200f\u061c]/g, '');
}
