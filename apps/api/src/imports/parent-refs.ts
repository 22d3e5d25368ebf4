import type { Match, NameIndex } from './names';
import { nameKey } from './names';
import type { RecordRefs } from './record-refs';
import { blankToNull } from './row-plan';

/** A commitment a follow-up or an outcome may name: by id, or by title within its city. */
export interface CommitmentRef {
  id: string;
  name: string;
  cityId: string;
  cityName: string;
  hubId: string;
}

/**
 * A parent cell (a follow-up's commitment or engagement, an outcome's commitment): blank is null; the
 * record's current parent when the cell still names it (by id or title, even if archived since, so an
 * export reads back as the same record); otherwise one by id or title among those the user may read,
 * narrowed (to a city) when `narrow` is given. An unknown or ambiguous one is an error on `column`.
 */
export function parentRef<T extends { id: string; name: string }>(
  cell: string | undefined,
  index: NameIndex<T>,
  current: { id: string | null; title: string | null } | undefined,
  column: string,
  error: (column: string, message: string) => void,
  narrow?: (c: T) => boolean,
): { id: string; found?: T } | null | 'error' {
  const value = blankToNull(cell)?.trim();
  if (!value) return null;
  if (current?.id && (value === current.id || (current.title !== null && nameKey(value) === nameKey(current.title)))) {
    const m = index.match(current.id);
    return { id: current.id, found: 'found' in m ? m.found : undefined };
  }
  const m: Match<T> = index.match(value, narrow);
  if ('error' in m) {
    error(column, m.error);
    return 'error';
  }
  return { id: m.found.id, found: m.found };
}

type RowError = (column: string, message: string) => void;

/**
 * The `city` cell of a follow-up or an outcome: blank is null; the record's current city when the
 * cell still names it; otherwise by name (a country code decides), or the error on `city`.
 */
export function rowCity(
  cell: string | undefined,
  refs: RecordRefs,
  current: { cityId: string | null; cityName: string | null } | undefined,
  error: RowError,
): { id: string; name: string } | null | 'error' {
  const value = blankToNull(cell)?.trim();
  if (!value) return null;
  if (current?.cityId && current.cityName !== null && nameKey(value) === nameKey(current.cityName))
    return { id: current.cityId, name: current.cityName };
  const city = refs.city(value, current?.cityId);
  if ('error' in city) {
    error('city', city.error);
    return 'error';
  }
  return { id: city.found.id, name: city.found.name };
}

/**
 * The `commitment` cell of a follow-up or an outcome, looked up by title within the row's city when
 * it has one (`parentRef`), and whether that commitment is in another city than the row's (the
 * caller reports it on its own column).
 */
export function commitmentInCity(
  cell: string | undefined,
  commitments: NameIndex<CommitmentRef>,
  current: { commitmentId: string | null; commitmentTitle: string | null; cityId: string | null } | undefined,
  cityId: string | undefined,
  error: RowError,
): { commitment: ReturnType<typeof parentRef<CommitmentRef>>; elsewhere: boolean } {
  const commitment = parentRef(
    cell,
    commitments,
    current && { id: current.commitmentId, title: current.commitmentTitle },
    'commitment',
    error,
    cityId ? (c) => c.cityId === cityId : undefined,
  );
  if (!commitment || commitment === 'error' || !cityId) return { commitment, elsewhere: false };
  const commitmentCity = commitment.found?.cityId ?? (commitment.id === current?.commitmentId ? current.cityId : null);
  return { commitment, elsewhere: !!commitmentCity && commitmentCity !== cityId };
}
