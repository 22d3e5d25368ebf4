import type { Engagement, EngagementListItem, Ref } from '@impact/contracts';

const byName = (a: Ref, b: Ref) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/** An engagement's read model as one row: its columns, names, and its links as JSON arrays. */
export type EngagementReadRow = Omit<EngagementListItem, 'participatingCityIds' | 'partnerIds'>;

/** The contract shape of an engagement's read row (with its hub, host and place cities, participants and partners). */
export function toEngagementListItem(e: EngagementReadRow): EngagementListItem {
  const participatingCities = e.participatingCities.map((c) => ({ id: c.id, name: c.name })).sort(byName);
  const partners = e.partners.map((p) => ({ id: p.id, name: p.name })).sort(byName);
  // The row holds exactly the read query's columns, named as the contract names them.
  return {
    ...e,
    participatingCityIds: participatingCities.map((c) => c.id),
    partnerIds: partners.map((x) => x.id),
    participatingCities,
    partners,
  };
}

/** The record as the audit log compares it: no names. */
export function engagementRecord(e: EngagementListItem): Engagement {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { hubName, hostCityName, locationCityName, participatingCities, partners, ...engagement } = e;
  return engagement;
}
