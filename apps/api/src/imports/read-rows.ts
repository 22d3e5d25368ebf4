import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';

/** The most data rows and columns one file may hold. */
export const IMPORT_LIMITS = { rows: 200_000, columns: 200, bytes: 50 * 1024 * 1024 } as const;

/** One data row as a spreadsheet numbers it (the header is row 1), its cells by header. */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
}

/** A file that cannot be read at all: the import stops with this message, nothing is written. `cause`: what failed inside the reader, for the log. */
export class UnreadableFileError extends Error {
  constructor(
    message: string,
    readonly cause?: unknown,
  ) {
    super(message);
  }
}

/** The export prefixes text a spreadsheet would run as a formula with `'`; reading it back removes that prefix. */
export function fromCell(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** The header's column names, checked: not too many, none twice, the UTF-8 byte-order mark dropped. */
export function headerOf(header: string[]): string[] {
  if (header.length > IMPORT_LIMITS.columns) throw new UnreadableFileError(`The file has more than ${IMPORT_LIMITS.columns} columns.`);
  // The UTF-8 BOM is removed here rather than by the parser, whose BOM option would also decode UTF-16.
  const names = header.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
  const dup = names.find((h, i) => h && names.indexOf(h) !== i);
  if (dup) throw new UnreadableFileError(`The column "${dup}" appears twice in the header.`);
  return names;
}

/** One data row's cells by header name, within the row limit. */
export function toRow(header: string[], values: string[], row: number): SheetRow {
  if (row - 1 > IMPORT_LIMITS.rows) throw new UnreadableFileError(`The file has more than ${IMPORT_LIMITS.rows} rows.`);
  const cells: Record<string, string> = {};
  header.forEach((h, i) => {
    if (h) cells[h] = fromCell(values[i] ?? '');
  });
  return { row, cells };
}

/**
 * The file's delimiter, from its header line: the one of comma and semicolon it uses more. The header
 * decides for the whole file, because a comma file's cells hold semicolons (the export joins lists with `; `).
 */
export function sniffDelimiter(head: string): ',' | ';' {
  const line = head.replace(/^\uFEFF/, '').split(/\r?\n/)[0];
  const count = (c: string) => line.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/**
 * Streams a CSV file's rows: UTF-8 with or without BOM, comma or semicolon, quoted fields holding
 * commas and line breaks. A record spanning several lines is still one spreadsheet row, so rows are
 * counted by record. Wholly empty lines are skipped.
 */
export async function* readCsvRows(input: Readable, delimiter: ',' | ';' = ','): AsyncGenerator<SheetRow> {
  const parser = input.pipe(parse({ delimiter, relax_column_count: true, skip_empty_lines: true, max_record_size: 1_000_000 }));
  let header: string[] | null = null;
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      if (record.some((v) => v.includes('\u0000')))
        throw new UnreadableFileError(`Row ${row} holds a NUL character: the file is not UTF-8 text (UTF-16 files are not read).`);
      if (!header) header = headerOf(record);
      else yield toRow(header, record, row);
    }
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
    throw new UnreadableFileError(`The file is not valid CSV (${(e as { code?: string }).code ?? 'parse error'}).`);
  }
  if (!header) throw new UnreadableFileError('The file is empty.');
}
