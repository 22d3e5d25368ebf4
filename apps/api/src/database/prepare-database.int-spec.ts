import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, TEST_JWT_SECRET } from '../../test/test-app';
import { loadConfig } from '../config';
import { dataSourceOptions } from './data-source-options';
import { DEMO_USERS } from './demo/demo-sign-ins';
import { prepareAsOwner } from './prepare-as-owner';
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

describe('two instances starting together on an empty database', () => {
  const name = `t_empty_${Date.now().toString(36)}`;
  const su = () => new Client({ connectionString: process.env.IMPACT_TEST_PG_URL });
  const withDb = (url: string) => url.replace(/\/[^/?]*(?=\?|$)/, `/${name}`);

  beforeAll(async () => {
    const c = su();
    await c.connect();
    const owner = new URL(process.env.IMPACT_TEST_OWNER_URL ?? '').username;
    await c.query(`CREATE DATABASE "${name}" OWNER "${decodeURIComponent(owner)}"`);
    await c.end();
  });
  afterAll(async () => {
    const c = su();
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  });

  it('take turns: one migrates, installs the jobs and grants; the other finds it done; both start', async () => {
    const connections = {
      appUrl: withDb(process.env.IMPACT_TEST_APP_URL ?? ''),
      ownerUrl: withDb(process.env.IMPACT_TEST_OWNER_URL ?? ''),
    };
    const config = productionConfig({ ADMIN_EMAIL: 'first.admin@example.org', ADMIN_PASSWORD: 'a long enough password' });
    const results = await Promise.all([1, 2].map(() => prepareAsOwner(connections, config, { embedded: false, logErrors: false })));
    const counts = results.map((r) => r.migrations.length).sort((x, y) => x - y);
    expect(counts[0]).toBe(0);
    expect(counts[1]).toBeGreaterThan(10);
    expect(results.map((r) => r.admin).sort()).toEqual(['created', 'unchanged']);
    const app = await new DataSource(dataSourceOptions(connections.appUrl, { logErrors: false })).initialize();
    try {
      const [{ n }] = await app.query(`SELECT count(*)::int AS n FROM users WHERE email = 'first.admin@example.org'`);
      expect(n).toBe(1);
    } finally {
      await app.destroy();
    }
  });
});
