import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource, type Logger } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { FOLLOW_UP_HUB_BACKFILL } from '../src/database/migrations/1765500000000-follow-up-hub';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../src/database/embedded-postgres';
import { BENCH_TABLES, copyColumns } from './generate';

export const log = (m: string) => process.stdout.write(`${m}\n`);

export function argValue(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq ? eq.slice(name.length + 3) : fallback;
}

export function scaleArg(): number {
  const scale = Number(argValue('scale', '1'));
  if (!Number.isFinite(scale) || scale <= 0 || scale > 5) throw new Error('--scale must be a number above 0 and at most 5');
  return scale;
}

/**
 * Where bench:data leaves the generated tables (COPY binary files) for `npm run bench` to load: a link
 * to the newest complete generation (`scale-N~<when>-<pid>` beside it), switched only once one is
 * whole, so a run loading the data never sees a generation under way.
 */
export function dataDir(scale: number): string {
  return join(tmpdir(), 'impact-bench-data', `scale-${scale}`);
}

/**
 * The generation a run loads: the one the link points to when the run starts (a generation finishing
 * meanwhile switches the link, not the files this run reads). Null when there is none.
 */
export function currentDataDir(scale: number): string | null {
  const link = dataDir(scale);
  return existsSync(join(link, 'manifest.json')) ? realpathSync(link) : null;
}

/** A folder the database server (OS user `postgres` when running as root) may write and read. */
export function sharedDir(path: string): string {
  mkdirSync(path, { recursive: true });
  chmodSync(join(path, '..'), 0o755);
  chmodSync(path, 0o777);
  return path;
}

export const freePort = () =>
  new Promise<number>((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => ok(port));
    });
  });

export interface FreshDatabase {
  /** The superuser (loading with COPY, server settings). */
  url: string;
  /** The app role and the schema owner, for the API under test (as in production). */
  appUrl: string;
  ownerUrl: string;
  pg: EmbeddedPostgresHandle;
  close(): Promise<void>;
}

/**
 * A fresh embedded PostgreSQL (a data folder of this run's own under the OS temp folder, named with the
 * process id, parent chmod 755; the port a free one), so runs side by side never share a server; tuned
 * for a 2-core bench machine, migrated to the app's schema. `settings`: more server settings (ALTER SYSTEM,
 * applied by the restart).
 */
export async function freshDatabase(label: string, settings: string[] = []): Promise<FreshDatabase> {
  const base = mkdtempSync(join(tmpdir(), `impact-${label}-${process.pid}-`));
  chmodSync(base, 0o755);
  const pg = await startEmbeddedPostgres({ dir: join(base, 'pg'), port: await freePort(), database: 'impact' });
  const admin = new Client({ connectionString: pg.superuserUrl });
  await admin.connect();
  for (const setting of [
    `shared_buffers = '1GB'`,
    `work_mem = '32MB'`,
    `maintenance_work_mem = '512MB'`,
    `effective_cache_size = '4GB'`,
    `max_wal_size = '4GB'`,
    `fsync = off`,
    `synchronous_commit = off`,
    `full_page_writes = off`,
    `random_page_cost = 1.1`,
    `jit = off`,
    `max_connections = 200`,
    ...settings,
  ]) {
    await admin.query(`ALTER SYSTEM SET ${setting}`);
  }
  await admin.end();
  await pg.stop();
  await pg.restart();
  const ds = await new DataSource(dataSourceOptions(pg.migrationUrl, { logErrors: true })).initialize();
  await ds.runMigrations({ transaction: 'all' });
  await ds.destroy();
  return {
    url: pg.superuserUrl,
    appUrl: pg.url,
    ownerUrl: pg.migrationUrl,
    pg,
    async close() {
      await pg.stop().catch(() => undefined);
      rmSync(base, { recursive: true, force: true });
    },
  };
}

export interface Statement {
  sql: string;
  params: unknown[];
}

/** A statement as a named prepared statement (its name from its text), with `values` instead of its own when given. */
export function named(s: Statement, values: unknown[] = s.params): { name: string; text: string; values: unknown[] } {
  return { name: `floor-${createHash('sha1').update(s.sql).digest('base64url')}`, text: s.sql, values };
}

/** The values of a read-model statement for other ids: one array parameter (`= ANY($1)`), or one parameter per id. */
export function loadValues(load: Statement, ids: string[]): unknown[] {
  return load.params.length === 1 && Array.isArray(load.params[0]) ? [ids] : ids;
}

/**
 * A list request's statements, and the total beside them: the page (its ids as a subquery of the read
 * models, one statement), or the page's ids then their read models.
 */
export type ListStatements = {
  /** None when the page told the total (a text search's short page): the API sent no count. */
  total?: Statement;
} & ({ page: Statement } | { ids: Statement; load: Statement });

/**
 * The API's own TypeORM set-up on the bench database, recording every statement it sends: the
 * repositories run here exactly as in the API, and the floors replay what they sent through `pg`.
 */
export async function recordingDataSource(url: string): Promise<{ ds: DataSource; sent: Statement[] }> {
  const sent: Statement[] = [];
  const ignore = () => undefined;
  const logger: Logger = {
    logQuery: (sql, params) => void sent.push({ sql, params: Array.isArray(params) ? params : [] }),
    logQueryError: ignore,
    logQuerySlow: ignore,
    logSchemaBuild: ignore,
    logMigration: ignore,
    log: ignore,
  };
  const ds = await new DataSource({ ...dataSourceOptions(url, { logErrors: false }), logging: ['query'], logger }).initialize();
  return { ds, sent };
}

/**
 * Loads bench:data's COPY files into the migrated schema (as the superuser, triggers and foreign keys
 * off), then fills the derived columns the files leave out, as their migrations backfill them.
 */
export async function loadBenchTables(pg: Client, dir: string): Promise<void> {
  await pg.query(`SET session_replication_role = replica`);
  await pg.query(`ALTER TABLE follow_ups ALTER COLUMN hub_id DROP NOT NULL`);
  for (const table of BENCH_TABLES) {
    await pg.query(`COPY "${table}" (${await copyColumns(pg, table)}) FROM '${join(dir, `${table}.bin`)}' (FORMAT binary)`);
  }
  await pg.query(FOLLOW_UP_HUB_BACKFILL);
  await pg.query(`ALTER TABLE follow_ups ALTER COLUMN hub_id SET NOT NULL`);
  await pg.query(`SET session_replication_role = DEFAULT`);
}
