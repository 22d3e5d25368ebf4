import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An index over each engagement title's skeleton: lower-cased, decomposed (NFKD), the Arabic alef
 * wasla folded, and only ASCII letters and digits and Arabic letters kept. Two titles whose name keys
 * match (case-, accent- and space-insensitively) have the same skeleton, so an import finds the few
 * engagements a run of rows names by title through this index, then matches their names exactly,
 * instead of holding every engagement's title. The expression must stay identical to the engagements
 * repository's `titleSkeletonSql`.
 */
export class EngagementTitleSkeleton1766100000000 implements MigrationInterface {
  name = 'EngagementTitleSkeleton1766100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "IDX_engagements_title_skeleton" ON "engagements" ` +
        `((regexp_replace(replace(lower(normalize("title", NFKD)), U&'\\0671', U&'\\0627'), '[^a-z0-9\\u0621-\\u063f\\u0641-\\u064a]', '', 'g')))`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "IDX_engagements_title_skeleton"`);
  }
}
