import type { RecordPlace } from './permissions';

type Id = string | null | undefined;

/** A place in one hub, concerning the given cities (blanks left out, each city once). */
export function placeIn(hubId: string, cityIds: readonly Id[] = []): RecordPlace {
  return { hubIds: [hubId], cityIds: [...new Set(cityIds.filter((id): id is string => !!id))] };
}

/** A city sits in its hub and concerns itself. */
export function cityPlace(city: { id: string; hubId: string }): RecordPlace {
  return placeIn(city.hubId, [city.id]);
}

/** An engagement: its hub, and every city it concerns (host, place and participants). */
export function engagementPlace(e: {
  hubId: string;
  hostCityId: Id;
  locationCityId: Id;
  participatingCityIds: readonly string[];
}): RecordPlace {
  return placeIn(e.hubId, [e.hostCityId, e.locationCityId, ...e.participatingCityIds]);
}

/** A commitment: its city's hub and its city. */
export function commitmentPlace(c: { hubId: string; cityId: string }): RecordPlace {
  return placeIn(c.hubId, [c.cityId]);
}

/** An outcome: the hub and city it was recorded in (which may differ from its commitment's city). */
export function outcomePlace(o: { hubId: string; cityId: string }): RecordPlace {
  return placeIn(o.hubId, [o.cityId]);
}

/**
 * A follow-up has no place of its own: it sits where the record it is owed on sits, its commitment
 * when it has one, else its engagement. Null when neither is known.
 */
export function followUpPlace(parents: { commitment?: RecordPlace | null; engagement?: RecordPlace | null }): RecordPlace | null {
  return parents.commitment ?? parents.engagement ?? null;
}

/**
 * A follow-up as a list shows it, with the hub and city of its commitment or engagement already
 * resolved by the server (`followUpPlace` of its parents).
 */
export function listedFollowUpPlace(f: { hubId: string; cityId: Id }): RecordPlace {
  return placeIn(f.hubId, [f.cityId]);
}

/** A story: its hub and the cities it is linked to. */
export function storyPlace(s: { hubId: string; cityIds: readonly string[] }): RecordPlace {
  return placeIn(s.hubId, s.cityIds);
}
