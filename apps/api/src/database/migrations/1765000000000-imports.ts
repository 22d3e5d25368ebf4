import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports of spreadsheets: progress and row errors while a file runs, and for undo the ids the import
 * created and the before-images of what it updated (each with the version the import left).
 */
export class Imports1765000000000 implements MigrationInterface {
  name = 'Imports1765000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "imports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entity" character varying(16) NOT NULL, "file_name" character varying(255) NOT NULL, "status" character varying(8) NOT NULL DEFAULT 'queued', "dry_run" boolean NOT NULL, "total" integer, "processed" integer NOT NULL DEFAULT 0, "created" integer NOT NULL DEFAULT 0, "updated" integer NOT NULL DEFAULT 0, "unchanged" integer NOT NULL DEFAULT 0, "errors" jsonb NOT NULL DEFAULT '[]', "message" text, "created_ids" jsonb NOT NULL DEFAULT '[]', "before_images" jsonb NOT NULL DEFAULT '[]', "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_imports" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_imports_created_by" ON "imports" ("created_by_id")`);
    await q.query(
      `ALTER TABLE "imports" ADD CONSTRAINT "FK_imports_created_by" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "imports"`);
  }
}
