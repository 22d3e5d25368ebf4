import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { headerOf, toRow, UnreadableFileError, type SheetRow } from './read-rows';
import { checkZipBounds, partStream, type ZipPart } from './zip-bounds';

/**
 * The parts of exceljs's streaming WorkbookReader that read one zip entry each. Its own `parse()` walks
 * the zip in stored order through unzipper's streaming parser, which now and then loses the entries
 * after a worksheet it set aside (exceljs writes `xl/workbook.xml` last), and the read then fails with
 * "Cannot read properties of undefined (reading 'sheets')" (exceljs issue 3064, about 1 read in 600
 * here). These parts are fed from the zip's central directory instead, in the order they depend on
 * each other, which is what that proposed fix does too. exceljs is pinned to an exact version.
 */
interface ReaderParts {
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { id: number; name: string; rId: string }[] };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
}

const notAWorkbook = () => new UnreadableFileError('The file is not a readable .xlsx workbook.');

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

/** The first sheet in the workbook's own order: its number in `xl/worksheets/sheetN.xml` and that entry. */
function firstSheet(reader: ReaderParts, parts: Map<string, ZipPart>): { sheetNo: string; part: ZipPart } {
  const first = reader.model?.sheets?.[0];
  const target = first && reader.workbookRels?.find((r) => r.Id === first.rId)?.Target;
  const path = target ? (target.startsWith('/') ? target.slice(1) : `xl/${target}`) : undefined;
  const named = path?.match(/^xl\/worksheets\/sheet(\d+)\.xml$/);
  const part = path ? parts.get(path) : undefined;
  if (!named || !part) throw notAWorkbook();
  return { sheetNo: named[1], part };
}

/**
 * The first sheet of an `.xlsx` held in memory (its inflated size bounded first), its rows streamed
 * from the sheet's entry as exceljs parses them, so the sheet is never held whole.
 */
export async function* readXlsxRows(zip: Buffer): AsyncGenerator<SheetRow> {
  const parts = await checkZipBounds(zip);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  }) as unknown as ReaderParts;
  const entry = (name: string) => {
    const part = parts.get(name);
    return part ? partStream(zip, part) : null;
  };
  let header: string[] | null = null;
  try {
    const rels = entry('xl/_rels/workbook.xml.rels');
    const book = entry('xl/workbook.xml');
    if (!rels || !book) throw notAWorkbook();
    await reader._parseRels(rels);
    await reader._parseWorkbook(book);
    const shared = entry('xl/sharedStrings.xml');
    // Kept on the reader ('cache'), nothing is emitted: the generator is only run to its end.
    if (shared) for await (const event of reader._parseSharedStrings(shared)) void event;
    const styles = entry('xl/styles.xml');
    if (styles) await reader._parseStyles(styles);
    const { sheetNo, part } = firstSheet(reader, parts);
    for (const { eventType, value: sheet } of reader._parseWorksheet(partStream(zip, part), sheetNo)) {
      if (eventType !== 'worksheet') continue;
      for await (const r of sheet) {
        const values = (r.values as ExcelJS.CellValue[]).slice(1).map(cellText);
        if (!header) {
          if (r.number !== 1) throw new UnreadableFileError('The first sheet has no header in row 1.');
          header = headerOf(values);
        } else if (values.some((v) => v !== '')) yield toRow(header, values, r.number);
      }
    }
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
    throw new UnreadableFileError('The file is not a readable .xlsx workbook.', e);
  }
  if (!header) throw new UnreadableFileError('The file is empty.');
}
