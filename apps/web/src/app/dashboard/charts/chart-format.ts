/** Locale-aware labels for the charts (numbers and months follow the active language). */
export function numberFormatter(locale: string): (v: number) => string {
  const nf = new Intl.NumberFormat(locale);
  return (v) => nf.format(v);
}

/** `2024-05` → "May 2024" in the locale (UTC, so a month never shifts). */
export function monthFormatter(locale: string): (month: string) => string {
  const df = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return (month) => df.format(new Date(`${month}-01T00:00:00Z`));
}

/** Tooltips are HTML: names typed by people are escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Text the charts draw on canvas: the app's fonts, so Arabic renders. */
export const CHART_FONT = 'Roboto, "Noto Sans Arabic", system-ui, sans-serif';
