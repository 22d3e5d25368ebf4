import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { CommitmentListItem, EngagementListItem, ImportRecord, ImportUndoResult } from '@impact/contracts';
import { demoSpec, type DemoUser } from '../../test/demo-spec';

const t = demoSpec('admin', 'esa', 'balkans', 'nansana');
const { as, count } = t;
let esa: string, nansana: string;
beforeAll(() => ([esa, nansana] = [t.hub('esa'), t.city('Nansana')]));

/** Rows of the tables these imports write, their versions and the audit trail: what "nothing written" compares. */
const written = async () => ({
  engagements: await count(`SELECT count(*)::int AS n FROM engagements`),
  commitments: await count(`SELECT count(*)::int AS n FROM commitments`),
  links: await count(`SELECT (SELECT count(*) FROM engagement_cities) + (SELECT count(*) FROM commitment_engagements)::int AS n`),
  audit: await count(`SELECT count(*)::int AS n FROM audit_log`),
  versions: await count(
    `SELECT ((SELECT coalesce(sum(version), 0) FROM engagements) + (SELECT coalesce(sum(version), 0) FROM commitments))::int AS n`,
  ),
});

/** Uploads a file, then follows the import until its job has finished, as a client would. */
async function imported(who: DemoUser, entity: string, dryRun: boolean, file: Buffer | string, name = 'upload.csv'): Promise<ImportRecord> {
  const queued = await t.http
    .post(`/api/imports?entity=${entity}&dryRun=${dryRun}`)
    .set(as(who))
    .attach('file', Buffer.isBuffer(file) ? file : Buffer.from(file), name)
    .expect(202);
  const end = Date.now() + 120_000;
  for (;;) {
    const record = (await t.http.get(`/api/imports/${queued.body.id}`).set(as(who)).expect(200)).body as ImportRecord;
    if (record.status !== 'queued' && record.status !== 'running') return record;
    if (Date.now() > end) throw new Error(`import ${record.id} still ${record.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const rowsOf = (csvText: string) => parse(csvText.replace(/^\uFEFF/, '')) as string[][];

/** A CSV file of `rows` (the first is the header), quoted as a spreadsheet would write it. */
const csvOf = (rows: string[][]) =>
  rows.map((r) => r.map((v) => (/[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\r\n');

async function xlsxOf(csvText: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('export');
  for (const r of rowsOf(csvText)) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The export of `entity` as `who` sees it: header, then rows, each a map by column. */
async function exportOf(who: DemoUser, entity: string, query = '') {
  const text = (await t.http.get(`/api/${entity}/export.csv${query}`).set(as(who)).expect(200)).text;
  const [header, ...rows] = rowsOf(text);
  return { text, header, rows, cell: (r: string[], column: string) => r[header.indexOf(column)] };
}

describe('record imports: round trip', () => {
  it.each([
    ['engagements', 'admin'],
    ['commitments', 'admin'],
    ['engagements', 'esa'],
    ['commitments', 'esa'],
  ] as const)('imports an export of %s (as %s) back as unchanged, in CSV and .xlsx, writing nothing', async (entity, who) => {
    const exported = await exportOf(who, entity);
    const rows = exported.rows.length;
    expect(rows).toBeGreaterThan(5);
    const before = await written();
    const csv = await imported(who, entity, false, exported.text, `${entity}.csv`);
    expect(csv).toMatchObject({ status: 'done', total: rows, unchanged: rows, created: 0, updated: 0, errors: [] });
    const xlsx = await imported(who, entity, false, await xlsxOf(exported.text), `${entity}.xlsx`);
    expect(xlsx).toMatchObject({ status: 'done', total: rows, unchanged: rows, created: 0, updated: 0, errors: [] });
    expect(await written()).toEqual(before);
  });
});
