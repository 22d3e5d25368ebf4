import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploaded import files wait in the database, not on the disk of the instance that took the upload,
 * so whichever instance picks up the import job can read the file. Removed once the import has run.
 */
export class ImportFiles1765800000002 implements MigrationInterface {
  name = 'ImportFiles1765800000002';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE import_files (
         import_id uuid NOT NULL,
         content bytea NOT NULL,
         CONSTRAINT "PK_import_files" PRIMARY KEY (import_id),
         CONSTRAINT "FK_88118b2837ddc1d5863d814e1dc" FOREIGN KEY (import_id) REFERENCES imports(id) ON DELETE CASCADE
       )`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_files`);
  }
}
