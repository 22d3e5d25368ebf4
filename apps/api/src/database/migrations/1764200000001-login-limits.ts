import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The failed sign-in counters (rate-limiter-flexible's PostgreSQL store, the columns it reads and
 * writes), shared by every app instance. Created here so the app never needs CREATE rights at run time.
 * `expire` is epoch milliseconds; the library deletes rows an hour past it.
 */
export class LoginLimits1764200000001 implements MigrationInterface {
  name = 'LoginLimits1764200000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE login_limits (
      key text PRIMARY KEY,
      points integer NOT NULL DEFAULT 0,
      expire bigint
    )`);
    await q.query(`CREATE INDEX login_limits_expire ON login_limits (expire)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_limits`);
  }
}
