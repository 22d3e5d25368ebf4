import type { CityListItem } from '@impact/contracts';
import type { CsvColumn } from '../common/csv';

/** A city's CSV columns, in one place: the export writes them and the import reads the same headers. */
export const CITY_CSV_COLUMNS: readonly CsvColumn<CityListItem>[] = [
  { header: 'id', value: (c) => c.id },
  { header: 'name', value: (c) => c.name },
  { header: 'countryCode', value: (c) => c.countryCode },
  { header: 'hub', value: (c) => c.hubName },
  { header: 'kind', value: (c) => c.kind },
  { header: 'membershipStatus', value: (c) => c.membershipStatus },
  { header: 'memberSince', value: (c) => c.memberSince },
  { header: 'leadOfficial', value: (c) => c.leadOfficial },
  { header: 'latitude', value: (c) => c.latitude },
  { header: 'longitude', value: (c) => c.longitude },
];
