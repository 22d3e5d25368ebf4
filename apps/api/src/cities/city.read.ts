import type { City, CityListItem } from '@impact/contracts';

/** A city's read model as one row: its columns, its hub's name and its liaisons' ids. */
export type CityReadRow = CityListItem;

/** The contract shape of a city's read row (with its hub and its liaisons' ids). */
export function toCityListItem(c: CityReadRow): CityListItem {
  return {
    id: c.id,
    name: c.name,
    countryCode: c.countryCode,
    hubId: c.hubId,
    kind: c.kind,
    membershipStatus: c.membershipStatus,
    memberSince: c.memberSince,
    leadOfficial: c.leadOfficial,
    latitude: c.latitude,
    longitude: c.longitude,
    // uuid order in PostgreSQL is the order of the lower-case hex text.
    liaisonIds: [...c.liaisonIds].sort(),
    version: c.version,
    hubName: c.hubName,
  };
}

/** The record without read-model extras: what the audit log compares. */
export function cityRecord(c: CityListItem): City {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { hubName, ...city } = c;
  return city;
}
