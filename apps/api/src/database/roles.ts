import type { DataSource } from 'typeorm';

/**
 * Least privilege in the database. Two roles: the OWNER owns the schema and everything in it and runs
 * the migrations, the demo data and the admin bootstrap; the APP role (DATABASE_URL) serves requests
 * with row-level rights only. It cannot alter, drop, truncate or create anything, and on audit_log it
 * may only add and read rows, so it can neither disable the append-only trigger nor rewrite history.
 */

import { DASHBOARD_TOTALS, DASHBOARD_VIEWS } from '../dashboard/rollups';
import { JOBS_SCHEMA } from '../jobs/queues';

/** Rebuilds one dashboard rollup whole as the owner (the rollups are the owner's); the app may only EXECUTE it. */
export const DASHBOARD_REFRESH_FUNCTION = 'refresh_dashboard_rollup';
export const DASHBOARD_REFRESH_SIGNATURE = `${DASHBOARD_REFRESH_FUNCTION}(text)`;
/** Brings the dashboard rollups' rows of the keys written since the last fold up to date, as the owner. */
export const DASHBOARD_FOLD_FUNCTION = 'fold_dashboard_rollups';
/** Moves the day the dashboard's pre-folded totals are as of to today, as the owner. */
export const DASHBOARD_ADVANCE_FUNCTION = 'advance_dashboard_totals';
/** The owner's SECURITY DEFINER functions the app may call; every other one is the owner's alone. */
const APP_CALLABLE_FUNCTIONS: readonly string[] = [DASHBOARD_REFRESH_FUNCTION, DASHBOARD_FOLD_FUNCTION, DASHBOARD_ADVANCE_FUNCTION];

/** Rows the app adds and reads but never changes. */
const APPEND_ONLY_TABLES: ReadonlySet<string> = new Set(['audit_log']);
/** Rows the app only reads: the dashboard rollups and their totals, written by the owner's functions alone. */
const READ_ONLY_TABLES: ReadonlySet<string> = new Set([...DASHBOARD_VIEWS, ...DASHBOARD_TOTALS]);
/** Migration bookkeeping, and the keys of the dashboard fold under way: none of the app's business. */
const NO_ACCESS_TABLES: ReadonlySet<string> = new Set(['migrations', 'typeorm_metadata', 'dashboard_folding']);

/** A set-up problem with the database roles the operator can fix: printed as one line at start. */
export class DatabaseRoleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseRoleError';
  }
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The role a connection URL signs in as (`postgres://ROLE:password@host/db`), or null when it names none. */
export function roleOfUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    const fromQuery = parsed.searchParams.get('user');
    const user = parsed.username ? decodeURIComponent(parsed.username) : fromQuery;
    return user || null;
  } catch {
    return null;
  }
}

type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export interface GrantResult {
  /** The app connects as the owner itself: nothing to grant, and no least privilege. */
  sameRole: boolean;
  appRole: string;
  /** A superuser ignores every grant: least privilege needs another role in DATABASE_URL. */
  appIsSuperuser: boolean;
  /** Statements that could not apply because the owner does not own the database or the schema. */
  skipped: string[];
}

/**
 * Gives the app role exactly what it needs and takes away anything else, on every relation of the
 * schema as it is now. Idempotent; run AS THE OWNER after every migration run (so tables added by later
 * migrations are covered, and a table that must become append-only loses its UPDATE/DELETE).
 * Deliberately no ALTER DEFAULT PRIVILEGES: a new table gets no rights until this step has looked at it.
 */
export async function grantAppPrivileges(dataSource: DataSource, appRole: string): Promise<GrantResult> {
  try {
    return await dataSource.transaction((m) => grantWith((sql, params) => m.query(sql, params), appRole));
  } catch (e) {
    const code = (e as { driverError?: { code?: string } }).driverError?.code;
    if (code === '42501') {
      // "must be owner of table …": names an object, never a value.
      throw new DatabaseRoleError(
        `The migration role cannot grant the app role its rights (${(e as Error).message}): the role in MIGRATION_DATABASE_URL must own the schema's tables.`,
      );
    }
    throw e;
  }
}

