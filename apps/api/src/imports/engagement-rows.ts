import type { EngagementListItem } from '@impact/contracts';
import { ENGAGEMENT_CSV_COLUMNS } from '../engagements/engagement.columns';
import { CreateEngagementDto, UpdateEngagementDto } from '../engagements/dto/engagement.dto';
import type { SheetRow } from './read-rows';
import { booleanCell, listCell, manyRefs, NO_ID, oneRef, sameIds, type RecordRefs } from './record-refs';
import { blankToNull, checkHeader, numberCell, oncePer, planRow, type ImportSpec, type RowPlan } from './row-plan';
import type { ImportRowError } from './row-validation';

export type EngagementRowPlan = RowPlan<CreateEngagementDto, UpdateEngagementDto>;

const PARTICIPANT_COLUMNS = {
  total: 'participantsTotal',
  mayors: 'mayors',
  officials: 'officials',
  youth: 'youth',
  women: 'women',
  communityLeaders: 'communityLeaders',
} as const;

const countCell = (text: string | undefined) => numberCell(text) ?? 0;

// One spec per import's references (it reads the references as each row is read).
const specOf = oncePer((refs: RecordRefs) => engagementSpec(refs));

function engagementSpec(refs: RecordRefs): ImportSpec<EngagementListItem, CreateEngagementDto, UpdateEngagementDto> {
  return {
    noun: 'engagement',
    columns: ENGAGEMENT_CSV_COLUMNS,
    fieldOf: {
      hub: 'hubId',
      location: 'locationCityId',
      host: 'hostCityId',
      participatingCities: 'participatingCityIds',
      partners: 'partnerIds',
      ...Object.fromEntries(Object.entries(PARTICIPANT_COLUMNS).map(([field, column]) => [column, `participants.${field}`])),
    },
    createDto: CreateEngagementDto,
    updateDto: UpdateEngagementDto,
    body: (cells, error, current) => {
      const hubCell = cells['hub']?.trim();
      let hubId = NO_ID;
      if (!hubCell) error('hub', 'is required');
      else {
        const hub = refs.hubs.match(hubCell);
        if ('error' in hub) error('hub', hub.error);
        else hubId = hub.found.id;
      }
      const city = (column: string, mine: string | null | undefined) => {
        const found = oneRef(cells[column], (v) => refs.city(v, mine), column, error);
        return found && typeof found === 'object' ? found.id : found;
      };
      return {
        title: cells['title'] ?? '',
        type: cells['type'] ?? '',
        hubId,
        startDate: cells['startDate'] ?? '',
        endDate: blankToNull(cells['endDate']),
        online: booleanCell(cells['online'], false),
        locationCityId: city('location', current?.locationCityId),
        hostCityId: city('host', current?.hostCityId),
        participatingCityIds: manyRefs(
          cells['participatingCities'],
          refs.cities,
          'participatingCities',
          error,
          current?.participatingCityIds,
        ),
        partnerIds: manyRefs(cells['partners'], refs.partners, 'partners', error, current?.partnerIds),
        participants: Object.fromEntries(Object.entries(PARTICIPANT_COLUMNS).map(([field, column]) => [field, countCell(cells[column])])),
        summary: cells['summary'] ?? '',
        evidenceLinks: listCell(cells['evidenceLinks']),
      };
    },
    same: (r, c) =>
      r.title.trim() === c.title &&
      r.type === c.type &&
      r.hubId === c.hubId &&
      r.startDate === c.startDate &&
      (r.endDate ?? null) === c.endDate &&
      (r.online ?? false) === c.online &&
      (r.locationCityId ?? null) === c.locationCityId &&
      (r.hostCityId ?? null) === c.hostCityId &&
      sameIds(r.participatingCityIds, c.participatingCityIds) &&
      sameIds(r.partnerIds, c.partnerIds) &&
      (Object.keys(PARTICIPANT_COLUMNS) as (keyof typeof PARTICIPANT_COLUMNS)[]).every(
        (k) => (r.participants?.[k] ?? 0) === c.participants[k],
      ) &&
      (r.summary ?? '').trim() === c.summary &&
      (r.evidenceLinks ?? []).join('\n') === c.evidenceLinks.join('\n'),
  };
}

export const checkEngagementHeader = (header: readonly string[]): ImportRowError[] =>
  checkHeader({ noun: 'engagement', columns: ENGAGEMENT_CSV_COLUMNS }, header);

/** Reads one engagement row: hub, cities and partners by id or name, then the API's own validation and the version check. */
export const planEngagementRow = (
  row: SheetRow,
  refs: RecordRefs,
  live: (id: string) => EngagementListItem | undefined,
): Promise<EngagementRowPlan> => planRow(specOf(refs), row, live);
