import type { City, CityListItem } from '@impact/contracts';
import type { CityEntity } from './city.entity';

/** The contract shape of a loaded city (with its hub and its liaisons' ids). */
export function toCityListItem(c: CityEntity): CityListItem {
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
    liaisonIds: (c.liaisons ?? []).map((u) => u.id).sort(),
    version: c.version,
    hubName: c.hub?.name ?? '',
  };
}

/** The record without read-model extras: what the audit log compares. */
export function cityRecord(c: CityListItem): City {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { hubName, ...city } = c;
  return city;
}
