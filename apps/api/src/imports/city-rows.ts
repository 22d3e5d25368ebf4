import type { CityListItem } from '@impact/contracts';
import { CITY_CSV_COLUMNS } from '../cities/city.columns';
import { CreateCityDto, UpdateCityDto } from '../cities/dto/city.dto';
import { matchOne } from './names';
import type { SheetRow } from './read-rows';
import { validateRow, type ImportRowError } from './row-validation';

/** The hubs a city row may name (by id or name). */
export interface HubRef {
  id: string;
  name: string;
}

/** What one row asks for, once read and validated. */
export type CityRowPlan =
  | { kind: 'create'; row: number; request: CreateCityDto }
  | { kind: 'update'; row: number; id: string; request: UpdateCityDto }
  | { kind: 'unchanged'; row: number; id: string }
  | { kind: 'invalid'; row: number; errors: ImportRowError[] };

const HEADERS = CITY_CSV_COLUMNS.map((c) => c.header);
/** The request field each column fills (the export shows the hub's name where the request takes its id). */
const FIELD_OF: Record<string, string> = { hub: 'hubId' };
const columnOf = (field: string): string => Object.entries(FIELD_OF).find(([, f]) => f === field)?.[0] ?? field;

/** Header problems (unknown or missing columns) as errors on row 1; `id` may be left out of a file of new records. */
export function checkCityHeader(header: readonly string[]): ImportRowError[] {
  const unknown = header.filter((h) => h && !HEADERS.includes(h) && h !== 'version');
  const missing = HEADERS.filter((h) => h !== 'id' && !header.includes(h));
  return [
    ...unknown.map((column) => ({ row: 1, column, message: 'is not a column of cities' })),
    ...missing.map((column) => ({ row: 1, column, message: 'is missing from the header' })),
  ];
}

const blankToNull = (text: string | undefined): string | null => (text === undefined || text.trim() === '' ? null : text);

/** A number cell: blank is null; text that is not a number is passed on for the validator to refuse by name. */
function numberCell(text: string | undefined): number | string | null {
  const t = blankToNull(text);
  if (t === null) return null;
  const n = Number(t.trim());
  return Number.isFinite(n) ? n : t;
}

/** The fields a city row compares and writes, as the export shows them. */
function sameAsRecord(request: CreateCityDto, current: CityListItem): boolean {
  return (
    request.name.trim() === current.name &&
    request.countryCode === current.countryCode &&
    request.hubId === current.hubId &&
    request.kind === current.kind &&
    request.membershipStatus === current.membershipStatus &&
    (request.memberSince ?? null) === current.memberSince &&
    (request.leadOfficial?.trim() || null) === current.leadOfficial &&
    (request.latitude ?? null) === current.latitude &&
    (request.longitude ?? null) === current.longitude
  );
}

/**
 * Reads one city row: the hub by id or name, then the API's own create validation. A row with an id
 * whose values equal the live record is unchanged; otherwise it becomes an update carrying the
 * version the file was exported at (column `version`, when present) or the live one.
 */
export async function planCityRow(
  { row, cells }: SheetRow,
  hubs: readonly HubRef[],
  live: (id: string) => CityListItem | undefined,
): Promise<CityRowPlan> {
  const errors: ImportRowError[] = [];
  let hubId: string | undefined;
  const hubCell = cells['hub']?.trim();
  if (hubCell) {
    const hub = matchOne(hubCell, hubs, (h) => h.name, 'hub');
    if ('error' in hub) errors.push({ row, column: 'hub', message: hub.error });
    else hubId = hub.found.id;
  } else errors.push({ row, column: 'hub', message: 'is required' });

  const body: Record<string, unknown> = {
    name: cells['name'] ?? '',
    countryCode: cells['countryCode'] ?? '',
    hubId: hubId ?? '00000000-0000-4000-8000-000000000000',
    kind: cells['kind'] ?? '',
    membershipStatus: cells['membershipStatus'] ?? '',
    memberSince: blankToNull(cells['memberSince']),
    leadOfficial: blankToNull(cells['leadOfficial']),
    latitude: numberCell(cells['latitude']),
    longitude: numberCell(cells['longitude']),
  };
  const checked = await validateRow(row, body, CreateCityDto, columnOf);
  if ('errors' in checked) errors.push(...checked.errors);
  if (errors.length || 'errors' in checked) return { kind: 'invalid', row, errors };

  const id = blankToNull(cells['id'])?.trim();
  if (!id) return { kind: 'create', row, request: checked.value };
  const current = live(id);
  if (!current) return { kind: 'invalid', row, errors: [{ row, column: 'id', message: `no city "${id}" that you may see` }] };
  if (sameAsRecord(checked.value, current)) return { kind: 'unchanged', row, id };

  const versionCell = blankToNull(cells['version']);
  const update = await validateRow(
    row,
    { ...body, version: versionCell === null ? current.version : numberCell(versionCell) },
    UpdateCityDto,
    columnOf,
  );
  if ('errors' in update) return { kind: 'invalid', row, errors: update.errors };
  if (update.value.version !== current.version) {
    return { kind: 'invalid', row, errors: [{ row, column: 'id', message: 'the city was changed since the file was exported' }] };
  }
  return { kind: 'update', row, id, request: update.value };
}
