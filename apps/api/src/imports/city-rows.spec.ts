import { Readable } from 'node:stream';
import type { CityListItem } from '@impact/contracts';
import { CITY_CSV_COLUMNS } from '../cities/city.columns';
import { toCsv } from '../common/csv';
import { checkCityHeader, planCityRow, type HubRef } from './city-rows';
import { readCsvRows, type SheetRow } from './read-rows';

const HUB_ID = '0b6f2d7e-1c1a-4f5e-9a51-2f7d1f0c0a01';
const CITY_ID = '5d1c0b1e-8a3c-4c0e-b7a4-6a4b8e8f6c02';
const hubs: HubRef[] = [
  { id: HUB_ID, name: 'Middle East & North Africa' },
  { id: '0b6f2d7e-1c1a-4f5e-9a51-2f7d1f0c0a02', name: 'Europe' },
  { id: '0b6f2d7e-1c1a-4f5e-9a51-2f7d1f0c0a03', name: 'Éurope' },
];
const rabat: CityListItem = {
  id: CITY_ID,
  name: 'الرباط',
  countryCode: 'MA',
  hubId: HUB_ID,
  hubName: hubs[0].name,
  kind: 'city',
  membershipStatus: 'member',
  memberSince: '2019-05-01',
  leadOfficial: '=Mayor, "acting"',
  latitude: 34.02,
  longitude: -6.83,
  liaisonIds: [],
  version: 3,
};
const live = (id: string) => (id === CITY_ID ? rabat : undefined);

const row = (cells: Record<string, string>): SheetRow => ({
  row: 7,
  cells: {
    id: '',
    name: 'Lyon',
    countryCode: 'fr',
    hub: 'europe',
    kind: 'city',
    membershipStatus: 'joining',
    memberSince: '',
    leadOfficial: '',
    latitude: '',
    longitude: '',
    ...cells,
  },
});

describe('planCityRow', () => {
  it('reads an exported city back as unchanged (round trip through the export columns)', async () => {
    const rows: SheetRow[] = [];
    for await (const r of readCsvRows(Readable.from([Buffer.from(toCsv(CITY_CSV_COLUMNS, [rabat]))]))) rows.push(r);
    expect(checkCityHeader(Object.keys(rows[0].cells))).toEqual([]);
    expect(await planCityRow(rows[0], hubs, live)).toEqual({ kind: 'unchanged', row: 2, id: CITY_ID });
  });

  it('creates a row without an id, its hub matched by name ignoring case and accents', async () => {
    const plan = await planCityRow(row({ hub: ' middle east & NORTH africa ' }), hubs, live);
    expect(plan).toMatchObject({ kind: 'create', row: 7, request: { name: 'Lyon', countryCode: 'FR', hubId: HUB_ID, memberSince: null } });
  });

  it('names the column of an ambiguous or unknown hub and of a value the API refuses', async () => {
    const plan = await planCityRow(row({ kind: 'village', latitude: 'north' }), hubs, live);
    expect(plan.kind).toBe('invalid');
    const errors = 'errors' in plan ? plan.errors : [];
    expect(errors[0]).toEqual({ row: 7, column: 'hub', message: '"europe" is ambiguous: 2 hub names match' });
    expect(errors).toContainEqual({ row: 7, column: 'kind', message: expect.stringContaining('kind must be one of') });
    expect(errors).toContainEqual({ row: 7, column: 'latitude', message: expect.stringContaining('latitude must be a number') });
    expect(new Set(errors.map((e) => e.column))).toEqual(new Set(['hub', 'kind', 'latitude']));
    expect(await planCityRow(row({ hub: 'Asia' }), hubs, live)).toMatchObject({ errors: [{ column: 'hub', message: 'no hub "Asia"' }] });
  });

  it('updates a changed row with an id, and reports a record changed since the export', async () => {
    const cells = { id: CITY_ID, name: 'Rabat', countryCode: 'MA', hub: HUB_ID, kind: 'city', membershipStatus: 'member' };
    expect(await planCityRow(row(cells), hubs, live)).toMatchObject({
      kind: 'update',
      id: CITY_ID,
      request: { name: 'Rabat', version: 3 },
    });
    expect(await planCityRow(row({ ...cells, version: '2' }), hubs, live)).toEqual({
      kind: 'invalid',
      row: 7,
      errors: [{ row: 7, column: 'id', message: 'the city was changed since the file was exported' }],
    });
    expect(await planCityRow(row({ ...cells, id: '5d1c0b1e-8a3c-4c0e-b7a4-6a4b8e8f6c09' }), hubs, live)).toMatchObject({
      errors: [{ column: 'id' }],
    });
  });
});

describe('checkCityHeader', () => {
  it('reports unknown and missing columns on row 1', () => {
    expect(
      checkCityHeader(['name', 'countryCode', 'hub', 'kind', 'membershipStatus', 'memberSince', 'leadOfficial', 'latitude', 'colour']),
    ).toEqual([
      { row: 1, column: 'colour', message: 'is not a city column' },
      { row: 1, column: 'longitude', message: 'is missing from the header' },
    ]);
  });
});
