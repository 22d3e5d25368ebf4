import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How a story words each figure it cites, in the story's own language: an outcome's unit and
 * description exist only in the language they were typed in, while the story may be in another.
 */
export class StoryFigureWording1765800000001 implements MigrationInterface {
  name = 'StoryFigureWording1765800000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stories ADD COLUMN figure_wording jsonb NOT NULL DEFAULT '{}'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stories DROP COLUMN figure_wording`);
  }
}
