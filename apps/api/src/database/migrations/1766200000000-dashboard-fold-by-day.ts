import { MigrationInterface, QueryRunner } from 'typeorm';
import { DashboardIncrementalRollups1765900000000 } from './1765900000000-dashboard-incremental-rollups';

/**
 * `fold_dashboard_rollups()` again, each rollup's upkeep bounded by the keys a write touched, whatever
 * the size of the network and whatever the planner's statistics on the key table:
 *
 * - the keys taken are held in arrays; every statement starts from them (`unnest`, `= ANY`) and reaches
 *   the records through an index, one key (or one day) at a time, so no statement needs fresh
 *   statistics of the key table: the `ANALYZE` of it in every fold (and the re-planning of every
 *   statement it caused) is gone;
 * - the city-day keys are grouped by day: each day's engagements are read once (an index range) for
 *   all the cities of that day's keys, instead of once per key, and the cities an engagement concerns
 *   (host, place, participants) are looked up once per engagement;
 * - a city's days with a status change are read from that day's status changes (new index on their
 *   time), not from every status change of the city's commitments;
 * - a key of a whole city (no day: records deleted) recomputes the city's every day as before, and
 *   the days of that city's dated keys are left to it;
 * - commitments by status: a target date key counts the commitments of that date (index range), not
 *   every commitment of the hub and status.
 *
 * The counts are those of the rollups' own SELECTs (migration 1765900000000): the same rows, found by
 * other ways. A truncated table still means rebuilding every rollup whole.
 */

const ROLLUPS = [
  'dashboard_engagement_days',
  'dashboard_city_activity',
  'dashboard_commitment_status',
  'dashboard_commitment_days',
  'dashboard_achievements',
  'dashboard_follow_up_due',
  'dashboard_city_follow_up_due',
];
const KEY: Record<string, string> = {
  dashboard_engagement_days: 'ed',
  dashboard_city_activity: 'ca',
  dashboard_commitment_status: 'cs',
  dashboard_commitment_days: 'cd',
  dashboard_achievements: 'ac',
  dashboard_follow_up_due: 'fd',
  dashboard_city_follow_up_due: 'cf',
};

const OPEN_DUE = `f.archived_at IS NULL AND f.status = 'open' AND f.due_date IS NOT NULL`;
const UTC_DAY = (col: string) => `(${col} AT TIME ZONE 'UTC')::date`;
/** `col` (a timestamptz) falls on UTC day `day`: an index range. */
const ON_DAY = (col: string, day: string) =>
  `${col} >= (${day}::timestamp AT TIME ZONE 'UTC') AND ${col} < ((${day} + 1)::timestamp AT TIME ZONE 'UTC')`;
const COLUMNS = `e.id, e.hub_id, e.start_date, e.participants_total, e.participants_mayors, e.participants_officials,
  e.participants_youth, e.participants_women, e.participants_community_leaders`;
/** The figures of a group of engagements `l` (the engagement rollups' columns after their keys). */
const TOTALS = (l: string) => `count(*)::int AS engagements,
  sum(${l}.participants_total)::bigint AS participants_total, sum(${l}.participants_mayors)::bigint AS participants_mayors,
  sum(${l}.participants_officials)::bigint AS participants_officials, sum(${l}.participants_youth)::bigint AS participants_youth,
  sum(${l}.participants_women)::bigint AS participants_women, sum(${l}.participants_community_leaders)::bigint AS participants_community_leaders,
  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM commitment_engagements ce JOIN commitments c ON c.id = ce.commitment_id
                                  WHERE ce.engagement_id = ${l}.id AND c.archived_at IS NULL))::int AS led_to_commitment`;
/** A city's day with a status change and no engagement figures (the city was active that day). */
const STATUS_DAY = (day: string) => `SELECT DISTINCT c.city_id, ${day}, NULL::uuid, 0, 0, 0, 0, 0, 0, 0, 0`;
/** The cities engagement `e` concerns (host, place, participants), each once. */
const CITIES_OF_E = `(SELECT e.host_city_id UNION SELECT e.location_city_id
                      UNION SELECT ec.city_id FROM engagement_cities ec WHERE ec.engagement_id = e.id) x(city_id)`;

