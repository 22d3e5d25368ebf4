import type { Match } from './names';
import { matchCityIn, NameIndex } from './names';
import { blankToNull } from './row-plan';

export interface HubRow {
  id: string;
  name: string;
}
export interface CityRow {
  id: string;
  name: string;
  countryCode: string;
  hubId: string;
}
export interface NamedRow {
  id: string;
  name: string;
}
export interface UserRow {
  id: string;
  name: string;
  email: string;
}

/** A placeholder id for an unresolved reference, so the DTO check still reports the row's other columns. */
export const NO_ID = '00000000-0000-4000-8000-000000000000';

/**
 * The records an import's rows may name, read once when the import opens (a few statements, whatever
 * the file's length) and indexed by id and name key: no lookup goes back to the database per row.
 */
export class RecordRefs {
  readonly hubs: NameIndex<HubRow>;
  readonly cities: NameIndex<CityRow>;
  readonly partners: NameIndex<NamedRow>;
  readonly users: NameIndex<UserRow>;
  /** The engagements rows may name; an import of commitments replaces it for each run of rows (`useEngagements`). */
  engagements: NameIndex<NamedRow>;
  private readonly byEmail: Map<string, UserRow>;

  constructor(d: { hubs: HubRow[]; cities: CityRow[]; partners: NamedRow[]; users: UserRow[]; engagements: NamedRow[] }) {
    this.hubs = new NameIndex(d.hubs, (h) => h.name, 'hub');
    this.cities = new NameIndex(d.cities, (c) => c.name, 'city');
    this.partners = new NameIndex(d.partners, (p) => p.name, 'partner');
    this.users = new NameIndex(d.users, (u) => u.name, 'user');
    this.engagements = new NameIndex(d.engagements, (e) => e.name, 'engagement');
    this.byEmail = new Map(d.users.map((u) => [u.email.toLowerCase(), u]));
  }

  /** The engagements the next run of rows may name, read for that run. */
  useEngagements(rows: NamedRow[]): void {
    this.engagements = new NameIndex(rows, (e) => e.name, 'engagement');
  }

  cityById(id: string): CityRow | undefined {
    const m = this.cities.match(id);
    return 'found' in m && m.found.id === id ? m.found : undefined;
  }

  /** A user by e-mail (any case) or by name. */
  user(value: string, prefer?: string | null): Match<UserRow> {
    const byEmail = this.byEmail.get(value.trim().toLowerCase());
    return byEmail ? { found: byEmail } : preferring(this.users.match(value.trim()), this.users, value.trim(), prefer ? [prefer] : []);
  }

  city(value: string, prefer?: string | null): Match<CityRow> {
    const m = matchCityIn(value.trim(), this.cities);
    return preferring(m, this.cities, value.trim(), prefer ? [prefer] : []);
  }
}

/**
 * An ambiguous name that is one of the ids the record names today resolves to that id: an exported
 * file names references by name only, and must read back as the same record even where two cities
 * (or engagements) share a name.
 */
function preferring<T extends { id: string }>(m: Match<T>, index: NameIndex<T>, value: string, prefer: readonly string[]): Match<T> {
  if (!('error' in m) || !prefer.length) return m;
  const mine = index.match(value, (c) => prefer.includes(c.id));
  return 'found' in mine ? mine : m;
}

/**
 * One reference cell: blank is null; otherwise the record by id or name, or the error pushed on
 * `column` and the placeholder id.
 */
export function oneRef<T extends { id: string }>(
  cell: string | undefined,
  match: (value: string) => Match<T>,
  column: string,
  error: (column: string, message: string) => void,
): T | null | typeof NO_ID {
  const value = blankToNull(cell)?.trim();
  if (!value) return null;
  const m = match(value);
  if ('error' in m) {
    error(column, m.error);
    return NO_ID;
  }
  return m.found;
}

/** A list cell (`; ` between items, as the export writes it): each item by id or name. */
export function manyRefs<T extends { id: string }>(
  cell: string | undefined,
  index: NameIndex<T>,
  column: string,
  error: (column: string, message: string) => void,
  prefer: readonly string[] = [],
): string[] {
  const ids: string[] = [];
  for (const item of listCell(cell)) {
    const m = preferring(index.match(item), index, item, prefer);
    if ('error' in m) error(column, m.error);
    else if (!ids.includes(m.found.id)) ids.push(m.found.id);
  }
  return ids;
}

export const listCell = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

/** A yes/no cell as the export writes it (`true`/`false`); other spellings a spreadsheet uses too. Blank: `fallback`. */
export function booleanCell(cell: string | undefined, fallback: boolean): boolean | string {
  const t = (cell ?? '').trim().toLowerCase();
  if (t === '') return fallback;
  if (['true', 'yes', '1', 'vrai', 'sí', 'si'].includes(t)) return true;
  if (['false', 'no', '0', 'faux'].includes(t)) return false;
  return cell as string;
}

/** Two id lists hold the same ids, in any order. */
export function sameIds(a: readonly string[] | undefined, b: readonly string[]): boolean {
  const x = a ?? [];
  return x.length === b.length && x.every((id) => b.includes(id));
}
