import {
  IMPORT_ENTITIES,
  IMPORT_MAX_BYTES,
  ImportEntity,
  ImportRecord,
  ImportRowError,
  RESOURCES,
  Resource,
  Role,
  may,
} from '@impact/contracts';

/** The permission table's resource an entity is written as (`follow-ups` → `followUps`); null when it names none. */
export function resourceOf(entity: string): Resource | null {
  const name = entity.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  return (RESOURCES as readonly string[]).includes(name) ? (name as Resource) : null;
}

/** What this role may import: an entity it may create or update in some scope (the API asks the same). */
export function importableEntities(role: Role | null): ImportEntity[] {
  if (!role) return [];
  return IMPORT_ENTITIES.filter((entity) => {
    const resource = resourceOf(entity);
    return !!resource && (may(role, resource, 'create') || may(role, resource, 'update'));
  });
}

/** The app's list page of an entity, where imported records can be found (none for records without one). */
const LIST_PAGES = ['cities', 'partners', 'engagements', 'commitments', 'follow-ups'];

export function listPath(entity: string): string | null {
  return LIST_PAGES.includes(entity) ? `/${entity}` : null;
}

/** Finished: nothing more will change until someone undoes it. */
export function isFinished(record: Pick<ImportRecord, 'status'>): boolean {
  return record.status === 'done' || record.status === 'failed' || record.status === 'undone';
}

/** The status word the history shows: a finished preview is "checked" or has "problems", not just done. */
export function historyStatus(record: Pick<ImportRecord, 'dryRun' | 'status' | 'errors'>): string {
  if (record.dryRun && record.status === 'done') return record.errors.length > 0 ? 'problems' : 'checked';
  return record.status;
}

/** A preview that found nothing wrong, so the same file may be imported. */
export function isCleanPreview(record: ImportRecord | null): boolean {
  return !!record && record.dryRun && record.status === 'done' && record.errors.length === 0 && !record.message;
}

/**
 * How far a run is, 0–100; null while the total is not known yet (the bar is then indeterminate).
 * A finished run is 100 whatever its counts.
 */
export function progressPercent(record: Pick<ImportRecord, 'status' | 'total' | 'processed'> | null): number | null {
  if (!record) return null;
  if (isFinished(record)) return 100;
  if (record.total === null || record.total === undefined) return null;
  if (record.total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((record.processed / record.total) * 100)));
}

export type FileProblem = 'type' | 'empty' | 'tooBig';

const ACCEPTED = /\.(csv|xlsx)$/i;
export const ACCEPT_ATTRIBUTE = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What is wrong with a chosen file before it is sent (the server checks again). */
export function fileProblem(file: Pick<File, 'name' | 'size'>): FileProblem | null {
  if (!ACCEPTED.test(file.name)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > IMPORT_MAX_BYTES) return 'tooBig';
  return null;
}

/** The page's state the Preview and Import buttons depend on. */
export interface ImportState {
  entity: string | null;
  file: File | null;
  /** The preview run, with the file and entity it was run on. */
  preview: { record: ImportRecord; file: File; entity: string } | null;
  /** Something is being sent or followed. */
  busy: boolean;
}

/** Preview needs a file that passes the checks, and nothing running. */
export function mayPreview(state: ImportState): boolean {
  return !state.busy && !!state.entity && !!state.file && !fileProblem(state.file);
}

/** Import needs a clean, finished preview of this very file for this entity, and nothing running. */
export function mayImport(state: ImportState): boolean {
  const p = state.preview;
  return mayPreview(state) && !!p && p.file === state.file && p.entity === state.entity && isCleanPreview(p.record);
}

/** One CSV cell: quoted when needed; a leading =, +, - or @ is defused so a spreadsheet shows it as text. */
function cell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Row errors as a CSV file (header in the reader's language), rows in file order; CRLF as spreadsheets expect. */
export function errorsToCsv(errors: readonly ImportRowError[], header: readonly [string, string, string]): string {
  const rows = [...errors].sort((a, b) => a.row - b.row);
  return [header.map(cell).join(','), ...rows.map((e) => [e.row, e.column, e.message].map(cell).join(','))].join('\r\n') + '\r\n';
}

/** `cities.csv` → `cities-errors.csv`, whatever the uploaded file was called. */
export function errorsFileName(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/, '') || 'import';
  return `${base}-errors.csv`;
}