/** The keys of one kind as arrays (distinct), into the function's variables. */
const take = (kind: string, into: string[], cols: string[], where = 'true') =>
  `SELECT ${cols.map((c) => `array_agg(${c})`).join(', ')} INTO ${into.join(', ')}
     FROM (SELECT DISTINCT ${cols.join(', ')} FROM dashboard_folding WHERE rollup = '${kind}' AND ${where}) k;`;

/**
 * The days with a status change of the dated city keys (`days`: a day and its keys' cities), ending the
 * city-day INSERT: those of this migration.
 */
const CITY_STATUS_DAYS = `${STATUS_DAY('days.d')} FROM days
      JOIN commitment_status_changes s ON ${ON_DAY('s.at', 'days.d')}
      JOIN commitments c ON c.id = s.commitment_id
     WHERE c.archived_at IS NULL AND c.city_id = ANY (days.cities);`;

const fold = (cityStatusDays: string) => `
  -- Engagements per hub and day.
  IF ed_h IS NOT NULL THEN
    DELETE FROM dashboard_engagement_days r USING unnest(ed_h, ed_d) k(a, d) WHERE r.hub_id = k.a AND r.day = k.d;
    INSERT INTO dashboard_engagement_days
    SELECT e.hub_id, e.start_date, ${TOTALS('e')}
      FROM unnest(ed_h, ed_d) k(a, d) JOIN engagements e ON e.start_date = k.d AND e.hub_id = k.a
     WHERE e.archived_at IS NULL GROUP BY e.hub_id, e.start_date;
  END IF;

  -- Engagements per city and day: each day's engagements read once for all its keys' cities.
  IF ca_c IS NOT NULL THEN
    DELETE FROM dashboard_city_activity r USING unnest(ca_c, ca_d) k(a, d) WHERE r.city_id = k.a AND r.day = k.d;
    INSERT INTO dashboard_city_activity
    WITH days AS (SELECT k.d, array_agg(k.a) AS cities FROM unnest(ca_c, ca_d) k(a, d) GROUP BY k.d),
    l AS (
      SELECT x.city_id, e.* FROM days
       CROSS JOIN LATERAL (SELECT ${COLUMNS}, e.host_city_id, e.location_city_id FROM engagements e
                            WHERE e.start_date = days.d AND e.archived_at IS NULL OFFSET 0) e
       CROSS JOIN LATERAL ${CITIES_OF_E}
       WHERE x.city_id = ANY (days.cities))
    SELECT l.city_id, l.start_date, l.hub_id, ${TOTALS('l')} FROM l GROUP BY l.city_id, l.start_date, l.hub_id
    UNION ALL
    ${cityStatusDays}
  END IF;
  IF ca_w IS NOT NULL THEN
    DELETE FROM dashboard_city_activity r WHERE r.city_id = ANY (ca_w);
    INSERT INTO dashboard_city_activity
    WITH l AS (
      SELECT w.city_id, ${COLUMNS} FROM unnest(ca_w) w(city_id) JOIN engagements e ON e.host_city_id = w.city_id WHERE e.archived_at IS NULL
      UNION SELECT w.city_id, ${COLUMNS} FROM unnest(ca_w) w(city_id) JOIN engagements e ON e.location_city_id = w.city_id WHERE e.archived_at IS NULL
      UNION SELECT w.city_id, ${COLUMNS} FROM unnest(ca_w) w(city_id) JOIN engagement_cities ec ON ec.city_id = w.city_id
              JOIN engagements e ON e.id = ec.engagement_id WHERE e.archived_at IS NULL)
    SELECT l.city_id, l.start_date, l.hub_id, ${TOTALS('l')} FROM l GROUP BY l.city_id, l.start_date, l.hub_id
    UNION ALL
    ${STATUS_DAY(UTC_DAY('s.at'))} FROM unnest(ca_w) w(city_id)
      JOIN commitments c ON c.city_id = w.city_id JOIN commitment_status_changes s ON s.commitment_id = c.id
     WHERE c.archived_at IS NULL;
  END IF;

  -- Commitments per hub, status and (pledged and in progress only) target date.
  IF cs_h IS NOT NULL THEN
    DELETE FROM dashboard_commitment_status r USING unnest(cs_h, cs_s, cs_d) k(a, s, d)
     WHERE r.hub_id = k.a AND r.status = k.s AND r.target_date IS NOT DISTINCT FROM k.d;
    INSERT INTO dashboard_commitment_status
    SELECT k.a, k.s, k.d, n.commitments FROM unnest(cs_h, cs_s, cs_d) k(a, s, d)
     CROSS JOIN LATERAL (SELECT count(*)::int AS commitments FROM commitments c WHERE c.archived_at IS NULL AND c.hub_id = k.a AND c.status = k.s
                           AND c.target_date = k.d) n
     WHERE k.d IS NOT NULL AND n.commitments > 0
    UNION ALL
    SELECT k.a, k.s, NULL, n.commitments FROM unnest(cs_h, cs_s, cs_d) k(a, s, d)
     CROSS JOIN LATERAL (SELECT count(*)::int AS commitments FROM commitments c WHERE c.archived_at IS NULL AND c.hub_id = k.a AND c.status = k.s
                           AND c.target_date IS NULL) n
     WHERE k.d IS NULL AND k.s IN ('pledged', 'in_progress') AND n.commitments > 0
    UNION ALL
    SELECT k.a, k.s, NULL, n.commitments FROM unnest(cs_h, cs_s, cs_d) k(a, s, d)
     CROSS JOIN LATERAL (SELECT count(*)::int AS commitments FROM commitments c WHERE c.archived_at IS NULL AND c.hub_id = k.a AND c.status = k.s) n
     WHERE k.d IS NULL AND k.s NOT IN ('pledged', 'in_progress') AND n.commitments > 0;
  END IF;

  -- New commitments per hub and day.
  IF cd_h IS NOT NULL THEN
    DELETE FROM dashboard_commitment_days r USING unnest(cd_h, cd_d) k(a, d) WHERE r.hub_id = k.a AND r.day = k.d;
    INSERT INTO dashboard_commitment_days
    SELECT k.a, k.d, n.commitments FROM unnest(cd_h, cd_d) k(a, d)
     CROSS JOIN LATERAL (SELECT count(*)::int AS commitments FROM commitments c
                          WHERE c.archived_at IS NULL AND c.hub_id = k.a AND ${ON_DAY('c.created_at', 'k.d')}) n
     WHERE n.commitments > 0;
  END IF;

  -- Achieved commitments.
  IF ac_c IS NOT NULL THEN
    DELETE FROM dashboard_achievements r WHERE r.commitment_id = ANY (ac_c);
    INSERT INTO dashboard_achievements
    SELECT a.*, (a.achieved_on - a.first_engagement_on) AS days FROM (
      SELECT c.id AS commitment_id, c.hub_id, c.city_id,
        (SELECT max(${UTC_DAY('s.at')}) FROM commitment_status_changes s WHERE s.commitment_id = c.id AND s.to_status = 'achieved') AS achieved_on,
        (SELECT min(e.start_date) FROM commitment_engagements ce JOIN engagements e ON e.id = ce.engagement_id WHERE ce.commitment_id = c.id) AS first_engagement_on
        FROM commitments c WHERE c.id = ANY (ac_c) AND c.archived_at IS NULL AND c.status = 'achieved') a;
  END IF;

  -- Open follow-ups per hub and due date.
  IF fd_h IS NOT NULL THEN
    DELETE FROM dashboard_follow_up_due r USING unnest(fd_h, fd_d) k(a, d) WHERE r.hub_id = k.a AND r.due_date = k.d;
    INSERT INTO dashboard_follow_up_due
    SELECT k.a, k.d, n.follow_ups FROM unnest(fd_h, fd_d) k(a, d)
     CROSS JOIN LATERAL (SELECT count(*)::int AS follow_ups FROM follow_ups f WHERE f.hub_id = k.a AND f.due_date = k.d AND ${OPEN_DUE}) n
     WHERE n.follow_ups > 0;
  END IF;

  -- Open follow-ups per city, hub and due date: each due date's follow-ups read once for its keys' cities.
  IF cf_c IS NOT NULL THEN
    DELETE FROM dashboard_city_follow_up_due r USING unnest(cf_c, cf_d) k(a, d) WHERE r.city_id = k.a AND r.due_date = k.d;
    INSERT INTO dashboard_city_follow_up_due
    WITH days AS (SELECT k.d, array_agg(k.a) AS cities FROM unnest(cf_c, cf_d) k(a, d) GROUP BY k.d)
    SELECT x.city_id, x.hub_id, x.due_date, count(*)::int FROM (
      SELECT c.city_id, c.hub_id, f.due_date, f.id
        FROM days JOIN follow_ups f ON f.due_date = days.d JOIN commitments c ON c.id = f.commitment_id
       WHERE ${OPEN_DUE} AND c.city_id = ANY (days.cities)
      UNION
      SELECT x.city_id, e.hub_id, f.due_date, f.id
        FROM days JOIN follow_ups f ON f.due_date = days.d AND f.commitment_id IS NULL JOIN engagements e ON e.id = f.engagement_id
       CROSS JOIN LATERAL ${CITIES_OF_E}
       WHERE ${OPEN_DUE} AND x.city_id = ANY (days.cities)
    ) x GROUP BY x.city_id, x.hub_id, x.due_date;
  END IF;
  IF cf_w IS NOT NULL THEN
    DELETE FROM dashboard_city_follow_up_due r WHERE r.city_id = ANY (cf_w);
    INSERT INTO dashboard_city_follow_up_due
    SELECT x.city_id, x.hub_id, x.due_date, count(*)::int FROM (
      SELECT c.city_id, c.hub_id, f.due_date, f.id
        FROM unnest(cf_w) w(city_id) JOIN commitments c ON c.city_id = w.city_id JOIN follow_ups f ON f.commitment_id = c.id
       WHERE ${OPEN_DUE}
      UNION
      SELECT ke.city_id, e.hub_id, f.due_date, f.id
        FROM (SELECT w.city_id, x.id FROM unnest(cf_w) w(city_id) JOIN engagements x ON x.host_city_id = w.city_id
              UNION SELECT w.city_id, x.id FROM unnest(cf_w) w(city_id) JOIN engagements x ON x.location_city_id = w.city_id
              UNION SELECT w.city_id, ec.engagement_id FROM unnest(cf_w) w(city_id) JOIN engagement_cities ec ON ec.city_id = w.city_id) ke
        JOIN engagements e ON e.id = ke.id JOIN follow_ups f ON f.engagement_id = e.id AND f.commitment_id IS NULL
       WHERE ${OPEN_DUE}
    ) x GROUP BY x.city_id, x.hub_id, x.due_date;
  END IF;`;

