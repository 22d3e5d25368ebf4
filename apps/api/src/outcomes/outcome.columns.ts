import type { OutcomeListItem } from '@impact/contracts';
import type { CsvColumn } from '../common/csv';

/**
 * An outcome's CSV columns, in one place: the export writes them and the import reads the same
 * headers. `version` comes last, so a re-imported row changed since its export is reported, not overwritten.
 */
export const OUTCOME_CSV_COLUMNS: readonly CsvColumn<OutcomeListItem>[] = [
  { header: 'id', value: (o) => o.id },
  { header: 'date', value: (o) => o.date },
  { header: 'type', value: (o) => o.type },
  { header: 'value', value: (o) => o.value },
  { header: 'unit', value: (o) => o.unit },
  { header: 'city', value: (o) => o.cityName },
  { header: 'commitment', value: (o) => o.commitmentTitle },
  { header: 'description', value: (o) => o.description },
  { header: 'evidenceUrl', value: (o) => o.evidenceUrl },
  { header: 'verifiedBy', value: (o) => o.verifiedByName },
  { header: 'verifiedAt', value: (o) => o.verifiedAt },
  { header: 'version', value: (o) => o.version },
];
