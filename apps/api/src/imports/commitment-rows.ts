import type { CommitmentListItem } from '@impact/contracts';
import { COMMITMENT_CSV_COLUMNS } from '../commitments/commitment.columns';
import { CreateCommitmentDto, UpdateCommitmentDto } from '../commitments/dto/commitment.dto';
import type { SheetRow } from './read-rows';
import { manyRefs, NO_ID, oneRef, sameIds, type RecordRefs } from './record-refs';
import { blankToNull, checkHeader, numberCell, oncePer, planRow, type ImportSpec, type RowPlan } from './row-plan';
import type { ImportRowError } from './row-validation';

export type CommitmentRowPlan = RowPlan<CreateCommitmentDto, UpdateCommitmentDto>;

/** The fields an edit row may carry, compared one by one with the live record (a liaison may send only some). */
const EDITABLE = [
  'title',
  'kind',
  'cityId',
  'ownerId',
  'targetDate',
  'progress',
  'inspiredByEngagementIds',
  'partnerIds',
  'description',
] as const;

function differs(field: (typeof EDITABLE)[number], r: UpdateCommitmentDto, c: CommitmentListItem): boolean {
  switch (field) {
    case 'inspiredByEngagementIds':
    case 'partnerIds':
      return !sameIds(r[field], c[field]);
    case 'title':
    case 'description':
      return (r[field] ?? '').trim() !== c[field];
    default:
      return (r[field] ?? null) !== (c[field] ?? null);
  }
}

// One spec per import's references (it reads the references as each row is read).
const specOf = oncePer((refs: RecordRefs) => commitmentSpec(refs));

function commitmentSpec(refs: RecordRefs): ImportSpec<CommitmentListItem, CreateCommitmentDto, UpdateCommitmentDto> {
  return {
    noun: 'commitment',
    columns: COMMITMENT_CSV_COLUMNS,
    fieldOf: { city: 'cityId', owner: 'ownerId', inspiredBy: 'inspiredByEngagementIds', partners: 'partnerIds' },
    createDto: CreateCommitmentDto,
    updateDto: UpdateCommitmentDto,
    body: (cells, error, current) => {
      const cityCell = cells['city']?.trim();
      let city: ReturnType<RecordRefs['city']> | null = null;
      if (!cityCell) error('city', 'is required');
      else {
        city = refs.city(cityCell, current?.cityId);
        if ('error' in city) error('city', city.error);
      }
      // The hub is the city's: a file may leave it blank, but one naming another hub is a mistake to report.
      const hubCell = cells['hub']?.trim();
      if (hubCell && city && 'found' in city) {
        const hub = refs.hubs.match(hubCell);
        if ('error' in hub) error('hub', hub.error);
        else if (hub.found.id !== city.found.hubId) error('hub', `is the city's hub; ${city.found.name} is not in ${hub.found.name}`);
      }
      // Status moves only by its transitions, each with its reason: an import neither sets nor moves it.
      const status = cells['status']?.trim();
      if (status && status !== (current?.status ?? 'pledged'))
        error('status', current ? `moves only by a status change (it is ${current.status})` : 'a new commitment starts pledged');
      const owner = oneRef(cells['owner'], (v) => refs.user(v, current?.ownerId), 'owner', error);
      return {
        title: cells['title'] ?? '',
        kind: cells['kind'] ?? '',
        cityId: city && 'found' in city ? city.found.id : NO_ID,
        ownerId: owner && typeof owner === 'object' ? owner.id : owner,
        targetDate: blankToNull(cells['targetDate']),
        progress: numberCell(cells['progress']) ?? 0,
        inspiredByEngagementIds: manyRefs(cells['inspiredBy'], refs.engagements, 'inspiredBy', error, current?.inspiredByEngagementIds),
        partnerIds: manyRefs(cells['partners'], refs.partners, 'partners', error, current?.partnerIds),
        description: cells['description'] ?? '',
      };
    },
    same: (r, c) => EDITABLE.every((f) => !differs(f, { ...r, version: c.version }, c)),
    changes: (r, c) => {
      const out: Record<string, unknown> = { version: r.version };
      for (const f of EDITABLE) if (differs(f, r, c)) out[f] = r[f];
      return out as unknown as UpdateCommitmentDto;
    },
  };
}

export const checkCommitmentHeader = (header: readonly string[]): ImportRowError[] =>
  checkHeader({ noun: 'commitment', columns: COMMITMENT_CSV_COLUMNS }, header, ['hub', 'status', 'atRisk', 'createdAt']);

/** Reads one commitment row: city, owner, engagements and partners by id or name, the API's validation, the version check. */
export const planCommitmentRow = (
  row: SheetRow,
  refs: RecordRefs,
  live: (id: string) => CommitmentListItem | undefined,
): Promise<CommitmentRowPlan> => planRow(specOf(refs), row, live);
