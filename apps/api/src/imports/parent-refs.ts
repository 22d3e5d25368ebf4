import type { Match, NameIndex } from './names';
import { nameKey } from './names';
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
