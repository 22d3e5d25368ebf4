import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

/** The most data rows and columns one file may hold. */
export const IMPORT_LIMITS = { rows: 200_000, columns: 200, bytes: 50 * 1024 * 1024 } as const;

/** One data row as a spreadsheet numbers it (the header is row 1), its cells by header. */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
}

/** A file that cannot be read at all: the import stops with this message, nothing is written. */
export class UnreadableFileError extends Error {}

/** The export prefixes text a spreadsheet would run as a formula with `'`; reading it back removes that prefix. */
export function fromCell(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function checkHeader(header: string[]): string[] {
  if (header.length > IMPORT_LIMITS.columns) throw new UnreadableFileError(`The file has more than ${IMPORT_LIMITS.columns} columns.`);
  // The UTF-8 BOM is removed here rather than by the parser, whose BOM option would also decode UTF-16.
  const names = header.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
  const dup = names.find((h, i) => h && names.indexOf(h) !== i);
  if (dup) throw new UnreadableFileError(`The column "${dup}" appears twice in the header.`);
  return names;
}

function toRow(header: string[], values: string[], row: number): SheetRow {
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
      if (!header) header = checkHeader(record);
      else yield toRow(header, record, row);
    }
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
    throw new UnreadableFileError(`The file is not valid CSV (${(e as { code?: string }).code ?? 'parse error'}).`);
  }
  if (!header) throw new UnreadableFileError('The file is empty.');
}

/** A cell as text: dates as YYYY-MM-DD, formulas as their text (never evaluated), rich text joined. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('formula' in value) return `=${value.formula}`;
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

/** Streams the first sheet of an `.xlsx` (exceljs's WorkbookReader, so memory stays flat). */
export async function* readXlsxRows(input: Readable): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  let header: string[] | null = null;
  try {
    for await (const sheet of reader) {
      for await (const r of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
        const values = (r.values as ExcelJS.CellValue[]).slice(1).map(cellText);
        if (!header) {
          if (r.number !== 1) throw new UnreadableFileError('The first sheet has no header in row 1.');
          header = checkHeader(values);
        } else if (values.some((v) => v !== '')) yield toRow(header, values, r.number);
      }
      break; // the first sheet only
    }
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
    throw new UnreadableFileError('The file is not a readable .xlsx workbook.');
  }
  if (!header) throw new UnreadableFileError('The file is empty.');
}