const counts = ROLLUPS.map((v) => `'${v}', NULLIF((SELECT count(*) FROM dashboard_folding WHERE rollup = '${KEY[v]}'), 0)`).join(', ');
const rollups = ROLLUPS.map((v) => `'${v}'`).join(', ');

/** The fold function's text for search path `path`, its city-day INSERT ending with `cityStatusDays`. */
const foldFunction = (path: string, cityStatusDays: string) =>
  `CREATE OR REPLACE FUNCTION fold_dashboard_rollups() RETURNS jsonb
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${path} AS $$
      DECLARE
        folded jsonb;
        view_name text;
        ed_h uuid[]; ed_d date[];
        ca_c uuid[]; ca_d date[]; ca_w uuid[];
        cs_h uuid[]; cs_s text[]; cs_d date[];
        cd_h uuid[]; cd_d date[];
        ac_c uuid[];
        fd_h uuid[]; fd_d date[];
        cf_c uuid[]; cf_d date[]; cf_w uuid[];
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('impact-tracker:dashboard-refresh'));
        DELETE FROM dashboard_folding;
        -- Exactly the keys committed before this statement: one noted meanwhile stays for the next fold.
        WITH taken AS (DELETE FROM dashboard_dirty RETURNING rollup, a, d, s)
        INSERT INTO dashboard_folding SELECT DISTINCT rollup, a, d, s FROM taken;
        IF NOT FOUND THEN
          RETURN '{}'::jsonb;
        END IF;
        IF EXISTS (SELECT 1 FROM dashboard_folding WHERE rollup = '*') THEN
          -- A table was truncated: every rollup is rebuilt whole.
          FOREACH view_name IN ARRAY ARRAY[${rollups}] LOOP
            PERFORM refresh_dashboard_rollup(view_name);
          END LOOP;
          DELETE FROM dashboard_folding;
          RETURN jsonb_build_object('*', 1);
        END IF;
        SELECT jsonb_strip_nulls(jsonb_build_object(${counts})) INTO folded;
        ${take('ed', ['ed_h', 'ed_d'], ['a', 'd'])}
        -- A city's key without a day (every day of it) covers that city's dated keys.
        ${take('ca', ['ca_w'], ['a'], 'd IS NULL')}
        ${take('ca', ['ca_c', 'ca_d'], ['a', 'd'], `d IS NOT NULL AND a <> ALL (COALESCE(ca_w, '{}'))`)}
        ${take('cs', ['cs_h', 'cs_s', 'cs_d'], ['a', 's', 'd'])}
        ${take('cd', ['cd_h', 'cd_d'], ['a', 'd'])}
        ${take('ac', ['ac_c'], ['a'])}
        ${take('fd', ['fd_h', 'fd_d'], ['a', 'd'])}
        ${take('cf', ['cf_w'], ['a'], 'd IS NULL')}
        ${take('cf', ['cf_c', 'cf_d'], ['a', 'd'], `d IS NOT NULL AND a <> ALL (COALESCE(cf_w, '{}'))`)}
        ${fold(cityStatusDays)}
        DELETE FROM dashboard_folding;
        RETURN folded;
      END $$`;

