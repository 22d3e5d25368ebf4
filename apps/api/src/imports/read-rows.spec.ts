import { Readable } from 'node:stream';
import { fromCell, readCsvRows, sniffDelimiter, UnreadableFileError, type SheetRow } from './read-rows';

async function all(rows: AsyncGenerator<SheetRow>): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}
const csv = (text: string | Buffer) => {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  return all(readCsvRows(Readable.from([bytes]), sniffDelimiter(bytes.toString('utf8'))));
};

describe('readCsvRows', () => {
  it('reads a BOM, quoted commas and line breaks, and numbers rows as a spreadsheet does', async () => {
    const rows = await csv('\uFEFFname,leadOfficial\r\n"Rabat, الرباط","line one\nline two"\r\nKampala,\r\n');
    expect(rows).toEqual([
      { row: 2, cells: { name: 'Rabat, الرباط', leadOfficial: 'line one\nline two' } },
      { row: 3, cells: { name: 'Kampala', leadOfficial: '' } },
    ]);
  });

  it('reads semicolon-separated files', async () => {
    expect(await csv('name;countryCode\nLyon;FR\n')).toEqual([{ row: 2, cells: { name: 'Lyon', countryCode: 'FR' } }]);
  });

  it("keeps a comma file's semicolons in their cells (the export's lists)", async () => {
    expect(await csv('title,partners,summary\nForum,Rabat; Oslo,one; two\n')).toEqual([
      { row: 2, cells: { title: 'Forum', partners: 'Rabat; Oslo', summary: 'one; two' } },
    ]);
  });

  it('gives back text the export guarded against formulas, and keeps a formula as text', async () => {
    expect(fromCell("'=HYPERLINK(1)")).toBe('=HYPERLINK(1)');
    expect(fromCell("'plain")).toBe("'plain");
    expect(await csv('name\n"=HYPERLINK(""x"")"\n')).toEqual([{ row: 2, cells: { name: '=HYPERLINK("x")' } }]);
  });

  it.each([
    ['a 0-byte file', ''],
    ['broken quoting', 'name\n"Rabat\n'],
    ['a NUL byte', 'name\nRa\u0000bat\n'],
    ['a UTF-16 file', Buffer.from('\uFEFFname\r\nRabat\r\n', 'utf16le')],
    ['10,000 columns', Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',') + '\n'],
    ['a header naming a column twice', 'name,name\na,b\n'],
  ])('refuses %s with a clear error', async (_what, text) => {
    await expect(csv(text)).rejects.toBeInstanceOf(UnreadableFileError);
  });
});
