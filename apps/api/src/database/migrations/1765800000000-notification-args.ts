import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The values a notification was made from (the record's title, the date, the days, the city or hub,
 * who acted), so that its title and body can be worded again in the language its reader uses now,
 * not only in the one the reader had when it was written. Older rows keep their stored wording.
 */
export class NotificationArgs1765800000000 implements MigrationInterface {
  name = 'NotificationArgs1765800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications ADD COLUMN args jsonb`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP COLUMN args`);
  }
}
