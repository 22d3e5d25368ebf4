import type { Partner } from '@impact/contracts';
import type { CsvColumn } from '../common/csv';

/** A partner's CSV columns, in one place: the export writes them and the import reads the same headers. */
export const PARTNER_CSV_COLUMNS: readonly CsvColumn<Partner>[] = [
  { header: 'id', value: (p) => p.id },
  { header: 'name', value: (p) => p.name },
  { header: 'kind', value: (p) => p.kind },
  { header: 'countryCode', value: (p) => p.countryCode },
];
