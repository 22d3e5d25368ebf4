import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-city rollups, so a liaison's (or one city's) figures stay fast for a busy city:
 * dashboard_city_activity now carries, per city, day and engagement hub, the engagements concerning the
 * city (host, place or participant, each counted once), their participants and how many led to a live
 * commitment; rows with a NULL hub mark a commitment status change (activity without an engagement).
 * dashboard_city_follow_up_due counts open follow-ups per city they concern (their commitment's city,
 * or without one every city of their engagement) by hub and due date.
 */
export class DashboardCityRollups1764100000001 implements MigrationInterface {
  name = 'DashboardCityRollups1764100000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP MATERIALIZED VIEW dashboard_city_activity`);
    await q.query(`CREATE MATERIALIZED VIEW dashboard_city_activity AS
      WITH live AS (
        SELECT e.id, e.hub_id, e.start_date, e.participants_total, e.participants_mayors, e.participants_officials, e.participants_youth,
               e.participants_women, e.participants_community_leaders,
               EXISTS (SELECT 1 FROM commitment_engagements ce JOIN commitments c ON c.id = ce.commitment_id
                        WHERE ce.engagement_id = e.id AND c.archived_at IS NULL) AS led
          FROM engagements e WHERE e.archived_at IS NULL),
      concerns AS (
        SELECT host_city_id AS city_id, id AS engagement_id FROM engagements WHERE archived_at IS NULL AND host_city_id IS NOT NULL
        UNION SELECT location_city_id, id FROM engagements WHERE archived_at IS NULL AND location_city_id IS NOT NULL
        UNION SELECT city_id, engagement_id FROM engagement_cities)
      SELECT k.city_id, l.start_date AS day, l.hub_id, count(*)::int AS engagements,
             sum(l.participants_total)::bigint AS participants_total, sum(l.participants_mayors)::bigint AS participants_mayors,
             sum(l.participants_officials)::bigint AS participants_officials, sum(l.participants_youth)::bigint AS participants_youth,
             sum(l.participants_women)::bigint AS participants_women, sum(l.participants_community_leaders)::bigint AS participants_community_leaders,
             count(*) FILTER (WHERE l.led)::int AS led_to_commitment
        FROM concerns k JOIN live l ON l.id = k.engagement_id
       GROUP BY k.city_id, l.start_date, l.hub_id
      UNION ALL
      SELECT DISTINCT c.city_id, (s.at AT TIME ZONE 'UTC')::date, NULL::uuid, 0, 0, 0, 0, 0, 0, 0, 0
        FROM commitment_status_changes s JOIN commitments c ON c.id = s.commitment_id WHERE c.archived_at IS NULL`);
    await q.query(`CREATE UNIQUE INDEX dashboard_city_activity_key ON dashboard_city_activity (city_id, day, hub_id) NULLS NOT DISTINCT`);

    await q.query(`CREATE MATERIALIZED VIEW dashboard_city_follow_up_due AS
      SELECT x.city_id, x.hub_id, x.due_date, count(*)::int AS follow_ups FROM (
        SELECT c.city_id, c.hub_id, f.due_date, f.id
          FROM follow_ups f JOIN commitments c ON c.id = f.commitment_id
         WHERE f.archived_at IS NULL AND f.status = 'open' AND f.due_date IS NOT NULL
        UNION
        SELECT k.city_id, e.hub_id, f.due_date, f.id
          FROM follow_ups f JOIN engagements e ON e.id = f.engagement_id
          CROSS JOIN LATERAL (SELECT e.host_city_id AS city_id UNION SELECT e.location_city_id
                              UNION SELECT ec.city_id FROM engagement_cities ec WHERE ec.engagement_id = e.id) k
         WHERE f.commitment_id IS NULL AND f.archived_at IS NULL AND f.status = 'open' AND f.due_date IS NOT NULL AND k.city_id IS NOT NULL
      ) x GROUP BY x.city_id, x.hub_id, x.due_date`);
    await q.query(`CREATE UNIQUE INDEX dashboard_city_follow_up_due_key ON dashboard_city_follow_up_due (city_id, hub_id, due_date)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP MATERIALIZED VIEW IF EXISTS dashboard_city_follow_up_due`);
    await q.query(`DROP MATERIALIZED VIEW IF EXISTS dashboard_city_activity`);
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
  }
}
