import type { Engagement, EngagementListItem, EngagementType, Ref } from '@impact/contracts';

const byName = (a: Ref, b: Ref) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/** An engagement's read model as one row: its columns, names, and its links as JSON arrays. */
export interface EngagementReadRow {
  id: string;
  title: string;
  type: EngagementType;
  hubId: string;
  startDate: string;
  endDate: string | null;
  locationCityId: string | null;
  online: boolean;
  hostCityId: string | null;
  participants: EngagementListItem['participants'];
  summary: string;
  evidenceLinks: string[];
  version: number;
  hubName: string;
  hostCityName: string | null;
  locationCityName: string | null;
  participatingCities: Ref[];
  partners: Ref[];
}

/** The contract shape of an engagement's read row (with its hub, host and place cities, participants and partners). */
export function toEngagementListItem(e: EngagementReadRow): EngagementListItem {
  const participatingCities = e.participatingCities.map((c) => ({ id: c.id, name: c.name })).sort(byName);
  const partners = e.partners.map((p) => ({ id: p.id, name: p.name })).sort(byName);
  const p = e.participants;
  return {
    id: e.id,
    title: e.title,
    type: e.type,
    hubId: e.hubId,
    startDate: e.startDate,
    endDate: e.endDate,
    locationCityId: e.locationCityId,
    online: e.online,
    hostCityId: e.hostCityId,
    participatingCityIds: participatingCities.map((c) => c.id),
    partnerIds: partners.map((x) => x.id),
    participants: {
      total: p.total,
      mayors: p.mayors,
      officials: p.officials,
      youth: p.youth,
      women: p.women,
      communityLeaders: p.communityLeaders,
    },
    summary: e.summary,
    evidenceLinks: e.evidenceLinks,
    version: e.version,
    hubName: e.hubName,
    hostCityName: e.hostCityName,
    locationCityName: e.locationCityName,
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
