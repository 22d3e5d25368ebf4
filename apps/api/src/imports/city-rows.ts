import type { CityListItem } from '@impact/contracts';
import { CITY_CSV_COLUMNS } from '../cities/city.columns';
import { CreateCityDto, UpdateCityDto } from '../cities/dto/city.dto';
import { matchOne } from './names';
import type { SheetRow } from './read-rows';
import { blankToNull, checkHeader, numberCell, planRow, type ImportSpec, type RowPlan } from './row-plan';
import type { ImportRowError } from './row-validation';

/** The hubs a city row may name (by id or name). */
export interface HubRef {
  id: string;
  name: string;
}

export type CityRowPlan = RowPlan<CreateCityDto, UpdateCityDto>;

/** A placeholder id for an unresolved reference, so the DTO check still reports the row's other columns. */
const NO_ID = '00000000-0000-4000-8000-000000000000';

function citySpec(hubs: readonly HubRef[]): ImportSpec<CityListItem, CreateCityDto, UpdateCityDto> {
  return {
    noun: 'city',
    columns: CITY_CSV_COLUMNS,
    fieldOf: { hub: 'hubId' },
    createDto: CreateCityDto,
    updateDto: UpdateCityDto,
    body: (cells, error) => {
      let hubId = NO_ID;
      const hubCell = cells['hub']?.trim();
      if (!hubCell) error('hub', 'is required');
      else {
        const hub = matchOne(hubCell, hubs, (h) => h.name, 'hub');
        if ('error' in hub) error('hub', hub.error);
        else hubId = hub.found.id;
      }
      return {
        name: cells['name'] ?? '',
        countryCode: cells['countryCode'] ?? '',
        hubId,
        kind: cells['kind'] ?? '',
        membershipStatus: cells['membershipStatus'] ?? '',
        memberSince: blankToNull(cells['memberSince']),
        leadOfficial: blankToNull(cells['leadOfficial']),
        latitude: numberCell(cells['latitude']),
        longitude: numberCell(cells['longitude']),
      };
    },
    same: (r, c) =>
      r.name.trim() === c.name &&
      r.countryCode === c.countryCode &&
      r.hubId === c.hubId &&
      r.kind === c.kind &&
      r.membershipStatus === c.membershipStatus &&
      (r.memberSince ?? null) === c.memberSince &&
      (r.leadOfficial?.trim() || null) === c.leadOfficial &&
      (r.latitude ?? null) === c.latitude &&
      (r.longitude ?? null) === c.longitude,
  };
}

export const checkCityHeader = (header: readonly string[]): ImportRowError[] => checkHeader(citySpec([]), header);

/** Reads one city row: the hub by id or name, then the API's own validation and the version check. */
export const planCityRow = (row: SheetRow, hubs: readonly HubRef[], live: (id: string) => CityListItem | undefined): Promise<CityRowPlan> =>
  planRow(citySpec(hubs), row, live);
