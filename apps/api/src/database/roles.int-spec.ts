import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../../test/test-app';
import { DashboardRefresher, DASHBOARD_VIEWS } from '../dashboard/dashboard-refresher';
import { DASHBOARD_TOTALS } from '../dashboard/rollups';
import { dataSourceOptions } from './data-source-options';
import { EMBEDDED_APP_ROLE, EMBEDDED_OWNER_ROLE, startEmbeddedPostgres, type EmbeddedPostgresHandle } from './embedded-postgres';
import { prepareAsOwner } from './prepare-as-owner';
import { DatabaseRoleError, grantAppPrivileges } from './roles';
import { freePort } from '../../test/free-port';

/** The code PostgreSQL answers a statement with (42501: insufficient privilege). */
async function sqlState(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (e) {
    return String((e as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (e as { code?: string }).code);
  }
  return 'succeeded';
}

/** Every relation of the schema with what the given role may do on it, e.g. `{ audit_log: 'INSERT,SELECT' }`. */
async function rights(ds: DataSource, role: string): Promise<Record<string, string>> {
  const rows: { name: string; rights: string }[] = await ds.query(
    `SELECT c.relname AS name,
            concat_ws(',', ${['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']
              .map((p) => `CASE WHEN has_table_privilege($1, c.oid, '${p}') THEN '${p}' END`)
              .join(', ')}) AS rights
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
        AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
      ORDER BY 1`,
    [role],
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.rights]));
}

