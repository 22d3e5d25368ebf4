import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join, parse } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import type { EmbeddedPostgresCtor, EmbeddedPostgresInstance, PostgresBinaries } from './embedded-postgres.types';
import { ensureRoles, quoteIdent, takeOverOwnership } from './roles';

const execFileAsync = promisify(execFile);

/**
 * embedded-postgres is ESM-only. Node 20.19+ loads ES modules with `require()`; Node's own require is
 * taken from `process.getBuiltinModule`, which neither webpack (the bundle) nor Jest (the tests, whose
 * VM-module `import()` breaks when two test files of one worker load it) rewrites.
 */
const nativeRequire = (process as unknown as { getBuiltinModule(id: 'node:module'): typeof import('node:module') })
  .getBuiltinModule('node:module')
  .createRequire(join(__dirname, 'embedded-postgres.js'));
const importEsm = async (specifier: string): Promise<unknown> => nativeRequire(specifier);

export const EMBEDDED_PG_USER = 'postgres';
/** The server only listens on localhost; the password just satisfies password auth. */
export const EMBEDDED_PG_PASSWORD = 'impact-local';
/** Owns the database and its schema; migrates, seeds, bootstraps the admin. */
export const EMBEDDED_OWNER_ROLE = 'impact_owner';
/** What the app serves requests as: rows only, no DDL, audit_log append-only. */
export const EMBEDDED_APP_ROLE = 'impact_app';

export interface EmbeddedPostgresHandle {
  /** The app role's URL (what the API serves requests with). */
  url: string;
  /** The owner role's URL (migrations, grants, demo data, admin bootstrap). */
  migrationUrl: string;
  /** The superuser's URL (creating roles and databases; tests). */
  superuserUrl: string;
  port: number;
  dir: string;
  /** Stops the server (idempotent). */
  stop(): Promise<void>;
  /** Starts the server again after `stop()` (used by the restart test). */
  restart(): Promise<void>;
}

export interface StartEmbeddedPostgresOptions {
  dir: string;
  port: number;
  /** Database to create (if missing) and put in the URL. */
  database?: string;
  log?: (line: string) => void;
}

/** A clear failure of the embedded database, printed as one line. */
export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

async function loadBinaries(): Promise<PostgresBinaries> {
  const mod = (await importEsm(`@embedded-postgres/${platform()}-${arch()}`)) as PostgresBinaries & {
    default?: PostgresBinaries;
  };
  return mod.default ?? mod;
}

async function loadCtor(): Promise<EmbeddedPostgresCtor> {
  const mod = (await importEsm('embedded-postgres')) as {
    default: EmbeddedPostgresCtor;
  };
  return mod.default;
}

async function postgresIds(): Promise<{ uid: number; gid: number } | null> {
  if (!isRoot()) return null;
  try {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', EMBEDDED_PG_USER]).then((r) => Number.parseInt(r.stdout, 10)),
      execFileAsync('id', ['-g', EMBEDDED_PG_USER]).then((r) => Number.parseInt(r.stdout, 10)),
    ]);
    return { uid, gid };
  } catch {
    return null;
  }
}

/**
 * As root the server runs as the OS user `postgres`, which must be able to reach the data folder:
 * every existing parent must be traversable by "others" (or owned by that user).
 */
export function checkTraversable(dir: string, ids: { uid: number; gid: number } | null): void {
  if (!ids) return;
  let current = dirname(dir);
  const root = parse(dir).root;
  while (current && current !== root) {
    if (existsSync(current)) {
      const st = statSync(current);
      const ok = st.uid === ids.uid ? (st.mode & 0o100) !== 0 : st.gid === ids.gid ? (st.mode & 0o010) !== 0 : (st.mode & 0o001) !== 0;
      if (!ok) {
        throw new EmbeddedPostgresError(
          `Embedded PostgreSQL runs as OS user "${EMBEDDED_PG_USER}", which cannot enter ${current} ` +
            `(needed to reach ${dir}). Run "chmod o+x ${current}", set EMBEDDED_PG_DIR to a reachable folder ` +
            `(e.g. under /tmp), or set DATABASE_URL.`,
        );
      }
    }
    current = dirname(current);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * After `kill -9` of Node the server keeps running, holding the port and `postmaster.pid`.
 * Stop such an orphan with the bundled `pg_ctl` before starting our own.
 */
async function stopOrphan(dir: string, bins: PostgresBinaries, ids: { uid: number; gid: number } | null, log: (l: string) => void) {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isFinite(pid) || !isAlive(pid)) return; // a stale file of a dead server: PostgreSQL handles it
  log(`Embedded PostgreSQL: found a server left running (pid ${pid}) on ${dir}; stopping it first.`);
  try {
    await execFileAsync(bins.pg_ctl, ['stop', '-D', dir, '-m', 'fast', '-w', '-t', '30'], {
      ...(ids ?? {}),
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new EmbeddedPostgresError(
      `Embedded PostgreSQL: could not stop the orphaned server (pid ${pid}) on ${dir}: ${(err.stderr || err.message).trim()}`,
    );
  }
}

async function withClient<T>(
  url: string,
  fn: (query: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>) => Promise<T>,
): Promise<T> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(async (sql, params) => (await client.query(sql, params)).rows);
  } finally {
    await client.end();
  }
}

/**
 * The two roles and the database, as the superuser. The roles get fresh random passwords at every
 * start and only this process learns them: nothing to store or leak, and the server listens on
 * loopback only. The superuser keeps its fixed local password (it is set at initdb).
 */
async function ensureRolesAndDatabase(
  superuserUrl: (database: string) => string,
  database: string,
  passwords: { owner: string; app: string },
  log: (line: string) => void,
): Promise<void> {
  await withClient(superuserUrl('postgres'), async (query) => {
    await ensureRoles(
      query,
      { name: EMBEDDED_OWNER_ROLE, password: passwords.owner },
      { name: EMBEDDED_APP_ROLE, password: passwords.app },
    );
    const found = await query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.length === 0) await query(`CREATE DATABASE ${quoteIdent(database)} OWNER ${quoteIdent(EMBEDDED_OWNER_ROLE)}`);
  });
  // A data folder from before the two roles: the superuser owned everything. Hand it over, once.
  const moved = await withClient(superuserUrl(database), (query) => takeOverOwnership(query, EMBEDDED_OWNER_ROLE));
  if (moved > 0)
    log(
      `Embedded PostgreSQL: ${moved} objects of database "${database}" now belong to ${EMBEDDED_OWNER_ROLE} (the app connects as ${EMBEDDED_APP_ROLE}).`,
    );
}

