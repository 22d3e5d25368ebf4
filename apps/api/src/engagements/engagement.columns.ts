import type { EngagementListItem } from '@impact/contracts';
import type { CsvColumn } from '../common/csv';

/**
 * An engagement's CSV columns, in one place: the export writes them and the import reads the same
 * headers. `version` comes last, so a re-imported row changed since its export is reported, not overwritten.
 */
export const ENGAGEMENT_CSV_COLUMNS: readonly CsvColumn<EngagementListItem>[] = [
  { header: 'id', value: (e) => e.id },
  { header: 'title', value: (e) => e.title },
  { header: 'type', value: (e) => e.type },
  { header: 'hub', value: (e) => e.hubName },
  { header: 'startDate', value: (e) => e.startDate },
  { header: 'endDate', value: (e) => e.endDate },
  { header: 'online', value: (e) => e.online },
  { header: 'location', value: (e) => e.locationCityName },
  { header: 'host', value: (e) => e.hostCityName },
  { header: 'participatingCities', value: (e) => e.participatingCities.map((c) => c.name) },
  { header: 'partners', value: (e) => e.partners.map((p) => p.name) },
  { header: 'participantsTotal', value: (e) => e.participants.total },
  { header: 'mayors', value: (e) => e.participants.mayors },
  { header: 'officials', value: (e) => e.participants.officials },
  { header: 'youth', value: (e) => e.participants.youth },
  { header: 'women', value: (e) => e.participants.women },
  { header: 'communityLeaders', value: (e) => e.participants.communityLeaders },
  { header: 'summary', value: (e) => e.summary },
  { header: 'evidenceLinks', value: (e) => e.evidenceLinks },
  { header: 'version', value: (e) => e.version },
];
