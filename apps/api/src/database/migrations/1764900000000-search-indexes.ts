import { MigrationInterface, QueryRunner } from 'typeorm';

/** Trigram indexes for the search across kinds: follow-ups were the one searched table without them. */
export class SearchIndexes1764900000000 implements MigrationInterface {
  name = 'SearchIndexes1764900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_follow_ups_title_trgm" ON "follow_ups" USING gin ("title" gin_trgm_ops)`);
    await q.query(`CREATE INDEX "IDX_follow_ups_note_trgm" ON "follow_ups" USING gin ("note" gin_trgm_ops)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "IDX_follow_ups_note_trgm"`);
    await q.query(`DROP INDEX IF EXISTS "IDX_follow_ups_title_trgm"`);
  }
}
