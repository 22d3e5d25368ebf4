import type { AuditChanges } from './audit-log.entity';

const normalise = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, normalise(v)]),
    );
  }
  return value === undefined ? null : value;
};

/** Fields never written to the audit log, whatever the entity. */
export const AUDIT_IGNORED_FIELDS = ['version', 'createdAt', 'updatedAt', 'passwordHash', 'tokenHash'] as const;

export interface DiffOptions {
  /** Extra fields to leave out. */
  ignore?: readonly string[];
  /** Fields whose values must not be stored; a change is recorded as `{ old: '[redacted]', new: '[redacted]' }`. */
  redact?: readonly string[];
}

/**
 * The fields that differ between two plain objects, as `{ field: { old, new } }`; null when nothing
 * changed. Dates compare by instant, arrays and objects by value. Pass `null` as `before` for a
 * creation and as `after` for a removal.
 */
export function diffObjects(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
  options: DiffOptions = {},
): AuditChanges | null {
  const ignore = new Set<string>([...AUDIT_IGNORED_FIELDS, ...(options.ignore ?? [])]);
  const redact = new Set(options.redact ?? []);
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: AuditChanges = {};
  for (const key of [...keys].sort()) {
    if (ignore.has(key)) continue;
    const oldValue = normalise(before?.[key]);
    const newValue = normalise(after?.[key]);
    if (JSON.stringify(oldValue) === JSON.stringify(newValue)) continue;
    changes[key] = redact.has(key) ? { old: '[redacted]', new: '[redacted]' } : { old: oldValue, new: newValue };
  }
  return Object.keys(changes).length ? changes : null;
}
