import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { UnreadableFileError } from './read-rows';
import { checkZipBounds, ZIP_LIMITS } from './zip-bounds';
import { deflatedZeros, zipOf } from './zip-bomb.fixture';

const refusal = (zip: Buffer) =>
  checkZipBounds(zip).then(
    () => null,
    (e: Error) => e,
  );

describe('checkZipBounds', () => {
  it('lets a workbook through', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('rows');
    for (let i = 0; i < 2_000; i++) sheet.addRow([`Row ${i}`, i, 'the same text on every row']);
    const parts = await checkZipBounds(Buffer.from(await wb.xlsx.writeBuffer()));
    expect([...parts.keys()]).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml']));
  });

  // Bounds of a few MB here (the real ones are checked through the API): the same counting, less waiting.
  const small = { ...ZIP_LIMITS, inflatedBytes: 32 * 1024 * 1024, sharedStringsBytes: 8 * 1024 * 1024 };

  it('refuses a sheet that inflates far beyond the bound, saying so, without inflating it all', async () => {
    const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: deflatedZeros(4096), size: 1000 }]);
    expect(bomb.length).toBeLessThan(8 * 1024 * 1024);
    const e = await checkZipBounds(bomb, small).then(
      () => null,
      (x: Error) => x,
    );
    expect(e).toBeInstanceOf(UnreadableFileError);
    expect(e?.message).toBe('The file inflates to more than 32 MB once unzipped: it is not read (is it a zip bomb?).');
  });

  it('bounds the shared strings lower (they are held in memory while the sheet is read)', async () => {
    const bomb = zipOf([{ name: 'xl/sharedStrings.xml', data: deflatedZeros(16), size: 10 }]);
    const e = await checkZipBounds(bomb, small).then(
      () => null,
      (x: Error) => x,
    );
    expect(e?.message).toBe('The file holds shared strings of more than 8 MB once unzipped: it is not read (is it a zip bomb?).');
  });

  it('refuses bytes hidden between entries, and what is not a zip', async () => {
    const small = { name: 'a.xml', data: deflateRawSync(Buffer.from('<a/>')), size: 4 };
    expect([...(await checkZipBounds(zipOf([small, { ...small, name: 'b.xml' }]))).keys()]).toEqual([small.name, 'b.xml']);
    expect(await refusal(zipOf([small, { ...small, name: 'b.xml' }], 7))).toBeInstanceOf(UnreadableFileError);
    expect(await refusal(Buffer.from('PK not a zip'))).toBeInstanceOf(UnreadableFileError);
  });
});