/**
 * For a later migration that changes how the dated city keys' status-change days are found: the fold
 * function's text (an object, not a function: every function this file exports is read as a migration)
 * and this migration's own ending of the city-day INSERT.
 */
export const FOLD_BY_DAY = { foldFunction, cityStatusDays: CITY_STATUS_DAYS } as const;

export const STATUS_CHANGES_AT_INDEX = `CREATE INDEX "IDX_commitment_status_changes_at" ON "commitment_status_changes" ("at")`;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export class DashboardFoldByDay1766200000000 implements MigrationInterface {
  name = 'DashboardFoldByDay1766200000000';

  public async up(q: QueryRunner): Promise<void> {
    const [{ schema }] = await q.query(`SELECT current_schema() AS schema`);
    const path = `pg_catalog, ${quoteIdent(schema)}, pg_temp`;
    await q.query(STATUS_CHANGES_AT_INDEX);
    await q.query(foldFunction(path, CITY_STATUS_DAYS));
    await q.query(`REVOKE ALL ON FUNCTION fold_dashboard_rollups() FROM PUBLIC`);
  }

  public async down(q: QueryRunner): Promise<void> {
    // The fold as that migration made it: its objects made again (the rollups are rebuilt whole at the next start).
    await q.query(`DROP INDEX IF EXISTS "IDX_commitment_status_changes_at"`);
    const before = new DashboardIncrementalRollups1765900000000();
    await before.down(q);
    await before.up(q);
  }
}
