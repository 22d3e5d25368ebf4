import { Injectable } from '@angular/core';
import { DashboardFilters } from '@impact/contracts';
import { toIsoDate } from '../../shared/forms/dates';
import { LocaleDateAdapter } from '../../shared/forms/locale-date-adapter';

/** Typed text in Western digits, without the invisible direction marks a copied Arabic date carries. */
function plain(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u200e\u200f\u061c]/g, '')
    .trim();
}

/** A whole day as typed: day, month and a four-digit year (`31/12/2025`, `12/31/2025`, `2025-12-31`). */
export function isCompleteDay(text: string): boolean {
  const t = plain(text);
  return /^\d{4}-\d{1,2}-\d{1,2}$/.test(t) || /^\d{1,2}[./\-\s]\d{1,2}[./\-\s]\d{4}$/.test(t);
}

/**
 * The forms' locale adapter, strict about what is typed: anything short of a whole day is not a date
 * (the browser's own parser would read "3/1" as 1 March 2001), so half-typed text never reaches the URL.
 */
@Injectable()
export class CompleteDayAdapter extends LocaleDateAdapter {
  override parse(value: unknown, parseFormat?: unknown): Date | null {
    if (typeof value !== 'string') return super.parse(value, parseFormat);
    const text = plain(value);
    if (text === '') return null;
    return isCompleteDay(text) ? super.parse(text, parseFormat) : this.invalid();
  }
}

export type RangeProblem = 'date' | 'order';

/** What is wrong with a range, end by end: a day that is not one, or an end before the start. */
export function rangeProblems(from: Date | null, to: Date | null): { from?: RangeProblem; to?: RangeProblem } {
  const bad = (d: Date | null) => !!d && Number.isNaN(d.getTime());
  const problems: { from?: RangeProblem; to?: RangeProblem } = {};
  if (bad(from)) problems.from = 'date';
  if (bad(to)) problems.to = 'date';
  else if (from && to && !bad(from) && (toIsoDate(to) as string) < (toIsoDate(from) as string)) problems.to = 'order';
  return problems;
}

/**
 * The range to put in the URL, or null when there is nothing to apply: a problem at either end, or
 * the same range as now. An empty end is no bound.
 */
export function rangeToApply(
  from: Date | null,
  to: Date | null,
  current: Pick<DashboardFilters, 'from' | 'to'>,
): { from: string | null; to: string | null } | null {
  const problems = rangeProblems(from, to);
  if (problems.from || problems.to) return null;
  const next = { from: toIsoDate(from), to: toIsoDate(to) };
  return next.from === (current.from ?? null) && next.to === (current.to ?? null) ? null : next;
}