export async function grantWith(query: Query, appRole: string): Promise<GrantResult> {
  const [me] = await query(
    `SELECT current_user AS role, current_database() AS db, current_schema() AS schema,
            pg_has_role(current_user, (SELECT datdba FROM pg_database WHERE datname = current_database()), 'MEMBER') AS owns_db,
            pg_has_role(current_user, (SELECT nspowner FROM pg_namespace WHERE nspname = current_schema()), 'MEMBER') AS owns_schema`,
  );
  const [role] = await query(`SELECT rolsuper FROM pg_roles WHERE rolname = $1`, [appRole]);
  if (!role) {
    throw new DatabaseRoleError(
      `The app's database role "${appRole}" (the user in DATABASE_URL) does not exist: create it first (see README).`,
    );
  }
  const result: GrantResult = { sameRole: me['role'] === appRole, appRole, appIsSuperuser: role['rolsuper'] === true, skipped: [] };
  if (result.sameRole) return result;
  // Two instances starting together would otherwise trip over each other's GRANTs (tuple concurrently updated).
  await query(`SELECT pg_advisory_xact_lock(hashtext('impact-tracker:grants'))`);
  const app = quoteIdent(appRole);
  const schema = quoteIdent(String(me['schema']));
  const db = quoteIdent(String(me['db']));

  if (me['owns_db']) {
    // Nobody but the owner and the app connects, and nobody creates temporary tables.
    await query(`REVOKE ALL ON DATABASE ${db} FROM PUBLIC`);
    await query(`REVOKE ALL ON DATABASE ${db} FROM ${app}`);
    await query(`GRANT CONNECT ON DATABASE ${db} TO ${app}`);
  } else result.skipped.push(`database ${me['db']}: CONNECT only for the app, no TEMPORARY`);
  if (me['owns_schema']) {
    await query(`REVOKE ALL ON SCHEMA ${schema} FROM PUBLIC`);
    await query(`REVOKE ALL ON SCHEMA ${schema} FROM ${app}`);
    await query(`GRANT USAGE ON SCHEMA ${schema} TO ${app}`);
  } else result.skipped.push(`schema ${me['schema']}: no CREATE for PUBLIC or the app`);

  // Every relation of the schema except the extensions' own (pg_trgm, citext: they keep PUBLIC's rights).
  const relations = (await query(
    `SELECT c.relname AS name, c.relkind AS kind,
            (SELECT t.relname FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid
              WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
                AND d.deptype IN ('a', 'i') LIMIT 1) AS owned_by
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
        AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
      ORDER BY c.relname`,
  )) as { name: string; kind: string; owned_by: string | null }[];
  for (const r of relations) {
    const name = `${schema}.${quoteIdent(r.name)}`;
    if (r.kind === 'S') {
      await query(`REVOKE ALL ON SEQUENCE ${name} FROM PUBLIC, ${app}`);
      if (!r.owned_by || !NO_ACCESS_TABLES.has(r.owned_by)) await query(`GRANT USAGE, SELECT ON SEQUENCE ${name} TO ${app}`);
      continue;
    }
    await query(`REVOKE ALL ON TABLE ${name} FROM PUBLIC, ${app}`);
    const rights =
      r.kind === 'v' || r.kind === 'm' || READ_ONLY_TABLES.has(r.name)
        ? 'SELECT'
        : NO_ACCESS_TABLES.has(r.name)
          ? null
          : APPEND_ONLY_TABLES.has(r.name)
            ? 'SELECT, INSERT'
            : 'SELECT, INSERT, UPDATE, DELETE';
    if (rights) await query(`GRANT ${rights} ON TABLE ${name} TO ${app}`);
  }

  // The job runner's schema (pg-boss): rows only; its tables and queues are made by the owner.
  const [jobs] = await query(`SELECT nspname FROM pg_namespace WHERE nspname = $1`, [JOBS_SCHEMA]);
  if (jobs) {
    const js = quoteIdent(JOBS_SCHEMA);
    await query(`REVOKE ALL ON SCHEMA ${js} FROM PUBLIC, ${app}`);
    await query(`GRANT USAGE ON SCHEMA ${js} TO ${app}`);
    await query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${js} TO ${app}`);
    await query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${js} TO ${app}`);
  }

  // Functions: PUBLIC keeps EXECUTE on ordinary ones (trigger functions cannot be called directly);
  // the SECURITY DEFINER ones run as the owner, so only the app may call them.
  const definers = (await query(
    `SELECT p.oid::regprocedure::text AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = current_schema() AND p.prosecdef
        AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')`,
  )) as { signature: string }[];
  for (const f of definers) {
    await query(`REVOKE ALL ON FUNCTION ${f.signature} FROM PUBLIC, ${app}`);
    if (APP_CALLABLE_FUNCTIONS.some((name) => f.signature.startsWith(`${name}(`)))
      await query(`GRANT EXECUTE ON FUNCTION ${f.signature} TO ${app}`);
  }
  return result;
}

