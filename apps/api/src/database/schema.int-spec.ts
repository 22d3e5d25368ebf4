import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../test/test-app';
import { dataSourceOptions } from './data-source-options';

describe('schema', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    // As the owner: the migrations table and the schema diff are the migration role's business.
    ds = await new DataSource(dataSourceOptions(db.ownerUrl, { logErrors: false })).initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('the entities match the migrated schema: nothing left to migrate', async () => {
    const log = await ds.driver.createSchemaBuilder().log();
    expect(log.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('has no pending migrations', async () => {
    expect(await ds.showMigrations()).toBe(false);
  });

  it('has the trigram search indexes', async () => {
    const rows: { indexname: string }[] = await ds.query(
      `SELECT indexname FROM pg_indexes WHERE indexdef ILIKE '%gin_trgm_ops%' ORDER BY indexname`,
    );
    expect(rows.map((r) => r.indexname)).toEqual(
      expect.arrayContaining([
        'IDX_cities_name_trgm',
        'IDX_commitments_title_trgm',
        'IDX_engagements_title_trgm',
        'IDX_follow_ups_note_trgm',
        'IDX_follow_ups_title_trgm',
        'IDX_stories_title_trgm',
      ]),
    );
  });

  it('treats e-mail addresses as unique whatever their case', async () => {
    const insert = (email: string) =>
      ds.query(`INSERT INTO users (email, name, role, password_hash) VALUES ($1, 'x', 'admin', 'x')`, [email]);
    await insert('Case@Example.test');
    await expect(insert('case@example.TEST')).rejects.toMatchObject({
      driverError: { code: '23505' },
    });
  });
});
