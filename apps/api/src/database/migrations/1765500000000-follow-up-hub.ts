import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A follow-up's hub kept on the follow-up itself (`follow_ups.hub_id`): its commitment's hub, else its
 * engagement's. Read through the two parents, a hub's overdue follow-ups joined every commitment and
 * engagement (≈ 0.6 s at network scale); on the row, they are one short range of a partial index.
 *
 * The database keeps the copy right, in the transaction of the write that changes it, whatever the
 * write path: a follow-up takes its parents' hub when it is inserted or moved, and a commitment (or an
 * engagement, for the follow-ups without a commitment) that moves to another hub carries its follow-ups.
 */
export const FOLLOW_UP_HUB_BACKFILL = `UPDATE follow_ups f SET hub_id = p.hub_id
  FROM (SELECT fu.id, COALESCE(c.hub_id, e.hub_id) AS hub_id FROM follow_ups fu
          LEFT JOIN commitments c ON c.id = fu.commitment_id LEFT JOIN engagements e ON e.id = fu.engagement_id) p
 WHERE p.id = f.id AND f.hub_id IS DISTINCT FROM p.hub_id`;

/**
 * The parents' ids are included because the list queries left-join both parents (for the city rules):
 * a join the planner then removes still keeps the table's scan from being index-only without them.
 */
export const FOLLOW_UP_HUB_INDEXES = [
  // A hub's overdue follow-ups: open, due before today, by due date (page and total from the index).
  `CREATE INDEX "IDX_follow_ups_hub_open_due" ON "follow_ups" ("hub_id", "due_date", "id") INCLUDE ("commitment_id", "engagement_id") WHERE "archived_at" IS NULL AND "status" = 'open'`,
  // A hub's follow-ups whatever their status (a hub manager's list, the hub filter), by due date.
  `CREATE INDEX "IDX_follow_ups_hub_due" ON "follow_ups" ("hub_id", "due_date", "id") INCLUDE ("commitment_id", "engagement_id") WHERE "archived_at" IS NULL`,
];

export class FollowUpHub1765500000000 implements MigrationInterface {
  name = 'FollowUpHub1765500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "follow_ups" ADD "hub_id" uuid`);
    await q.query(FOLLOW_UP_HUB_BACKFILL);
    await q.query(`ALTER TABLE "follow_ups" ALTER COLUMN "hub_id" SET NOT NULL`);
    await q.query(`CREATE FUNCTION follow_up_take_hub() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.hub_id := COALESCE((SELECT c.hub_id FROM commitments c WHERE c.id = NEW.commitment_id),
                               (SELECT e.hub_id FROM engagements e WHERE e.id = NEW.engagement_id));
        IF NEW.hub_id IS NULL THEN
          -- No parent: the same error the missing parent's foreign key gives.
          RAISE EXCEPTION 'follow-up % has no commitment or engagement', NEW.id USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER follow_ups_take_hub BEFORE INSERT OR UPDATE OF commitment_id, engagement_id, hub_id ON "follow_ups"
      FOR EACH ROW EXECUTE FUNCTION follow_up_take_hub()`);
    await q.query(`CREATE FUNCTION commitment_hub_to_follow_ups() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE follow_ups SET hub_id = NEW.hub_id WHERE commitment_id = NEW.id AND hub_id IS DISTINCT FROM NEW.hub_id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER commitments_hub_to_follow_ups AFTER UPDATE OF hub_id ON "commitments"
      FOR EACH ROW WHEN (OLD.hub_id IS DISTINCT FROM NEW.hub_id) EXECUTE FUNCTION commitment_hub_to_follow_ups()`);
    await q.query(`CREATE FUNCTION engagement_hub_to_follow_ups() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE follow_ups SET hub_id = NEW.hub_id
         WHERE engagement_id = NEW.id AND commitment_id IS NULL AND hub_id IS DISTINCT FROM NEW.hub_id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER engagements_hub_to_follow_ups AFTER UPDATE OF hub_id ON "engagements"
      FOR EACH ROW WHEN (OLD.hub_id IS DISTINCT FROM NEW.hub_id) EXECUTE FUNCTION engagement_hub_to_follow_ups()`);
    for (const sql of FOLLOW_UP_HUB_INDEXES) await q.query(sql);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "IDX_follow_ups_hub_due"`);
    await q.query(`DROP INDEX IF EXISTS "IDX_follow_ups_hub_open_due"`);
    await q.query(`DROP TRIGGER IF EXISTS engagements_hub_to_follow_ups ON "engagements"`);
    await q.query(`DROP FUNCTION IF EXISTS engagement_hub_to_follow_ups()`);
    await q.query(`DROP TRIGGER IF EXISTS commitments_hub_to_follow_ups ON "commitments"`);
    await q.query(`DROP FUNCTION IF EXISTS commitment_hub_to_follow_ups()`);
    await q.query(`DROP TRIGGER IF EXISTS follow_ups_take_hub ON "follow_ups"`);
    await q.query(`DROP FUNCTION IF EXISTS follow_up_take_hub()`);
    await q.query(`ALTER TABLE "follow_ups" DROP COLUMN "hub_id"`);
  }
}
