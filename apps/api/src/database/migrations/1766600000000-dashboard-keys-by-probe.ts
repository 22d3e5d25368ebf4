import { MigrationInterface, QueryRunner } from 'typeorm';
import { KEYS_TRIGGERS, NOTE_FUNCTION } from './1765900000000-dashboard-incremental-rollups';

/**
 * The dashboard's key-noting triggers (migration 1765900000000) note the same keys, but every record a
 * written row leads to is now reached by an index probe per written row, whatever the planner's
 * statistics say.
 *
 * Before, each trigger joined its transition table to the tables around it (status changes, links,
 * engagements, commitments, follow-ups) and the planner chose the join. In a long write (an import of
 * 100,000 rows, 500 per statement, one transaction, no statistics of the rows it wrote), it chose merge
 * and hash joins that read whole tables: inserting 500 commitments read every commitment's links, each
 * linked engagement and its cities (137 ms of a 197 ms statement at 15,000 commitments, growing with
 * every batch), and every batch of links or status changes read all engagements or commitments.
 *
 * Here each neighbour is a `LATERAL (… OFFSET 0)` subquery on the written row's key (OFFSET 0 keeps the
 * planner from turning it back into a join), and a missing engagement is a `NOT EXISTS (… OFFSET 0)`:
 * the same rows, found through the foreign keys' indexes, so a statement's cost follows its own rows.
 */

const OPEN_DUE = `f.archived_at IS NULL AND f.status = 'open' AND f.due_date IS NOT NULL`;
const UTC_DAY = (col: string) => `(${col} AT TIME ZONE 'UTC')::date`;
/** The cities an engagement `e` concerns (host, place, participants), as before. */
const CITIES_OF = (e: string) => `(SELECT ${e}.host_city_id AS city_id UNION SELECT ${e}.location_city_id
                                  UNION SELECT ec.city_id FROM engagement_cities ec WHERE ec.engagement_id = ${e}.id)`;
/** The engagement of id `id`, by its primary key, as `e`. */
const ENGAGEMENT = (id: string) => `LATERAL (SELECT e.id, e.hub_id, e.start_date, e.host_city_id, e.location_city_id
                                  FROM engagements e WHERE e.id = ${id} OFFSET 0) e`;
/** The engagements commitment `id` was inspired by, as `e`. */
const INSPIRING = (id: string) => `LATERAL (SELECT e.* FROM commitment_engagements ce CROSS JOIN ${ENGAGEMENT('ce.engagement_id')}
                                  WHERE ce.commitment_id = ${id} OFFSET 0) e`;
/** The open, dated follow-ups matching `where`, as `f`. */
const OPEN_FOLLOW_UPS = (where: string) => `LATERAL (SELECT f.due_date FROM follow_ups f WHERE ${where} AND ${OPEN_DUE} OFFSET 0) f`;

