/**
 * The key two names match on: case-, accent- and space-insensitive, in any script. Arabic diacritics
 * (harakat) are combining marks and go with the accents; tatweel and the alef forms are folded too,
 * since spreadsheets spell them either way.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\u0640/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .toLocaleLowerCase('en')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A name's skeleton: its key with only ASCII letters and digits and Arabic letters kept. Names with the
 * same key have the same skeleton, so the database can narrow the candidates by skeleton (indexed)
 * before the keys decide.
 */
export const nameSkeleton = (name: string): string => nameKey(name).replace(/[^a-z0-9\u0621-\u063f\u0641-\u064a]/g, '');

export type Match<T> = { found: T } | { error: string };

/** Finds one record by id or by name; none or more than one is an error for the column. */
export function matchOne<T extends { id: string }>(
  value: string,
  candidates: readonly T[],
  nameOf: (c: T) => string,
  what: string,
): Match<T> {
  const byId = candidates.find((c) => c.id === value);
  if (byId) return { found: byId };
  const key = nameKey(value);
  const hits = candidates.filter((c) => nameKey(nameOf(c)) === key);
  if (hits.length === 1) return { found: hits[0] };
  return { error: hits.length ? `"${value}" is ambiguous: ${hits.length} ${what} names match` : `no ${what} "${value}"` };
}

/**
 * Finds one city by id or name; a country code (`Tripoli (LY)` in the cell, or the row's own
 * country column) decides between cities of the same name.
 */
export function matchCity<T extends { id: string; name: string; countryCode: string }>(
  value: string,
  cities: readonly T[],
  countryCode?: string | null,
): Match<T> {
  const tagged = /^(.*)\(\s*([A-Za-z]{2})\s*\)\s*$/.exec(value);
  const name = tagged ? tagged[1] : value;
  const country = (tagged ? tagged[2] : countryCode)?.toUpperCase();
  const first = matchOne(name.trim(), cities, (c) => c.name, 'city');
  if (!('error' in first) || !country) return first;
  const inCountry = cities.filter((c) => c.countryCode === country);
  const second = matchOne(name.trim(), inCountry, (c) => c.name, 'city');
  return 'error' in second ? { error: `${second.error} in ${country}` } : second;
}

/**
 * Candidates indexed by id and by name key, built once per import: a lookup costs a map read, so
 * a file of many rows naming the same few cities (or many engagements) never scans the list again.
 */
export class NameIndex<T extends { id: string }> {
  private readonly byId = new Map<string, T>();
  private readonly byKey = new Map<string, T[]>();

  constructor(
    candidates: Iterable<T>,
    private readonly nameOf: (c: T) => string,
    private readonly what: string,
  ) {
    for (const c of candidates) this.add(c);
  }

  add(c: T): void {
    this.byId.set(c.id, c);
    const key = nameKey(this.nameOf(c));
    const list = this.byKey.get(key);
    if (list) list.push(c);
    else this.byKey.set(key, [c]);
  }

  /** The keys of the cells looked up lately: a file names the same few cities, hubs and partners row after row. */
  private readonly keys = new Map<string, string>();

  private keyOf(value: string): string {
    let key = this.keys.get(value);
    if (key === undefined) {
      if (this.keys.size >= 10_000) this.keys.clear();
      key = nameKey(value);
      this.keys.set(value, key);
    }
    return key;
  }

  /** By id or by name; none or more than one is an error for the column (a country code may decide between cities). */
  match(value: string, narrow?: (c: T) => boolean): Match<T> {
    const byId = this.byId.get(value);
    if (byId) return { found: byId };
    const all = this.byKey.get(this.keyOf(value)) ?? [];
    const hits = narrow ? all.filter(narrow) : all;
    if (hits.length === 1) return { found: hits[0] };
    return { error: hits.length ? `"${value}" is ambiguous: ${hits.length} ${this.what} names match` : `no ${this.what} "${value}"` };
  }
}

/** A city by id or name through an index; `Tripoli (LY)` or the row's country decides between cities of one name. */
export function matchCityIn<T extends { id: string; countryCode: string }>(
  value: string,
  index: NameIndex<T>,
  countryCode?: string | null,
): Match<T> {
  const tagged = /^(.*)\(\s*([A-Za-z]{2})\s*\)\s*$/.exec(value);
  const name = (tagged ? tagged[1] : value).trim();
  const country = (tagged ? tagged[2] : countryCode)?.toUpperCase();
  const first = index.match(name);
  if (!('error' in first) || !country) return first;
  const second = index.match(name, (c) => c.countryCode === country);
  return 'error' in second ? { error: `${second.error} in ${country}` } : second;
}
