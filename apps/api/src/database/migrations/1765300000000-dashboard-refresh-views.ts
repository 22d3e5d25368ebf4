import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each dashboard rollup was last rebuilt, beside the time of the last pass. Several API instances
 * hear the same change; the one that rebuilds second sees that a rollup is already newer than the
 * change it heard of and skips it, so the database rebuilds once per change, not once per instance.
 */
export class DashboardRefreshViews1765300000000 implements MigrationInterface {
  name = 'DashboardRefreshViews1765300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dashboard_refresh ADD COLUMN views jsonb NOT NULL DEFAULT '{}'::jsonb`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dashboard_refresh DROP COLUMN views`);
  }
}
