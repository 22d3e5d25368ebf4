import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An uploaded import file is stored as its pieces, one row each (`piece` 0, 1, …), instead of one value
 * grown by appending: appending rewrote the whole value each time and reading a piece decompressed all
 * before it, so both grew with the file. Pieces are stored uncompressed (`EXTERNAL`): they live for
 * one import, and compressing them cost more than the space saved. A file uploaded before this is piece 0.
 */
export class ImportFilePieces1767000000000 implements MigrationInterface {
  name = 'ImportFilePieces1767000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_files ADD COLUMN piece integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE import_files ALTER COLUMN piece DROP DEFAULT`);
    await q.query(`ALTER TABLE import_files DROP CONSTRAINT "PK_import_files"`);
    await q.query(`ALTER TABLE import_files ADD CONSTRAINT "PK_import_files" PRIMARY KEY (import_id, piece)`);
    await q.query(`ALTER TABLE import_files ALTER COLUMN content SET STORAGE EXTERNAL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    // Pieces are joined back in order into one value per import.
    await q.query(`CREATE TEMP TABLE import_files_joined AS
      SELECT import_id, string_agg(content, ''::bytea ORDER BY piece) AS content FROM import_files GROUP BY import_id`);
    await q.query(`DELETE FROM import_files`);
    await q.query(`ALTER TABLE import_files DROP CONSTRAINT "PK_import_files"`);
    await q.query(`ALTER TABLE import_files DROP COLUMN piece`);
    await q.query(`ALTER TABLE import_files ADD CONSTRAINT "PK_import_files" PRIMARY KEY (import_id)`);
    await q.query(`ALTER TABLE import_files ALTER COLUMN content SET STORAGE EXTENDED`);
    await q.query(`INSERT INTO import_files (import_id, content) SELECT import_id, content FROM import_files_joined`);
    await q.query(`DROP TABLE import_files_joined`);
  }
}
