import type { CommitmentListItem } from '@impact/contracts';
import type { CsvColumn } from '../common/csv';

/**
 * A commitment's CSV columns, in one place: the export writes them and the import reads the same
 * headers. `version` comes last, so a re-imported row changed since its export is reported, not overwritten.
 */
export const COMMITMENT_CSV_COLUMNS: readonly CsvColumn<CommitmentListItem>[] = [
  { header: 'id', value: (c) => c.id },
  { header: 'title', value: (c) => c.title },
  { header: 'kind', value: (c) => c.kind },
  { header: 'city', value: (c) => c.cityName },
  { header: 'hub', value: (c) => c.hubName },
  { header: 'owner', value: (c) => c.ownerName },
  { header: 'targetDate', value: (c) => c.targetDate },
  { header: 'progress', value: (c) => c.progress },
  { header: 'status', value: (c) => c.status },
  { header: 'atRisk', value: (c) => c.atRisk },
  { header: 'inspiredBy', value: (c) => c.inspiredBy.map((e) => e.name) },
  { header: 'partners', value: (c) => c.partners.map((p) => p.name) },
  { header: 'description', value: (c) => c.description },
  { header: 'createdAt', value: (c) => c.createdAt },
  { header: 'version', value: (c) => c.version },
];
