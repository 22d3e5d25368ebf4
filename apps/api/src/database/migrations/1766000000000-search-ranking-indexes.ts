import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trigram GiST indexes over each large searched table's whole searchable text (lower-cased, as the
 * search ranks it), so the search can take its best matches by nearest-neighbour order (`<->>`, word
 * similarity distance) instead of ranking every match. They index an expression, never a bare column,
 * so the lists' plain ILIKE filters keep the GIN indexes (faster for rare words). Each expression must
 * stay identical to the search's `text` for that kind.
 */
export class SearchRankingIndexes1766000000000 implements MigrationInterface {
  name = 'SearchRankingIndexes1766000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "IDX_engagements_search_gist" ON "engagements" USING gist (lower("title"::text || ' ' || "summary") gist_trgm_ops)`,
    );
    await q.query(
      `CREATE INDEX "IDX_commitments_search_gist" ON "commitments" USING gist (lower("title"::text || ' ' || "description") gist_trgm_ops)`,
    );
    await q.query(
      `CREATE INDEX "IDX_follow_ups_search_gist" ON "follow_ups" USING gist (lower("title"::text || ' ' || coalesce("note", '')) gist_trgm_ops)`,
    );
    await q.query(`CREATE INDEX "IDX_outcomes_search_gist" ON "outcomes" USING gist (lower("description") gist_trgm_ops)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['outcomes', 'follow_ups', 'commitments', 'engagements']) {
      await q.query(`DROP INDEX IF EXISTS "IDX_${table}_search_gist"`);
    }
  }
}
