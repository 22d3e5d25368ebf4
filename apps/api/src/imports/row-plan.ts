import type { Type } from '@nestjs/common';
import type { CsvColumn } from '../common/csv';
import type { SheetRow } from './read-rows';
import { validateRow, type ImportRowError } from './row-validation';

/** What one row asks for, once read and validated. */
export type RowPlan<C, U> =
  | { kind: 'create'; row: number; request: C }
  | { kind: 'update'; row: number; id: string; request: U }
  | { kind: 'unchanged'; row: number; id: string }
  | { kind: 'invalid'; row: number; errors: ImportRowError[] };

/**
 * How one entity's rows are read: its export columns (the file's header), the request field a column
 * fills when the names differ (a hub's name column fills `hubId`), the API's create and update DTOs,
 * how a row becomes a create body (references resolved, problems pushed as row errors) and when a
 * valid row equals the live record.
 */
export interface ImportSpec<R extends { id: string; version: number }, C extends object, U extends object> {
  /** The entity's name in messages ("city"). */
  noun: string;
  columns: readonly CsvColumn<R>[];
  fieldOf?: Readonly<Record<string, string>>;
  createDto: Type<C>;
  updateDto: Type<U>;
  /** `current`: the live record a row with an id edits (its references win when a name is ambiguous). */
  body: (cells: Record<string, string>, error: (column: string, message: string) => void, current?: R) => Record<string, unknown>;
  same: (request: C, current: R) => boolean;
  /** The fields of an edit that differ from the live record (the rest left out, as a client's PATCH would). */
  changes?: (request: U, current: R) => U;
}

/** `build` once per key (an import's references), remembered while the key lives: a row spec is built once per import, not per row. */
export function oncePer<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const built = new WeakMap<K, V>();
  return (key) => {
    const found = built.get(key);
    if (found !== undefined) return found;
    const value = build(key);
    built.set(key, value);
    return value;
  };
}

export const blankToNull = (text: string | undefined): string | null => (text === undefined || text.trim() === '' ? null : text);

/** A number cell: blank is null; text that is not a number is passed on for the validator to refuse by name. */
export function numberCell(text: string | undefined): number | string | null {
  const t = blankToNull(text);
  if (t === null) return null;
  const n = Number(t.trim());
  return Number.isFinite(n) ? n : t;
}

/**
 * Header problems (unknown or missing columns) as errors on row 1; `id` may be left out of a file of
 * new records, and so may `optional` columns (what the export writes but an import only checks or ignores).
 */
export function checkHeader(
  spec: { noun: string; columns: readonly { header: string }[] },
  header: readonly string[],
  optional: readonly string[] = [],
): ImportRowError[] {
  const headers = spec.columns.map((c) => c.header);
  const unknown = header.filter((h) => h && !headers.includes(h) && h !== 'version');
  const missing = headers.filter((h) => h !== 'id' && h !== 'version' && !optional.includes(h) && !header.includes(h));
  return [
    ...unknown.map((column) => ({ row: 1, column, message: `is not a ${spec.noun} column` })),
    ...missing.map((column) => ({ row: 1, column, message: 'is missing from the header' })),
  ];
}

/**
 * Reads one row through the API's own create validation. A row with an id whose values equal the
 * live record is unchanged; otherwise it becomes an update carrying the version the file was
 * exported at (column `version`, when present) or the live one, and a record changed since is
 * reported on the row, never overwritten.
 */
export async function planRow<R extends { id: string; version: number }, C extends object, U extends object>(
  spec: ImportSpec<R, C, U>,
  { row, cells }: SheetRow,
  live: (id: string) => R | undefined,
): Promise<RowPlan<C, U>> {
  const fieldOf = spec.fieldOf ?? {};
  const columnOf = (field: string): string =>
    Object.entries(fieldOf).find(([, f]) => f === field)?.[0] ??
    Object.entries(fieldOf).find(([, f]) => f === field.split('.')[0])?.[0] ??
    field.split('.')[0];
  const id = blankToNull(cells['id'])?.trim();
  const current = id ? live(id) : undefined;
  if (id && !current) return { kind: 'invalid', row, errors: [{ row, column: 'id', message: `no ${spec.noun} "${id}" that you may see` }] };

  const errors: ImportRowError[] = [];
  const body = spec.body(cells, (column, message) => errors.push({ row, column, message }), current);
  const checked = validateRow(row, body, spec.createDto, columnOf);
  if ('errors' in checked) errors.push(...checked.errors);
  if (errors.length || 'errors' in checked) return { kind: 'invalid', row, errors };

  if (!id || !current) return { kind: 'create', row, request: checked.value };
  if (spec.same(checked.value, current)) return { kind: 'unchanged', row, id };

  const versionCell = blankToNull(cells['version']);
  const version = versionCell === null ? current.version : numberCell(versionCell);
  const update = validateRow(row, { ...body, version }, spec.updateDto, columnOf);
  if ('errors' in update) return { kind: 'invalid', row, errors: update.errors };
  if ((update.value as { version: number }).version !== current.version) {
    return { kind: 'invalid', row, errors: [{ row, column: 'id', message: `the ${spec.noun} was changed since the file was exported` }] };
  }
  return { kind: 'update', row, id, request: spec.changes ? spec.changes(update.value, current) : update.value };
}
