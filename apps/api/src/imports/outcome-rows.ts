import type { OutcomeListItem } from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CreateOutcomeDto, UpdateOutcomeDto } from '../outcomes/dto/outcome.dto';
import { OUTCOME_CSV_COLUMNS } from '../outcomes/outcome.columns';
import { nameKey, type NameIndex } from './names';
import { commitmentInCity, rowCity, type CommitmentRef } from './parent-refs';
import type { SheetRow } from './read-rows';
import { NO_ID, type RecordRefs } from './record-refs';
import { blankToNull, checkHeader, numberCell, planRow, type ImportSpec, type RowPlan } from './row-plan';
import type { ImportRowError } from './row-validation';

export type OutcomeRowPlan = RowPlan<CreateOutcomeDto, UpdateOutcomeDto>;

export interface OutcomeRefs {
  refs: RecordRefs;
  commitments: NameIndex<CommitmentRef>;
}

/** The fields an edit row may carry, compared one by one with the live record (`verified` apart). */
const EDITABLE = ['commitmentId', 'cityId', 'date', 'type', 'value', 'unit', 'description', 'evidenceUrl'] as const;

function differs(field: (typeof EDITABLE)[number], r: UpdateOutcomeDto, c: OutcomeListItem): boolean {
  switch (field) {
    case 'cityId':
    case 'date':
    case 'type':
      return r[field] !== undefined && r[field] !== c[field];
    case 'value':
      return (r.value ?? null) !== (c.value === null ? null : Number(c.value));
    case 'unit':
      return (blankToNull(r.unit ?? undefined)?.trim() ?? null) !== (c.unit ?? null);
    case 'description':
      return r.description !== undefined && r.description.trim() !== c.description;
    default:
      return (r[field] ?? null) !== (c[field] ?? null);
  }
}

/**
 * The `verified` a row asks for, if any. The file names the verifier; an import (like the API)
 * records only the importing user as verifier, and a liaison verifies nothing: blank clears the
 * verification, the current verifier's name keeps it, the importer's own name verifies.
 */
function verification(
  cell: string | undefined,
  user: AuthUser,
  refs: RecordRefs,
  current: OutcomeListItem | undefined,
  error: (column: string, message: string) => void,
): boolean | undefined {
  const value = blankToNull(cell)?.trim();
  let verified: boolean | undefined;
  if (!value) verified = current?.verifiedById ? false : undefined;
  else if (current?.verifiedById && (value === current.verifiedById || nameKey(value) === nameKey(current.verifiedByName ?? '')))
    verified = undefined;
  else {
    const m = refs.user(value, current?.verifiedById);
    if ('error' in m) {
      error('verifiedBy', m.error);
      return undefined;
    }
    if (m.found.id === current?.verifiedById) verified = undefined;
    else if (m.found.id !== user.id) {
      error('verifiedBy', 'an import records its own user as verifier: write your name, or leave the cell as exported');
      return undefined;
    } else verified = true;
  }
  if (verified !== undefined && user.role === 'city_liaison') {
    error('verifiedBy', 'only a hub manager or an admin verifies an outcome');
    return undefined;
  }
  return verified;
}

function outcomeSpec(user: AuthUser, { refs, commitments }: OutcomeRefs): ImportSpec<OutcomeListItem, CreateOutcomeDto, UpdateOutcomeDto> {
  return {
    noun: 'outcome',
    columns: OUTCOME_CSV_COLUMNS,
    fieldOf: { city: 'cityId', commitment: 'commitmentId', verifiedBy: 'verified' },
    createDto: CreateOutcomeDto,
    updateDto: UpdateOutcomeDto,
    body: (cells, error, current) => {
      if (!blankToNull(cells['city'])?.trim()) error('city', 'is required');
      const city = rowCity(cells['city'], refs, current, error);
      const [cityId, cityName] = city && city !== 'error' ? [city.id, city.name] : [NO_ID, ''];
      // The commitment must be one of the outcome's city: a title is looked up there.
      const { commitment, elsewhere } = commitmentInCity(
        cells['commitment'],
        commitments,
        current,
        cityId !== NO_ID ? cityId : undefined,
        error,
      );
      if (elsewhere) error('commitment', `is not a commitment of ${cityName}`);
      const verified = verification(cells['verifiedBy'], user, refs, current, error);
      return {
        commitmentId: commitment === 'error' ? NO_ID : (commitment?.id ?? null),
        cityId,
        date: blankToNull(cells['date']) ?? '',
        type: cells['type'] ?? '',
        value: numberCell(cells['value']),
        unit: blankToNull(cells['unit']),
        description: cells['description'] ?? '',
        evidenceUrl: blankToNull(cells['evidenceUrl']),
        ...(verified === undefined ? {} : { verified }),
      };
    },
    same: (r, c) => r.verified === undefined && EDITABLE.every((f) => !differs(f, { ...r, version: c.version }, c)),
    changes: (r, c) => {
      const out: Record<string, unknown> = { version: r.version };
      for (const f of EDITABLE) if (differs(f, r, c)) out[f] = r[f];
      if (r.verified !== undefined) out['verified'] = r.verified;
      return out as unknown as UpdateOutcomeDto;
    },
  };
}

export const checkOutcomeHeader = (header: readonly string[]): ImportRowError[] =>
  checkHeader({ noun: 'outcome', columns: OUTCOME_CSV_COLUMNS }, header, ['verifiedAt']);

/** Reads one outcome row: city by name (country code decides), commitment by id or title within that city, the verifier's rule, the API's validation, the version check. */
export const planOutcomeRow = (
  row: SheetRow,
  user: AuthUser,
  refs: OutcomeRefs,
  live: (id: string) => OutcomeListItem | undefined,
): Promise<OutcomeRowPlan> => planRow(outcomeSpec(user, refs), row, live);