describe('the app database role', () => {
  let t: TestApp;
  let app: DataSource;
  let owner: DataSource;
  beforeAll(async () => {
    t = await createTestApp({ demo: true, docs: false });
    app = t.dataSource;
    owner = await t.ownerDataSource();
  });
  afterAll(() => t?.close());

  it('is neither a superuser nor able to create roles or databases, and is not the owner', async () => {
    const [me] = await app.query(
      `SELECT current_user AS role, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(me).toEqual({ role: 'impact_app', rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false });
    const [{ role: ownerRole }] = await owner.query(`SELECT current_user AS role`);
    expect(ownerRole).not.toBe(me.role);
  });

  it('owns no table, view, sequence, function, schema or database', async () => {
    const [owned] = await app.query(
      `SELECT (SELECT count(*) FROM pg_class WHERE relowner = r.oid)::int AS relations,
              (SELECT count(*) FROM pg_proc WHERE proowner = r.oid)::int AS functions,
              (SELECT count(*) FROM pg_namespace WHERE nspowner = r.oid)::int AS schemas,
              (SELECT count(*) FROM pg_database WHERE datdba = r.oid)::int AS databases
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(owned).toEqual({ relations: 0, functions: 0, schemas: 0, databases: 0 });
  });

  it('may read and write rows, only add to and read the audit log, and not touch the migrations', async () => {
    const granted = await rights(owner, 'impact_app');
    expect(granted['audit_log']).toBe('SELECT,INSERT');
    expect(granted['migrations']).toBe('');
    for (const view of [...DASHBOARD_VIEWS, ...DASHBOARD_TOTALS]) expect(granted[view]).toBe('SELECT');
    for (const table of [
      'users',
      'commitments',
      'follow_ups',
      'engagements',
      'stories',
      'refresh_tokens',
      'dashboard_refresh',
      'mail_outbox',
      'notifications',
      'notification_settings',
      'reminder_runs',
    ]) {
      expect(granted[table]).toBe('SELECT,INSERT,UPDATE,DELETE');
    }
    // No TRUNCATE, REFERENCES or TRIGGER anywhere.
    expect(Object.values(granted).join(',')).not.toMatch(/TRUNCATE|REFERENCES|TRIGGER/);
  });

  it('cannot UPDATE, DELETE or TRUNCATE the audit log, nor disable its trigger', async () => {
    expect(await sqlState(app.query(`UPDATE audit_log SET note = 'rewritten'`))).toBe('42501');
    expect(await sqlState(app.query(`DELETE FROM audit_log`))).toBe('42501');
    expect(await sqlState(app.query(`TRUNCATE audit_log`))).toBe('42501');
    expect(await sqlState(app.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`))).toBe('42501');
    expect(await sqlState(app.query(`ALTER TABLE audit_log DISABLE TRIGGER ALL`))).toBe('42501');
    expect(await sqlState(app.query(`DROP TRIGGER audit_log_no_update_delete ON audit_log`))).toBe('42501');
    expect(
      await sqlState(
        app.query(`INSERT INTO audit_log (actor_id, entity, entity_id, action) VALUES (NULL, 'user', gen_random_uuid(), 'update')`),
      ),
    ).toBe('succeeded');
  });

  it('cannot create or change anything in the schema', async () => {
    expect(await sqlState(app.query(`CREATE TABLE sneaky (id int)`))).toBe('42501');
    expect(await sqlState(app.query(`CREATE TEMP TABLE sneaky (id int)`))).toBe('42501');
    expect(await sqlState(app.query(`CREATE FUNCTION sneaky() RETURNS int LANGUAGE sql AS 'SELECT 1'`))).toBe('42501');
    expect(await sqlState(app.query(`CREATE SCHEMA sneaky`))).toBe('42501');
    expect(await sqlState(app.query(`ALTER TABLE users ADD COLUMN sneaky int`))).toBe('42501');
    expect(await sqlState(app.query(`DROP TABLE follow_ups`))).toBe('42501');
    expect(await sqlState(app.query(`TRUNCATE users CASCADE`))).toBe('42501');
    expect(await sqlState(app.query(`CREATE ROLE sneaky`))).toBe('42501');
  });

  it('refreshes the dashboard only through the owner functions, and only its rollups', async () => {
    // The rollups are the owner's: the app reads them, and writes them only through the two functions.
    expect(await sqlState(app.query(`DELETE FROM dashboard_engagement_days`))).toBe('42501');
    expect(await sqlState(app.query(`INSERT INTO dashboard_follow_up_due (hub_id, due_date, follow_ups) VALUES (NULL, NULL, 1)`))).toBe(
      '42501',
    );
    expect(await sqlState(app.query(`SELECT * FROM dashboard_folding`))).toBe('42501');
    expect(await sqlState(app.query(`SELECT fold_dashboard_rollups()`))).toBe('succeeded');
    expect(await sqlState(app.query(`SELECT advance_dashboard_totals()`))).toBe('succeeded');
    expect(await sqlState(app.query(`UPDATE dashboard_hub_totals SET engagements = 0`))).toBe('42501');
    for (const view of DASHBOARD_VIEWS) {
      expect(await sqlState(app.query(`SELECT refresh_dashboard_rollup($1)`, [view]))).toBe('succeeded');
    }
    expect(await sqlState(app.query(`SELECT refresh_dashboard_rollup('users')`))).toBe('22023');
    expect(await sqlState(app.query(`SELECT refresh_dashboard_rollup('dashboard_engagement_days; DROP TABLE users')`))).toBe('22023');
    // Nobody else may call it: PUBLIC has no EXECUTE.
    const [{ publicMay }] = await owner.query(
      `SELECT EXISTS (SELECT 1 FROM pg_proc p, aclexplode(p.proacl) a
                       WHERE p.proname IN ('refresh_dashboard_rollup', 'fold_dashboard_rollups', 'advance_dashboard_totals') AND a.grantee = 0) AS "publicMay"`,
    );
    expect(publicMay).toBe(false);
    // And the app's refresher, as the app role, rebuilds every rollup and records when.
    await t.app.get(DashboardRefresher).refresh();
    const [{ refreshed }] = await app.query(`SELECT refreshed_at IS NOT NULL AS refreshed FROM dashboard_refresh`);
    expect(refreshed).toBe(true);
  });

  it('grants again idempotently, and covers a table a later migration adds', async () => {
    const before = await rights(owner, 'impact_app');
    await grantAppPrivileges(owner, 'impact_app');
    expect(await rights(owner, 'impact_app')).toEqual(before);

    await owner.query(`CREATE TABLE later_things (id serial PRIMARY KEY, label text)`);
    expect(await sqlState(app.query(`SELECT * FROM later_things`))).toBe('42501');
    await grantAppPrivileges(owner, 'impact_app');
    expect(await sqlState(app.query(`INSERT INTO later_things (label) VALUES ('x')`))).toBe('succeeded');
    expect((await rights(owner, 'impact_app'))['later_things']).toBe('SELECT,INSERT,UPDATE,DELETE');
  });

  it('stops with a clear error when the app role in DATABASE_URL does not exist', async () => {
    const appUrl = t.databaseUrl.replace(/\/\/[^@]*@/, '//nobody_here:x@');
    await expect(
      prepareAsOwner(
        { appUrl, ownerUrl: t.ownerUrl },
        { admin: null, nodeEnv: 'test', seedDemo: false },
        { embedded: false, logErrors: false },
      ),
    ).rejects.toThrow(
      new DatabaseRoleError(
        `The app's database role "nobody_here" (the user in DATABASE_URL) does not exist: create it first (see README).`,
      ),
    );
  });

  it('leaves PUBLIC without CREATE on the schema and without TEMPORARY on the database', async () => {
    const [acl] = await owner.query(
      `SELECT has_schema_privilege('public', 'public', 'CREATE') AS "schemaCreate",
              has_database_privilege('public', current_database(), 'TEMPORARY') AS "dbTemp",
              has_database_privilege('impact_app', current_database(), 'CONNECT') AS "appConnect"`,
    );
    expect(acl).toEqual({ schemaCreate: false, dbTemp: false, appConnect: true });
  });
});

describe('the embedded database roles', () => {
  let dir: string;
  let pg: EmbeddedPostgresHandle | null = null;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'impact-roles-'));
    chmodSync(dir, 0o755);
  });
  afterAll(async () => {
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const as = async <T>(url: string, fn: (ds: DataSource) => Promise<T>): Promise<T> => {
    const ds = await new DataSource(dataSourceOptions(url, { logErrors: false })).initialize();
    try {
      return await fn(ds);
    } finally {
      await ds.destroy();
    }
  };

  it('hands a data folder from before the two roles (all owned by the superuser) to the owner role, and the app works as its own role', async () => {
    const port = await freePort();
    pg = await startEmbeddedPostgres({ dir: join(dir, 'pg'), port, database: 'impact' });
    expect(pg.url).toContain(`${EMBEDDED_APP_ROLE}:`);
    expect(pg.migrationUrl).toContain(`${EMBEDDED_OWNER_ROLE}:`);

    // The layout an older build left: the superuser owns the database and migrated everything.
    await as(pg.superuserUrl, async (su) => {
      await su.query(`ALTER DATABASE impact OWNER TO postgres`);
      await su.runMigrations({ transaction: 'all' });
    });
    await pg.stop();

    pg = await startEmbeddedPostgres({ dir: join(dir, 'pg'), port, database: 'impact' });
    const result = await prepareAsOwner(
      { appUrl: pg.url, ownerUrl: pg.migrationUrl },
      { admin: null, nodeEnv: 'test', seedDemo: false },
      { embedded: false },
    );
    expect(result.grants).toMatchObject({ sameRole: false, appIsSuperuser: false, appRole: EMBEDDED_APP_ROLE, skipped: [] });

    const leftover = await as(pg.superuserUrl, (su) =>
      su.query(
        `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relowner <> 'impact_owner'::regrole
            AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
         UNION ALL
         SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE n.nspname = 'public' AND p.proowner <> 'impact_owner'::regrole
            AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
         UNION ALL
         SELECT datname FROM pg_database WHERE datname = 'impact' AND datdba <> 'impact_owner'::regrole`,
      ),
    );
    expect(leftover).toEqual([]);

    await as(pg.url, async (app) => {
      const [me] = await app.query(`SELECT current_user AS role, rolsuper FROM pg_roles WHERE rolname = current_user`);
      expect(me).toEqual({ role: EMBEDDED_APP_ROLE, rolsuper: false });
      expect(await sqlState(app.query(`SELECT refresh_dashboard_rollup('dashboard_engagement_days')`))).toBe('succeeded');
      expect(await sqlState(app.query(`UPDATE audit_log SET note = 'x'`))).toBe('42501');
      expect(await sqlState(app.query(`SELECT count(*) FROM users`))).toBe('succeeded');
    });
  }, 180_000);
});
