import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Leaner rollups for the whole-network summary (measured at scale 1, see BENCHMARKS.md):
 * - dashboard_commitment_status keeps the target date only where "at risk" needs it (pledged and in
 *   progress), so the view has a row per hub, status and open target date instead of every date;
 * - dashboard_achievements carries the days from the earliest inspiring engagement to the
 *   achievement, so the median is read from a histogram (hub, days) instead of sorting every row.
 */
export class DashboardLeanRollups1764100000002 implements MigrationInterface {
  name = 'DashboardLeanRollups1764100000002';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP MATERIALIZED VIEW dashboard_commitment_status`);
    await q.query(`CREATE MATERIALIZED VIEW dashboard_commitment_status AS
      SELECT hub_id, status, CASE WHEN status IN ('pledged', 'in_progress') THEN target_date END AS target_date, count(*)::int AS commitments
        FROM commitments WHERE archived_at IS NULL GROUP BY 1, 2, 3`);
    await q.query(
      `CREATE UNIQUE INDEX dashboard_commitment_status_key ON dashboard_commitment_status (hub_id, status, target_date) NULLS NOT DISTINCT`,
    );

    await q.query(`DROP MATERIALIZED VIEW dashboard_achievements`);
    await q.query(`CREATE MATERIALIZED VIEW dashboard_achievements AS
      SELECT a.*, (a.achieved_on - a.first_engagement_on) AS days FROM (
        SELECT c.id AS commitment_id, c.hub_id, c.city_id,
          (SELECT max((s.at AT TIME ZONE 'UTC')::date) FROM commitment_status_changes s WHERE s.commitment_id = c.id AND s.to_status = 'achieved') AS achieved_on,
          (SELECT min(e.start_date) FROM commitment_engagements ce JOIN engagements e ON e.id = ce.engagement_id WHERE ce.commitment_id = c.id) AS first_engagement_on
          FROM commitments c WHERE c.archived_at IS NULL AND c.status = 'achieved') a`);
    await q.query(`CREATE UNIQUE INDEX dashboard_achievements_key ON dashboard_achievements (commitment_id)`);
    await q.query(`CREATE INDEX dashboard_achievements_hub ON dashboard_achievements (hub_id, achieved_on) INCLUDE (days)`);
    await q.query(`CREATE INDEX dashboard_achievements_city ON dashboard_achievements (city_id, achieved_on) INCLUDE (days, hub_id)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP MATERIALIZED VIEW dashboard_commitment_status`);
    await q.query(`CREATE MATERIALIZED VIEW dashboard_commitment_status AS
      SELECT hub_id, status, target_date, count(*)::int AS commitments
        FROM commitments WHERE archived_at IS NULL GROUP BY hub_id, status, target_date`);
    await q.query(
      `CREATE UNIQUE INDEX dashboard_commitment_status_key ON dashboard_commitment_status (hub_id, status, target_date) NULLS NOT DISTINCT`,
    );
    await q.query(`DROP MATERIALIZED VIEW dashboard_achievements`);
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
  }
}
