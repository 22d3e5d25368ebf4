import { MigrationInterface, QueryRunner } from 'typeorm';

const VIEWS = [
  'dashboard_engagement_days',
  'dashboard_city_activity',
  'dashboard_commitment_status',
  'dashboard_commitment_days',
  'dashboard_achievements',
  'dashboard_follow_up_due',
  'dashboard_city_follow_up_due',
];

/**
 * REFRESH MATERIALIZED VIEW needs the view's owner, and the app does not own anything. This function
 * runs as its owner (the migration role) and refreshes one of exactly these rollups, nothing else; a
 * fixed search_path and a schema-qualified name keep a caller from slipping in objects of its own.
 * Only the app role may EXECUTE it (granted after every migration run, see database/roles.ts).
 */
export class DashboardRefreshFunction1764200000000 implements MigrationInterface {
  name = 'DashboardRefreshFunction1764200000000';

  public async up(q: QueryRunner): Promise<void> {
    const [{ schema }] = await q.query(`SELECT current_schema() AS schema`);
    const list = VIEWS.map((v) => `'${v}'`).join(', ');
    await q.query(`CREATE FUNCTION refresh_dashboard_rollup(view_name text) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        IF view_name IS NULL OR view_name NOT IN (${list}) THEN
          RAISE EXCEPTION 'not a dashboard rollup: %', view_name USING ERRCODE = 'invalid_parameter_value';
        END IF;
        EXECUTE format('REFRESH MATERIALIZED VIEW CONCURRENTLY %I.%I', ${quoteLiteral(schema)}, view_name);
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION refresh_dashboard_rollup(text) FROM PUBLIC`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS refresh_dashboard_rollup(text)`);
  }
}

function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
