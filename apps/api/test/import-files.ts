import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { ImportRecord } from '@impact/contracts';
import type { DemoSpec, DemoUser } from './demo-spec';

/** The rows of a CSV text (a leading byte-order mark dropped; rows may differ in length). */
export const rowsOf = (csvText: string) => parse(csvText.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];

/** A CSV file of `rows` (the first is the header), quoted as a spreadsheet would write it. */
export const csvOf = (rows: string[][]) =>
  rows.map((r) => r.map((v) => (/[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\r\n');

/** The same rows as the first sheet of an .xlsx workbook. */
export async function xlsxOf(csvText: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('export');
  for (const r of rowsOf(csvText)) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A copy of an exported row with some columns set. */
export function edited(header: string[], row: string[], changes: Record<string, string>): string[] {
  const out = [...row];
  for (const [column, value] of Object.entries(changes)) out[header.indexOf(column)] = value;
  return out;
}

/** What the import specs do through the API as a client would: upload and follow an import, read an export. */
export function importClient(t: DemoSpec) {
  const post = (who: DemoUser, entity: string, dryRun: boolean, file: Buffer | string, name = 'upload.csv') =>
    t.http
      .post(`/api/imports?entity=${entity}&dryRun=${dryRun}`)
      .set(t.as(who))
      .attach('file', Buffer.isBuffer(file) ? file : Buffer.from(file), name);

  /** Uploads a file, then follows the import until its job has finished. */
  async function imported(who: DemoUser, entity: string, dryRun: boolean, file: Buffer | string, name?: string): Promise<ImportRecord> {
    const queued = await post(who, entity, dryRun, file, name).expect(202);
    expect(queued.body).toMatchObject({ id: expect.any(String), status: 'queued', entity, dryRun });
    const end = Date.now() + 120_000;
    for (;;) {
      const record = (await t.http.get(`/api/imports/${queued.body.id}`).set(t.as(who)).expect(200)).body as ImportRecord;
      if (record.status !== 'queued' && record.status !== 'running') return record;
      if (Date.now() > end) throw new Error(`import ${record.id} still ${record.status}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** The export of `entity` as `who` sees it: its text, header and rows, and a cell by column name. */
  async function exportOf(who: DemoUser, entity: string, query = '') {
    const text = (await t.http.get(`/api/${entity}/export.csv${query}`).set(t.as(who)).expect(200)).text;
    const [header, ...rows] = rowsOf(text);
    return { text, header, rows, cell: (r: string[], column: string) => r[header.indexOf(column)] };
  }

  return { post, imported, exportOf };
}
