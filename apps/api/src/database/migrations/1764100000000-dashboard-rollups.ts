import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rollups behind the leadership dashboard: materialized views (raw-SQL objects the entities do not
 * describe), each with a unique index so it can be refreshed CONCURRENTLY (readers never wait),
 * a one-row table that says when they were last rebuilt, and statement triggers that NOTIFY the API
 * when the records under them change (DashboardRefresher debounces and refreshes).
 * What each view counts is the SQL of apps/api/src/rules/derived.sql.ts, the same as the list filters.
 */
export class DashboardRollups1764100000000 implements MigrationInterface {
  name = 'DashboardRollups1764100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE dashboard_refresh (id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1), refreshed_at timestamptz)`);
    await q.query(`INSERT INTO dashboard_refresh (id, refreshed_at) VALUES (1, NULL)`);

    // Engagements per hub and start day, with participants and how many led to a live commitment.
    await q.query(`CREATE MATERIALIZED VIEW dashboard_engagement_days AS
      SELECT e.hub_id, e.start_date AS day, count(*)::int AS engagements,
        sum(e.participants_total)::bigint AS participants_total, sum(e.participants_mayors)::bigint AS participants_mayors,
        sum(e.participants_officials)::bigint AS participants_officials, sum(e.participants_youth)::bigint AS participants_youth,
        sum(e.participants_women)::bigint AS participants_women, sum(e.participants_community_leaders)::bigint AS participants_community_leaders,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM commitment_engagements ce JOIN commitments c ON c.id = ce.commitment_id
                                        WHERE ce.engagement_id = e.id AND c.archived_at IS NULL))::int AS led_to_commitment
      FROM engagements e WHERE e.archived_at IS NULL GROUP BY e.hub_id, e.start_date`);
    await q.query(`CREATE UNIQUE INDEX dashboard_engagement_days_key ON dashboard_engagement_days (hub_id, day)`);

    // Days on which a city had activity: an engagement it hosted, was the place of or took part in,
    // or a status change of one of its live commitments; with the number of such engagements that day.
    await q.query(`CREATE MATERIALIZED VIEW dashboard_city_activity AS
      SELECT city_id, day, count(engagement_id)::int AS engagements FROM (
        SELECT e.host_city_id AS city_id, e.start_date AS day, e.id AS engagement_id
          FROM engagements e WHERE e.archived_at IS NULL AND e.host_city_id IS NOT NULL
        UNION
        SELECT e.location_city_id, e.start_date, e.id FROM engagements e WHERE e.archived_at IS NULL AND e.location_city_id IS NOT NULL
        UNION
        SELECT ec.city_id, e.start_date, e.id FROM engagement_cities ec JOIN engagements e ON e.id = ec.engagement_id WHERE e.archived_at IS NULL
        UNION
        SELECT c.city_id, (s.at AT TIME ZONE 'UTC')::date, NULL::uuid
          FROM commitment_status_changes s JOIN commitments c ON c.id = s.commitment_id WHERE c.archived_at IS NULL
      ) a GROUP BY city_id, day`);
    await q.query(`CREATE UNIQUE INDEX dashboard_city_activity_key ON dashboard_city_activity (city_id, day) INCLUDE (engagements)`);

    // Commitments by hub, status and target date: at risk is judged against today when read.
    await q.query(`CREATE MATERIALIZED VIEW dashboard_commitment_status AS
      SELECT hub_id, status, target_date, count(*)::int AS commitments
        FROM commitments WHERE archived_at IS NULL GROUP BY hub_id, status, target_date`);
    await q.query(
      `CREATE UNIQUE INDEX dashboard_commitment_status_key ON dashboard_commitment_status (hub_id, status, target_date) NULLS NOT DISTINCT`,
    );

    // New commitments per hub and day (UTC).
    await q.query(`CREATE MATERIALIZED VIEW dashboard_commitment_days AS
      SELECT hub_id, (created_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS commitments
        FROM commitments WHERE archived_at IS NULL GROUP BY 1, 2`);
    await q.query(`CREATE UNIQUE INDEX dashboard_commitment_days_key ON dashboard_commitment_days (hub_id, day)`);

    // One row per achieved commitment: when (its move to achieved, UTC day) and how long after its
    // earliest inspiring engagement.
    await q.query(`CREATE MATERIALIZED VIEW dashboard_achievements AS
      SELECT c.id AS commitment_id, c.hub_id, c.city_id,
        (SELECT max((s.at AT TIME ZONE 'UTC')::date) FROM commitment_status_changes s WHERE s.commitment_id = c.id AND s.to_status = 'achieved') AS achieved_on,
        (SELECT min(e.start_date) FROM commitment_engagements ce JOIN engagements e ON e.id = ce.engagement_id WHERE ce.commitment_id = c.id) AS first_engagement_on
        FROM commitments c WHERE c.archived_at IS NULL AND c.status = 'achieved'`);
    await q.query(`CREATE UNIQUE INDEX dashboard_achievements_key ON dashboard_achievements (commitment_id)`);
    await q.query(`CREATE INDEX dashboard_achievements_hub ON dashboard_achievements (hub_id, achieved_on) INCLUDE (first_engagement_on)`);
    await q.query(
      `CREATE INDEX dashboard_achievements_city ON dashboard_achievements (city_id, achieved_on) INCLUDE (first_engagement_on)`,
    );

    // Open follow-ups with a due date, by hub (their commitment's, else their engagement's) and due date.
    await q.query(`CREATE MATERIALIZED VIEW dashboard_follow_up_due AS
      SELECT COALESCE(c.hub_id, e.hub_id) AS hub_id, f.due_date, count(*)::int AS follow_ups
        FROM follow_ups f LEFT JOIN commitments c ON c.id = f.commitment_id LEFT JOIN engagements e ON e.id = f.engagement_id
       WHERE f.archived_at IS NULL AND f.status = 'open' AND f.due_date IS NOT NULL GROUP BY 1, 2`);
    await q.query(`CREATE UNIQUE INDEX dashboard_follow_up_due_key ON dashboard_follow_up_due (hub_id, due_date) NULLS NOT DISTINCT`);

    // Writes to the records under the rollups wake the API's refresher (one notification per statement).
    await q.query(`CREATE FUNCTION dashboard_records_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('dashboard_records_changed', TG_TABLE_NAME); RETURN NULL; END $$`);
    for (const table of [
      'engagements',
      'engagement_cities',
      'commitments',
      'commitment_engagements',
      'commitment_status_changes',
      'follow_ups',
      'cities',
    ]) {
      await q.query(`CREATE TRIGGER dashboard_${table}_changed AFTER INSERT OR UPDATE OR DELETE ON "${table}"
        FOR EACH STATEMENT EXECUTE FUNCTION dashboard_records_changed()`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'engagements',
      'engagement_cities',
      'commitments',
      'commitment_engagements',
      'commitment_status_changes',
      'follow_ups',
      'cities',
    ]) {
      await q.query(`DROP TRIGGER IF EXISTS dashboard_${table}_changed ON "${table}"`);
    }
    await q.query(`DROP FUNCTION IF EXISTS dashboard_records_changed()`);
    for (const view of [
      'dashboard_follow_up_due',
      'dashboard_achievements',
      'dashboard_commitment_days',
      'dashboard_commitment_status',
      'dashboard_city_activity',
      'dashboard_engagement_days',
    ]) {
      await q.query(`DROP MATERIALIZED VIEW IF EXISTS ${view}`);
    }
    await q.query(`DROP TABLE IF EXISTS dashboard_refresh`);
  }
}