/** A role to create on a server we administer (the embedded one, the test server). */
export interface RoleSpec {
  name: string;
  password: string;
}

/**
 * Creates the owner and the app role if missing, and sets their passwords. Run as a superuser.
 * Neither can create roles or databases, neither is a superuser, and the app role inherits nothing.
 */
export async function ensureRoles(query: Query, owner: RoleSpec, app: RoleSpec): Promise<void> {
  for (const [spec, flags] of [
    [owner, 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS'],
    [app, 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT'],
  ] as const) {
    const exists = await query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [spec.name]);
    // Passwords cannot be bind parameters in CREATE/ALTER ROLE; they are generated or constant, and quoted.
    const password = `'${spec.password.replace(/'/g, "''")}'`;
    await query(`${exists.length ? 'ALTER' : 'CREATE'} ROLE ${quoteIdent(spec.name)} WITH ${flags} PASSWORD ${password}`);
  }
}

/**
 * Makes `owner` the owner of the current database and of everything in its schema that something
 * else owns (a data folder from before the two roles, where the superuser owned it all). Run as a
 * superuser, connected to that database. Returns how many objects changed hands (0 once done).
 */
export async function takeOverOwnership(query: Query, owner: string): Promise<number> {
  const o = quoteIdent(owner);
  let moved = 0;
  const [db] = await query(
    `SELECT current_database() AS name, pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = current_database()`,
  );
  if (db['owner'] !== owner) {
    await query(`ALTER DATABASE ${quoteIdent(String(db['name']))} OWNER TO ${o}`);
    moved++;
  }
  const [schema] = await query(
    `SELECT nspname AS name, pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = current_schema()`,
  );
  if (schema && schema['owner'] !== owner && schema['owner'] !== 'pg_database_owner') {
    await query(`ALTER SCHEMA ${quoteIdent(String(schema['name']))} OWNER TO ${o}`);
    moved++;
  }
  const notExtension = (catalog: string, alias: string) =>
    `NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '${catalog}'::regclass AND e.objid = ${alias}.oid AND e.deptype = 'e')`;
  // Sequences that belong to a table move with it.
  const relations = (await query(
    `SELECT c.relname AS name, c.relkind AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = $1)
        AND ${notExtension('pg_class', 'c')}
        AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                              AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')))`,
    [owner],
  )) as { name: string; kind: string }[];
  const keyword: Record<string, string> = { r: 'TABLE', p: 'TABLE', f: 'FOREIGN TABLE', v: 'VIEW', m: 'MATERIALIZED VIEW', S: 'SEQUENCE' };
  for (const r of relations) {
    await query(`ALTER ${keyword[r.kind]} ${quoteIdent(r.name)} OWNER TO ${o}`);
    moved++;
  }
  const functions = (await query(
    `SELECT p.oid::regprocedure::text AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = current_schema() AND p.proowner <> (SELECT oid FROM pg_roles WHERE rolname = $1) AND ${notExtension('pg_proc', 'p')}`,
    [owner],
  )) as { signature: string }[];
  for (const f of functions) {
    await query(`ALTER ROUTINE ${f.signature} OWNER TO ${o}`);
    moved++;
  }
  const types = (await query(
    `SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema() AND t.typtype IN ('e', 'd', 'c') AND t.typowner <> (SELECT oid FROM pg_roles WHERE rolname = $1)
        AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c') AND ${notExtension('pg_type', 't')}`,
    [owner],
  )) as { name: string }[];
  for (const t of types) {
    await query(`ALTER TYPE ${quoteIdent(t.name)} OWNER TO ${o}`);
    moved++;
  }
  return moved;
}
