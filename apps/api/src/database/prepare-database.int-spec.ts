import { DataSource } from 'typeorm';
import { createTestDatabase, TEST_JWT_SECRET } from '../../test/test-app';
import { loadConfig } from '../config';
import { dataSourceOptions } from './data-source-options';
import { DEMO_USERS } from './demo/demo-sign-ins';
import { demoDataDue, prepareDatabase } from './prepare-database';

/** The configuration a production start reads from its environment. */
const productionConfig = (env: Record<string, string> = {}) =>
  loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JWT_SECRET: TEST_JWT_SECRET,
    ...env,
  });

/** Rows in the tables the demo data fills. */
async function rowCounts(ds: DataSource): Promise<Record<string, number>> {
  const tables = ['users', 'hubs', 'cities', 'partners', 'engagements', 'commitments', 'follow_ups', 'outcomes', 'stories'];
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM ${t}`);
    counts[t] = n;
  }
  return counts;
}

const empty = {
  users: 0,
  hubs: 0,
  cities: 0,
  partners: 0,
  engagements: 0,
  commitments: 0,
  follow_ups: 0,
  outcomes: 0,
  stories: 0,
};

describe('prepareDatabase: production never loads the demo data unless asked', () => {
  const opened: { ds: DataSource; drop(): Promise<void> }[] = [];

  /** A fresh, migrated database with nothing in it. */
  async function freshDatabase(): Promise<DataSource> {
    const db = await createTestDatabase(false);
    const ds = await new DataSource(dataSourceOptions(db.ownerUrl, { logErrors: false })).initialize();
    opened.push({ ds, drop: db.drop });
    return ds;
  }

  afterAll(async () => {
    for (const { ds, drop } of opened) {
      await ds.destroy();
      await drop();
    }
  });

  it('decides from NODE_ENV and an explicit SEED_DEMO only', () => {
    const due = (env: Record<string, string>, embedded: boolean) =>
      demoDataDue(loadConfig({ JWT_SECRET: TEST_JWT_SECRET, ...env }), embedded);
    expect({
      productionEmbedded: due({ NODE_ENV: 'production' }, true),
      productionExternal: due({ NODE_ENV: 'production' }, false),
      productionSeedFalse: due({ NODE_ENV: 'production', SEED_DEMO: 'false' }, true),
      productionSeedTrue: due({ NODE_ENV: 'production', SEED_DEMO: 'true' }, true),
      developmentEmbedded: due({ NODE_ENV: 'development' }, true),
      developmentExternal: due({ NODE_ENV: 'development' }, false),
      developmentExternalSeed: due({ NODE_ENV: 'development', SEED_DEMO: 'true' }, false),
    }).toEqual({
      productionEmbedded: false,
      productionExternal: false,
      productionSeedFalse: false,
      productionSeedTrue: true,
      developmentEmbedded: true,
      developmentExternal: false,
      developmentExternalSeed: true,
    });
  });

  it('a production start on a fresh embedded database creates no users and no demo rows, and reports no admin', async () => {
    const ds = await freshDatabase();
    const result = await prepareDatabase(ds, productionConfig(), {
      embedded: true,
    });
    expect(result).toMatchObject({
      seeded: null,
      admin: null,
      activeAdmins: 0,
      activeDemoUsers: 0,
    });
    expect(await rowCounts(ds)).toEqual(empty);

    // A second start changes nothing either.
    await prepareDatabase(ds, productionConfig(), { embedded: true });
    expect(await rowCounts(ds)).toEqual(empty);
  });

  it('a production start with ADMIN_EMAIL and ADMIN_PASSWORD creates that admin and nothing else', async () => {
    const ds = await freshDatabase();
    const result = await prepareDatabase(
      ds,
      productionConfig({
        ADMIN_EMAIL: 'first.admin@example.org',
        ADMIN_PASSWORD: 'a-long-first-admin-passphrase',
      }),
      { embedded: true },
    );
    expect(result).toMatchObject({
      seeded: null,
      admin: 'created',
      activeAdmins: 1,
      activeDemoUsers: 0,
    });
    expect(await rowCounts(ds)).toEqual({ ...empty, users: 1 });
    const users: { email: string; role: string }[] = await ds.query('SELECT email, role FROM users');
    expect(users).toEqual([{ email: 'first.admin@example.org', role: 'admin' }]);
  });

  it('production loads the demo data only with SEED_DEMO=true set explicitly, and counts its accounts', async () => {
    const ds = await freshDatabase();
    const result = await prepareDatabase(ds, productionConfig({ SEED_DEMO: 'true' }), { embedded: false });
    expect(result.seeded?.cities).toBeGreaterThan(0);
    expect(result.activeDemoUsers).toBe(DEMO_USERS.length);
    expect(result.activeAdmins).toBeGreaterThan(0);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM users WHERE email = 'admin@impact.test'`);
    expect(n).toBe(1);
  });
});