/** The keys a write touches, per base table, exactly those of migration 1765900000000. */
const TABLE_KEYS: Record<string, (deleting: boolean) => string[]> = {
  engagements: (deleting) => [
    `SELECT 'ed', r.hub_id, r.start_date, NULL FROM r`,
    `SELECT 'ca', x.city_id, r.start_date, NULL FROM r CROSS JOIN LATERAL ${CITIES_OF('r')} x WHERE x.city_id IS NOT NULL`,
    `SELECT 'ac', ce.commitment_id, NULL, NULL FROM r
       CROSS JOIN LATERAL (SELECT ce.commitment_id FROM commitment_engagements ce WHERE ce.engagement_id = r.id OFFSET 0) ce`,
    `SELECT 'cf', x.city_id, f.due_date, NULL FROM r CROSS JOIN ${OPEN_FOLLOW_UPS('f.engagement_id = r.id AND f.commitment_id IS NULL')}
       CROSS JOIN LATERAL ${CITIES_OF('r')} x WHERE x.city_id IS NOT NULL`,
    ...(deleting
      ? [
          `SELECT 'cf', x.city_id, NULL, NULL FROM r CROSS JOIN LATERAL (VALUES (r.host_city_id), (r.location_city_id)) x(city_id) WHERE x.city_id IS NOT NULL`,
        ]
      : []),
  ],
  engagement_cities: () => [
    `SELECT 'ca', r.city_id, e.start_date, NULL FROM r LEFT JOIN ${ENGAGEMENT('r.engagement_id')} ON true`,
    `SELECT 'cf', r.city_id, f.due_date, NULL FROM r CROSS JOIN ${OPEN_FOLLOW_UPS('f.engagement_id = r.engagement_id AND f.commitment_id IS NULL')}`,
    `SELECT 'cf', r.city_id, NULL, NULL FROM r WHERE NOT EXISTS (SELECT 1 FROM engagements e WHERE e.id = r.engagement_id OFFSET 0)`,
  ],
  commitments: (deleting) => [
    `SELECT 'cs', r.hub_id, CASE WHEN r.status IN ('pledged', 'in_progress') THEN r.target_date END, r.status FROM r`,
    `SELECT 'cd', r.hub_id, ${UTC_DAY('r.created_at')}, NULL FROM r`,
    `SELECT 'ac', r.id, NULL, NULL FROM r`,
    `SELECT 'ca', r.city_id, ${UTC_DAY('s.at')}, NULL FROM r
       CROSS JOIN LATERAL (SELECT s.at FROM commitment_status_changes s WHERE s.commitment_id = r.id OFFSET 0) s`,
    `SELECT 'ed', e.hub_id, e.start_date, NULL FROM r CROSS JOIN ${INSPIRING('r.id')}`,
    `SELECT 'ca', x.city_id, e.start_date, NULL FROM r CROSS JOIN ${INSPIRING('r.id')}
       CROSS JOIN LATERAL ${CITIES_OF('e')} x WHERE x.city_id IS NOT NULL`,
    `SELECT 'cf', r.city_id, f.due_date, NULL FROM r CROSS JOIN ${OPEN_FOLLOW_UPS('f.commitment_id = r.id')}`,
    ...(deleting ? [`SELECT 'ca', r.city_id, NULL, NULL FROM r`, `SELECT 'cf', r.city_id, NULL, NULL FROM r`] : []),
  ],
  commitment_engagements: () => [
    `SELECT 'ac', r.commitment_id, NULL, NULL FROM r`,
    `SELECT 'ed', e.hub_id, e.start_date, NULL FROM r CROSS JOIN ${ENGAGEMENT('r.engagement_id')}`,
    `SELECT 'ca', x.city_id, e.start_date, NULL FROM r CROSS JOIN ${ENGAGEMENT('r.engagement_id')}
       CROSS JOIN LATERAL ${CITIES_OF('e')} x WHERE x.city_id IS NOT NULL`,
  ],
  commitment_status_changes: () => [
    `SELECT 'ac', r.commitment_id, NULL, NULL FROM r`,
    `SELECT 'ca', c.city_id, ${UTC_DAY('r.at')}, NULL FROM r
       CROSS JOIN LATERAL (SELECT c.city_id FROM commitments c WHERE c.id = r.commitment_id OFFSET 0) c`,
  ],
  follow_ups: () => [
    `SELECT 'fd', f.hub_id, f.due_date, NULL FROM r f WHERE ${OPEN_DUE}`,
    `SELECT 'cf', c.city_id, f.due_date, NULL FROM r f
       CROSS JOIN LATERAL (SELECT c.city_id FROM commitments c WHERE c.id = f.commitment_id OFFSET 0) c WHERE ${OPEN_DUE}`,
    `SELECT 'cf', x.city_id, f.due_date, NULL FROM r f CROSS JOIN ${ENGAGEMENT('f.engagement_id')}
       CROSS JOIN LATERAL ${CITIES_OF('e')} x WHERE f.commitment_id IS NULL AND x.city_id IS NOT NULL AND ${OPEN_DUE}`,
  ],
};

export class DashboardKeysByProbe1766600000000 implements MigrationInterface {
  name = 'DashboardKeysByProbe1766600000000';

  public async up(q: QueryRunner): Promise<void> {
    // The same function names, so the triggers that call them stay as they are.
    for (const table of Object.keys(TABLE_KEYS)) await q.query(NOTE_FUNCTION.sql(table, TABLE_KEYS[table], 'CREATE OR REPLACE FUNCTION'));
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of Object.keys(TABLE_KEYS))
      await q.query(KEYS_TRIGGERS[table].replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'));
  }
}
