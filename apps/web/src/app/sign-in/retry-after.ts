/** Whole minutes to wait from a `Retry-After` header (seconds or an HTTP date); at least one. */
export function minutesToWait(retryAfter: string | null, now = Date.now()): number {
  if (!retryAfter) return 1;
  const seconds = /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : (Date.parse(retryAfter) - now) / 1000;
  return Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds / 60)) : 1;
}

/** Only same-app paths are followed after sign-in (no `//evil.example` or absolute URLs). */
export function safeReturnUrl(value: string | null | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/sign-in') ? value : '/';
}
