import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OPEN_COMMITMENT_STATUSES, type Person, type Principal, type RecordPlace, type Role } from '@impact/contracts';

/** An open record a user owns, with where it sits (for the new owner's scope check). */
export interface OwnedRecord {
  id: string;
  place: RecordPlace;
}

export interface OwnedWork {
  followUps: OwnedRecord[];
  commitments: OwnedRecord[];
}

interface PlaceRow {
  id: string;
  hub_id: string | null;
  city_ids: string[] | null;
}

const toRecord = (r: PlaceRow): OwnedRecord => ({
  id: r.id,
  place: { hubIds: r.hub_id ? [r.hub_id] : [], cityIds: [...new Set((r.city_ids ?? []).filter(Boolean))] },
});

/**
 * The open work one user owns and who could take it over, for a deactivation. A follow-up sits where
 * its commitment sits (its hub and city), else where its engagement does (hub; host, place and
 * participating cities), as everywhere else. `lock` takes the rows FOR UPDATE, so nobody changes
 * their owner between the check and the reassignment.
 */
@Injectable()
export class OpenWorkRepository {
  async owned(m: EntityManager, ownerId: string, lock: boolean): Promise<OwnedWork> {
    const followUps: PlaceRow[] = await m.query(
      `SELECT f.id, COALESCE(c.hub_id, e.hub_id) AS hub_id,
              CASE WHEN c.id IS NOT NULL THEN ARRAY[c.city_id]
                   ELSE array_remove(ARRAY[e.host_city_id, e.location_city_id]
                        || ARRAY(SELECT ec.city_id FROM engagement_cities ec WHERE ec.engagement_id = e.id), NULL) END AS city_ids
         FROM follow_ups f
         LEFT JOIN commitments c ON c.id = f.commitment_id
         LEFT JOIN engagements e ON e.id = f.engagement_id
        WHERE f.owner_id = $1 AND f.status = 'open' AND f.archived_at IS NULL
        ORDER BY f.id${lock ? ' FOR UPDATE OF f' : ''}`,
      [ownerId],
    );
    const commitments: PlaceRow[] = await m.query(
      `SELECT c.id, c.hub_id, ARRAY[c.city_id] AS city_ids
         FROM commitments c
        WHERE c.owner_id = $1 AND c.status = ANY($2::text[]) AND c.archived_at IS NULL
        ORDER BY c.id${lock ? ' FOR UPDATE' : ''}`,
      [ownerId, [...OPEN_COMMITMENT_STATUSES]],
    );
    return { followUps: followUps.map(toRecord), commitments: commitments.map(toRecord) };
  }

  /** Every active user but `exceptId`, with the hubs and cities they are scoped to. */
  async activePrincipals(m: EntityManager, exceptId: string): Promise<(Principal & Person)[]> {
    const rows: { id: string; name: string; role: Role; hub_ids: string[]; city_ids: string[] }[] = await m.query(
      `SELECT u.id, u.name, u.role,
              ARRAY(SELECT uh.hub_id FROM user_hubs uh WHERE uh.user_id = u.id) AS hub_ids,
              ARRAY(SELECT cl.city_id FROM city_liaisons cl WHERE cl.user_id = u.id) AS city_ids
         FROM users u
        WHERE u.active AND u.id <> $1
        ORDER BY u.name, u.id`,
      [exceptId],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, hubIds: r.hub_ids, cityIds: r.city_ids }));
  }

  /** Hands the records to `newOwnerId`; each row's version moves on, so an edit made before it is stale. */
  async reassign(m: EntityManager, table: 'follow_ups' | 'commitments', ids: readonly string[], newOwnerId: string): Promise<void> {
    if (!ids.length) return;
    await m.query(`UPDATE ${table} SET owner_id = $1, version = version + 1, updated_at = now() WHERE id = ANY($2::uuid[])`, [
      newOwnerId,
      ids,
    ]);
  }
}
