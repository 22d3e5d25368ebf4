/** `POST /api/imports`: spreadsheets (CSV or .xlsx) brought in with the export's columns. */

/** What can be imported. */
export const IMPORT_ENTITIES = ['cities', 'partners', 'engagements', 'commitments', 'follow-ups', 'outcomes'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'undone'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** The largest file accepted (larger: 413), and the most data rows one file may hold. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 200_000;

/** A problem with one cell (or the header, row 1) of a file; rows are numbered as a spreadsheet shows them. */
export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

/** One import and how far it got. A dry run writes nothing but this record. */
export interface ImportRecord {
  id: string;
  entity: ImportEntity;
  dryRun: boolean;
  /**
   * `done`: read to the end (a dry run with errors is done too, listing them); `failed`: nothing was
   * written (row errors, or a file that could not be read: see `message`); `undone`: undo ran.
   */
  status: ImportStatus;
  fileName: string;
  /** Data rows in the file, once read to the end (null before). */
  total: number | null;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportRowError[];
  /** Why the file as a whole could not be imported (unreadable, too many rows …), or null. */
  message: string | null;
  createdById: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** A record undo did not touch, because someone changed it after the import. */
export interface ImportUndoSkip {
  id: string;
  message: string;
}

/** `POST /api/imports/:id/undo`: what was archived and restored, and what was left alone. */
export interface ImportUndoResult {
  import: ImportRecord;
  archived: number;
  restored: number;
  skipped: ImportUndoSkip[];
}
