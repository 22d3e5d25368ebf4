import { Readable } from 'node:stream';
import type { Partner } from '@impact/contracts';
import { PARTNER_CSV_COLUMNS } from '../partners/partner.columns';
import { toCsv } from '../common/csv';
import { checkPartnerHeader, planPartnerRow } from './partner-rows';
import { readCsvRows, sniffDelimiter, type SheetRow } from './read-rows';

const ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const partner: Partner = { id: ID, name: 'Strong Cities, "Youth" Network', kind: 'civil_society', countryCode: null, version: 2 };
const live = (id: string) => (id === ID ? partner : undefined);

async function rowsOf(text: string): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const r of readCsvRows(Readable.from([Buffer.from(text)]), sniffDelimiter(text))) rows.push(r);
  return rows;
}

describe('planPartnerRow', () => {
  it('reads an exported partner back as unchanged', async () => {
    const [row] = await rowsOf(toCsv(PARTNER_CSV_COLUMNS, [partner]));
    expect(checkPartnerHeader(Object.keys(row.cells))).toEqual([]);
    expect(await planPartnerRow(row, live)).toEqual({ kind: 'unchanged', row: 2, id: ID });
  });

  it('creates, updates and refuses rows as the API would', async () => {
    const [create, update, bad, stale] = await rowsOf(
      `id;name;kind;countryCode;version\n;UNESCO;international_organisation;;\n${ID};Strong Cities Network;civil_society;ZA;2\n;;club;XX;\n${ID};Other;civil_society;;1\n`,
    );
    expect(await planPartnerRow(create, live)).toMatchObject({ kind: 'create', row: 2, request: { name: 'UNESCO', countryCode: null } });
    expect(await planPartnerRow(update, live)).toMatchObject({
      kind: 'update',
      row: 3,
      id: ID,
      request: { countryCode: 'ZA', version: 2 },
    });
    const invalid = await planPartnerRow(bad, live);
    expect('errors' in invalid && invalid.errors.map((e) => [e.row, e.column])).toEqual([
      [4, 'name'],
      [4, 'kind'],
      [4, 'countryCode'],
    ]);
    expect(await planPartnerRow(stale, live)).toMatchObject({ kind: 'invalid', errors: [{ row: 5, column: 'id' }] });
  });
});
