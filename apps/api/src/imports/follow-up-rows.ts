import type { FollowUpListItem, RecordPlace } from '@impact/contracts';
import { CreateFollowUpDto, UpdateFollowUpDto } from '../follow-ups/dto/follow-up.dto';
import { FOLLOW_UP_CSV_COLUMNS } from '../follow-ups/follow-up.columns';
import type { NameIndex } from './names';
import { commitmentInCity, parentRef, rowCity, type CommitmentRef } from './parent-refs';
import type { SheetRow } from './read-rows';
import { NO_ID, oneRef, type RecordRefs } from './record-refs';
import { blankToNull, checkHeader, planRow, type ImportSpec, type RowPlan } from './row-plan';
import type { ImportRowError } from './row-validation';

export type FollowUpRowPlan = RowPlan<CreateFollowUpDto, UpdateFollowUpDto>;

/** An engagement a follow-up may name: by id or title, with its place (who may add follow-ups to it). */
export interface EngagementRef {
  id: string;
  name: string;
  place: RecordPlace;
}

export interface FollowUpRefs {
  refs: RecordRefs;
  commitments: NameIndex<CommitmentRef>;
  engagements: NameIndex<EngagementRef>;
}

/** The fields an edit row may carry, compared one by one with the live record. */
const EDITABLE = ['commitmentId', 'engagementId', 'title', 'kind', 'ownerId', 'dueDate', 'status', 'note'] as const;

function differs(field: (typeof EDITABLE)[number], r: UpdateFollowUpDto, c: FollowUpListItem): boolean {
  switch (field) {
    case 'title':
      return r.title !== undefined && r.title.trim() !== c.title;
    case 'kind':
    case 'status':
      return r[field] !== undefined && r[field] !== c[field];
    case 'note':
      return (blankToNull(r.note ?? undefined)?.trim() ?? null) !== (c.note ?? null);
    default:
      return (r[field] ?? null) !== (c[field] ?? null);
  }
}

function followUpSpec({
  refs,
  commitments,
  engagements,
}: FollowUpRefs): ImportSpec<FollowUpListItem, CreateFollowUpDto, UpdateFollowUpDto> {
  return {
    noun: 'follow-up',
    columns: FOLLOW_UP_CSV_COLUMNS,
    fieldOf: { commitment: 'commitmentId', engagement: 'engagementId', owner: 'ownerId' },
    createDto: CreateFollowUpDto,
    updateDto: UpdateFollowUpDto,
    body: (cells, error, current) => {
      // The city is the commitment's (or the engagement's): the cell picks between commitments of one title.
      const city = rowCity(cells['city'], refs, current, error);
      const { commitment, elsewhere } = commitmentInCity(
        cells['commitment'],
        commitments,
        current,
        city && city !== 'error' ? city.id : undefined,
        error,
      );
      if (elsewhere && commitment && commitment !== 'error')
        error(
          'city',
          `is the commitment's city: "${cells['commitment']?.trim()}" is a commitment of ${commitment.found?.cityName ?? current?.cityName}`,
        );
      const engagement = parentRef(
        cells['engagement'],
        engagements,
        current && { id: current.engagementId, title: current.engagementTitle },
        'engagement',
        error,
      );
      if (commitment === null && engagement === null) error('commitment', 'a follow-up belongs to a commitment or an engagement: name one');
      const owner = oneRef(cells['owner'], (v) => refs.user(v, current?.ownerId), 'owner', error);
      const idOf = (p: { id: string } | null | 'error') => (p === 'error' ? NO_ID : (p?.id ?? null));
      return {
        commitmentId: idOf(commitment),
        engagementId: idOf(engagement),
        title: cells['title'] ?? '',
        kind: cells['kind'] ?? '',
        ownerId: owner && typeof owner === 'object' ? owner.id : owner,
        dueDate: blankToNull(cells['dueDate']),
        // Blank keeps the status (a new follow-up starts open); `completedAt` and `overdue` follow from it.
        ...(blankToNull(cells['status']) ? { status: cells['status'] } : {}),
        note: blankToNull(cells['note']),
      };
    },
    same: (r, c) => EDITABLE.every((f) => !differs(f, { ...r, version: c.version }, c)),
    changes: (r, c) => {
      const out: Record<string, unknown> = { version: r.version };
      for (const f of EDITABLE) if (differs(f, r, c)) out[f] = r[f];
      return out as unknown as UpdateFollowUpDto;
    },
  };
}

export const checkFollowUpHeader = (header: readonly string[]): ImportRowError[] =>
  checkHeader({ noun: 'follow-up', columns: FOLLOW_UP_CSV_COLUMNS }, header, ['status', 'overdue', 'completedAt', 'city']);

/** Reads one follow-up row: commitment (by id, or title within its city), engagement and owner by id or name, the API's validation, the version check. */
export const planFollowUpRow = (
  row: SheetRow,
  refs: FollowUpRefs,
  live: (id: string) => FollowUpListItem | undefined,
): Promise<FollowUpRowPlan> => planRow(followUpSpec(refs), row, live);
