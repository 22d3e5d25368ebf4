import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Published stories stay true: each publication freezes a revision (`story_revisions`) that every
 * public view reads; `stories.figures_changed_at` flags a published story whose cited figures changed
 * since. The flag is set by a trigger on outcomes so that no path that changes a figure can miss it.
 */
export class StoryRevisions1764400000000 implements MigrationInterface {
  name = 'StoryRevisions1764400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "stories" ADD "figures_changed_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(
      `CREATE TABLE "story_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "story_id" uuid NOT NULL, "revision" integer NOT NULL, "current" boolean NOT NULL DEFAULT true, "root_id" uuid NOT NULL, "title" character varying(300) NOT NULL, "category" character varying(32) NOT NULL, "language" character varying(2) NOT NULL, "hub_id" uuid NOT NULL, "city_ids" uuid array NOT NULL DEFAULT '{}', "outcome_ids" uuid array NOT NULL DEFAULT '{}', "snapshot" jsonb NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_story_revisions" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `ALTER TABLE "story_revisions" ADD CONSTRAINT "FK_story_revisions_story" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(`CREATE UNIQUE INDEX "IDX_story_revisions_story_revision" ON "story_revisions" ("story_id", "revision")`);
    await q.query(`CREATE UNIQUE INDEX "IDX_story_revisions_current" ON "story_revisions" ("story_id") WHERE "current"`);
    await q.query(`CREATE INDEX "IDX_story_revisions_root" ON "story_revisions" ("root_id")`);
    await q.query(`CREATE INDEX "IDX_story_revisions_published_at" ON "story_revisions" ("published_at")`);
    await q.query(`CREATE INDEX "IDX_story_revisions_outcomes" ON "story_revisions" USING gin ("outcome_ids")`);
    await q.query(`
      CREATE FUNCTION flag_stories_citing_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE stories SET figures_changed_at = now()
        WHERE figures_changed_at IS NULL
          AND id IN (SELECT story_id FROM story_revisions WHERE current AND outcome_ids @> ARRAY[NEW.id]);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER outcomes_figure_changed AFTER UPDATE ON outcomes FOR EACH ROW
      WHEN (OLD.value IS DISTINCT FROM NEW.value OR OLD.unit IS DISTINCT FROM NEW.unit
            OR OLD.date IS DISTINCT FROM NEW.date OR OLD.description IS DISTINCT FROM NEW.description
            OR OLD.type IS DISTINCT FROM NEW.type)
      EXECUTE FUNCTION flag_stories_citing_outcome()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "outcomes_figure_changed" ON "outcomes"`);
    await q.query(`DROP FUNCTION flag_stories_citing_outcome()`);
    await q.query(`DROP TABLE "story_revisions"`);
    await q.query(`ALTER TABLE "stories" DROP COLUMN "figures_changed_at"`);
  }
}