/**
 * A URL of the embedded server. With `socketDir`, `pg` connects through the server's Unix-domain socket in
 * that folder (the `host` parameter wins over the URL's host), which costs less kernel work per statement
 * than loopback TCP; the URL still names 127.0.0.1 and the port, so it parses like any other.
 */
export function embeddedUrl(
  port: number,
  database: string,
  user = EMBEDDED_PG_USER,
  password = EMBEDDED_PG_PASSWORD,
  socketDir: string | null = null,
): string {
  const base = `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return socketDir ? `${base}?host=${encodeURIComponent(socketDir)}` : base;
}

/**
 * The folder of the server's Unix-domain socket when this process can sign in through it, else null
 * (the URLs then stay on TCP). The server reports its own folders; the socket file must be there and a
 * first connection must succeed (a path this process cannot reach, or pg_hba without a local line, keeps TCP).
 */
async function reachableSocketDir(port: number, database: string): Promise<string | null> {
  const setting = await withClient(embeddedUrl(port, database), (query) => query('SHOW unix_socket_directories')).catch(() => []);
  const dirs = String(setting[0]?.unix_socket_directories ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter((d) => d.startsWith('/') && existsSync(join(d, `.s.PGSQL.${port}`)));
  for (const dir of dirs) {
    const ok = await withClient(embeddedUrl(port, database, EMBEDDED_PG_USER, EMBEDDED_PG_PASSWORD, dir), (query) =>
      query('SELECT 1'),
    ).then(
      () => true,
      () => false,
    );
    if (ok) return dir;
  }
  return null;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` binaries: initialises the data folder on
 * first use, recovers an orphan left by a crash, creates the owner and app roles and the database
 * (owned by the owner role) and returns the URLs of both roles.
 */
export async function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const { dir, port } = options;
  const database = options.database ?? 'impact';
  const log = options.log ?? (() => undefined);
  const recent: string[] = [];
  const remember = (m: unknown) => {
    const text = m instanceof Error ? m.message : String(m);
    for (const line of text.split('\n').filter((l) => l.trim())) {
      recent.push(line.trim());
      if (recent.length > 20) recent.shift();
    }
  };

  const ids = await postgresIds();
  checkTraversable(dir, ids);

  const [EmbeddedPostgres, bins] = await Promise.all([loadCtor(), loadBinaries()]);
  const pg: EmbeddedPostgresInstance = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: EMBEDDED_PG_USER,
    password: EMBEDDED_PG_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: remember,
    onError: remember,
  });

  const fresh = !existsSync(join(dir, 'PG_VERSION'));
  if (fresh) {
    log(`Embedded PostgreSQL: initialising a new data folder at ${dir}`);
    try {
      await pg.initialise();
    } catch (e) {
      remember(e);
      throw new EmbeddedPostgresError(`Embedded PostgreSQL: initdb failed in ${dir}: ${recent.slice(-3).join(' | ')}`);
    }
  } else {
    await stopOrphan(dir, bins, ids, log);
  }

  const start = async () => {
    recent.length = 0;
    try {
      await pg.start();
    } catch {
      // start() rejects without a reason; the server's own last lines say why.
      throw new EmbeddedPostgresError(
        `Embedded PostgreSQL failed to start on port ${port} with data in ${dir}` +
          (recent.length ? `: ${recent.slice(-3).join(' | ')}` : '') +
          ` (is the port taken? set EMBEDDED_PG_PORT, or DATABASE_URL for an external server)`,
      );
    }
  };
  await start();

  const passwords = { owner: randomBytes(24).toString('base64url'), app: randomBytes(24).toString('base64url') };
  try {
    await ensureRolesAndDatabase((db) => embeddedUrl(port, db), database, passwords, log);
  } catch (e) {
    await pg.stop().catch(() => undefined);
    throw e;
  }

  const socket = await reachableSocketDir(port, database);
  let running = true;
  return {
    url: embeddedUrl(port, database, EMBEDDED_APP_ROLE, passwords.app, socket),
    migrationUrl: embeddedUrl(port, database, EMBEDDED_OWNER_ROLE, passwords.owner, socket),
    superuserUrl: embeddedUrl(port, database, EMBEDDED_PG_USER, EMBEDDED_PG_PASSWORD, socket),
    port,
    dir,
    async stop() {
      if (!running) return;
      running = false;
      await pg.stop();
    },
    async restart() {
      if (running) return;
      await start();
      running = true;
    },
  };
}
