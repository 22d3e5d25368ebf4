import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes shaped like the lists' filters and orders, partial on live rows, so a page of ids is a short
 * index range read in list order and the total an index-only count: a hub's commitments by status and
 * target date, open follow-ups by due date (the overdue list), live engagements by start date, and the
 * public story list's order (newest first publication) over current revisions.
 */
export const LIST_INDEXES = [
  `CREATE INDEX "IDX_commitments_hub_status_target" ON "commitments" ("hub_id", "status", "target_date", "id") WHERE "archived_at" IS NULL`,
  `CREATE INDEX "IDX_follow_ups_open_due" ON "follow_ups" ("due_date", "id") INCLUDE ("commitment_id", "engagement_id") WHERE "archived_at" IS NULL AND "status" = 'open'`,
  `CREATE INDEX "IDX_engagements_live_start" ON "engagements" ("start_date" DESC NULLS LAST, "id") WHERE "archived_at" IS NULL`,
  `CREATE INDEX "IDX_story_revisions_public_order" ON "story_revisions" (("snapshot" ->> 'publishedAt') DESC, "title", "story_id") WHERE "current"`,
];

export class ListIndexes1765100000000 implements MigrationInterface {
  name = 'ListIndexes1765100000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const sql of LIST_INDEXES) await q.query(sql);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "IDX_story_revisions_public_order"`);
    await q.query(`DROP INDEX IF EXISTS "IDX_engagements_live_start"`);
    await q.query(`DROP INDEX IF EXISTS "IDX_follow_ups_open_due"`);
    await q.query(`DROP INDEX IF EXISTS "IDX_commitments_hub_status_target"`);
  }
}
