import type { FollowUpListItem } from '@impact/contracts';
import type { CsvColumn } from '../common/csv';

/**
 * A follow-up's CSV columns, in one place: the export writes them and the import reads the same
 * headers. `version` comes last, so a re-imported row changed since its export is reported, not overwritten.
 */
export const FOLLOW_UP_CSV_COLUMNS: readonly CsvColumn<FollowUpListItem>[] = [
  { header: 'id', value: (f) => f.id },
  { header: 'title', value: (f) => f.title },
  { header: 'kind', value: (f) => f.kind },
  { header: 'status', value: (f) => f.status },
  { header: 'overdue', value: (f) => f.overdue },
  { header: 'dueDate', value: (f) => f.dueDate },
  { header: 'completedAt', value: (f) => f.completedAt },
  { header: 'owner', value: (f) => f.ownerName },
  { header: 'city', value: (f) => f.cityName },
  { header: 'commitment', value: (f) => f.commitmentTitle },
  { header: 'engagement', value: (f) => f.engagementTitle },
  { header: 'note', value: (f) => f.note },
  { header: 'version', value: (f) => f.version },
];
