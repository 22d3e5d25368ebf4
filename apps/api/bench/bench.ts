/**
 * `npm run bench -- --scale N`: loads the data of `npm run bench:data -- --scale N` into a FRESH
 * embedded PostgreSQL and prints, in one run:
 *  - p50/p95 of GET /api/dashboard/summary for the whole network, one hub and one city (a liaison of
 *    the busiest city), against the floor: the same SQL statement sent straight through `pg`;
 *  - req/s of GET /api/commitments (one hub, in progress, sorted by target date, 50 rows) at 32
 *    connections (autocannon) against a bare node:http + pg handler running the same SQL.
 * Not part of `npm test`: it prints figures, it does not pass or fail on them.
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource, type Logger } from 'typeorm';
import type { DashboardFilters, DashboardSummary, SearchResults } from '@impact/contracts';
import type { AuthUser } from '../src/auth/auth-user';
import { CommitmentEntity } from '../src/commitments/commitment.entity';
import { CommitmentsRepository } from '../src/commitments/commitments.repository';
import { DashboardFiguresRepository } from '../src/dashboard/dashboard-figures.repository';
import { DASHBOARD_VIEWS } from '../src/dashboard/dashboard-refresher';
import { dashboardScope } from '../src/dashboard/dashboard-scope';
import { dataSourceOptions } from '../src/database/data-source-options';
import { atRiskSql, cityActiveSql, engagementLedToCommitmentSql, followUpOverdueSql } from '../src/rules';
import { argValue, dataDir, freePort, freshDatabase, log, scaleArg } from './common';
import { BENCH_TABLES } from './generate';

const autocannon = require('autocannon') as (
  opts: Record<string, unknown>,
) => Promise<{ requests: { average: number }; latency: { p50: number; p97_5: number }; non2xx: number; errors: number }>;

const root = resolve(__dirname, '../../..');
const ADMIN = { email: 'bench-admin@bench.test', password: 'bench-admin-password-2026' };
const LIAISON = { email: 'bench-liaison@bench.test', password: 'bench-liaison-password-2026' };
const RUNS = Number(argValue('runs', '200'));
const WARMUP = 20;
const DURATION = Number(argValue('duration', '10'));

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function httpJson<T>(port: number, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: T }> {
  return new Promise((ok, fail) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(data ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          ok({ status: res.statusCode ?? 0, body: (text ? JSON.parse(text) : null) as T });
        });
      },
    );
    req.on('error', fail);
    req.end(data);
  });
}

function quantiles(ms: number[]): { p50: number; p95: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { p50: at(0.5), p95: at(0.95) };
}

async function timeIt(n: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const [only] = await timeInTurns(n, [fn]);
  return only;
}

/**
 * Times several cases in turns (a, b, a, b … with the order swapped every round), so a slower or busier
 * moment of the machine, or the database settling after a refresh, weighs on every case alike instead
 * of on whichever ran first.
 */
async function timeInTurns(n: number, fns: (() => Promise<unknown>)[]): Promise<{ p50: number; p95: number }[]> {
  for (let i = 0; i < WARMUP; i++) for (const fn of fns) await fn();
  const ms: number[][] = fns.map(() => []);
  for (let i = 0; i < n; i++) {
    const order = i % 2 === 0 ? fns.map((_, k) => k) : fns.map((_, k) => fns.length - 1 - k);
    for (const k of order) {
      const t = process.hrtime.bigint();
      await fns[k]();
      ms[k].push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  return ms.map(quantiles);
}

function startChild(script: string, env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((ok, fail) => {
    const child = fork(join(__dirname, script), [], {
      // BENCH_CPU_PROF=<dir>: the API writes a V8 CPU profile there when it stops (for finding its own time).
      execArgv: [
        '-r',
        'ts-node/register',
        '-r',
        'tsconfig-paths/register',
        ...(process.env.BENCH_CPU_PROF && script === 'bench-api.ts' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
      ],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('message', (m) => (m === 'ready' ? ok(child) : undefined));
    child.once('exit', (code) => fail(new Error(`${script} exited with ${code}`)));
  });
}

const stopChild = (child: ChildProcess) =>
  new Promise<void>((ok) => {
    child.removeAllListeners('exit');
    child.once('exit', () => ok());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });

/** One statement as the API sends it. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * The API's own TypeORM set-up on the bench database, recording every statement it sends: the
 * repositories run here exactly as in the API, and the floors replay what they sent through `pg`.
 */
async function recordingDataSource(url: string): Promise<{ ds: DataSource; sent: Statement[] }> {
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

const f1 = (n: number) => n.toFixed(1);

async function main() {
  const scale = scaleArg();
  const dir = dataDir(scale);
  const manifestFile = join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`No bench data for scale ${scale}: run "npm run bench:data -- --scale ${scale}" first.`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const started = Date.now();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}`;
  log(`bench scale ${scale} on ${machine}`);

  const db = await freshDatabase('bench');
  const children: ChildProcess[] = [];
  try {
    // Load: the generator's COPY files, straight into the migrated schema.
    const loadStart = Date.now();
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    await pg.query(`SET session_replication_role = replica`);
    for (const table of BENCH_TABLES) await pg.query(`COPY "${table}" FROM '${join(dir, `${table}.bin`)}' (FORMAT binary)`);
    await pg.query(`SET session_replication_role = DEFAULT`);
    await pg.query(`VACUUM ANALYZE`);
    const loadSeconds = (Date.now() - loadStart) / 1000;
    log(`Loaded ${JSON.stringify(manifest.counts)} in ${f1(loadSeconds)} s`);

    // The API; it builds the dashboard rollups at start.
    const apiPort = await freePort();
    const bootStart = Date.now();
    children.push(
      await startChild('bench-api.ts', {
        BENCH_DATABASE_URL: db.appUrl,
        BENCH_MIGRATION_DATABASE_URL: db.ownerUrl,
        BENCH_PORT: String(apiPort),
        BENCH_ADMIN_EMAIL: ADMIN.email,
        BENCH_ADMIN_PASSWORD: ADMIN.password,
      }),
    );
    const bootSeconds = (Date.now() - bootStart) / 1000;
    await pg.query(`SELECT 1`);
    const [busiest] = (
      await pg.query(`SELECT c.id, c.name, c.hub_id, sum(a.engagements)::int AS n FROM cities c JOIN dashboard_city_activity a ON a.city_id = c.id
                       GROUP BY c.id ORDER BY n DESC LIMIT 1`)
    ).rows;
    const timeRefresh = async () => {
      const t = Date.now();
      for (const v of DASHBOARD_VIEWS) {
        await pg.query(`REFRESH MATERIALIZED VIEW CONCURRENTLY ${v}`);
      }
      return (Date.now() - t) / 1000;
    };
    const refreshSeconds = await timeRefresh();
    log(`API up in ${f1(bootSeconds)} s (rollups built at start); a full concurrent rollup refresh takes ${f1(refreshSeconds)} s`);

    const login = async (u: { email: string; password: string }) => {
      const r = await httpJson<{ accessToken: string; user: AuthUser }>(apiPort, 'POST', '/api/auth/login', undefined, u);
      if (r.status !== 200) throw new Error(`login ${u.email}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    };
    const admin = await login(ADMIN);
    const created = await httpJson(apiPort, 'POST', '/api/users', admin.accessToken, {
      ...LIAISON,
      name: 'Bench Liaison',
      role: 'city_liaison',
      hubIds: [],
      cityIds: [busiest.id],
    });
    if (created.status !== 201) throw new Error(`creating the liaison: ${created.status} ${JSON.stringify(created.body)}`);
    const liaison = await login(LIAISON);
    const adminUser: AuthUser = { ...admin.user, hubIds: admin.user.hubIds ?? [], cityIds: admin.user.cityIds ?? [] };
    const liaisonUser: AuthUser = { ...liaison.user, cityIds: [busiest.id], hubIds: [] };
    const hubId: string = busiest.hub_id;

    // Dashboard summary: API vs the same SQL straight through pg, as the API's own database role. The
    // rollups were just rebuilt: let the database settle them (vacuum, visibility) before timing anything.
    await pg.query(`VACUUM ANALYZE ${DASHBOARD_VIEWS.join(', ')}`);
    const appPg = new Client({ connectionString: db.appUrl });
    await appPg.connect();
    const orm = await recordingDataSource(db.appUrl);
    const figures = new DashboardFiguresRepository(orm.ds);
    const cases: { name: string; token: string; user: AuthUser; filters: DashboardFilters }[] = [
      { name: 'whole network', token: admin.accessToken, user: adminUser, filters: {} },
      { name: 'one hub', token: admin.accessToken, user: adminUser, filters: { hubId } },
      { name: `one city (${busiest.name}, ${busiest.n} engagements)`, token: liaison.accessToken, user: liaisonUser, filters: {} },
    ];
    const summaryRows: { name: string; api: { p50: number; p95: number }; floor: { p50: number; p95: number } }[] = [];
    for (const c of cases) {
      const qs = new URLSearchParams(c.filters as Record<string, string>).toString();
      const path = `/api/dashboard/summary${qs ? `?${qs}` : ''}`;
      const check = await httpJson<DashboardSummary>(apiPort, 'GET', path, c.token);
      if (check.status !== 200) throw new Error(`${path}: ${check.status}`);
      const [sql, params] = figures.summaryStatement(dashboardScope(c.user), c.filters);
      const [api, floor] = await timeInTurns(RUNS, [() => httpJson(apiPort, 'GET', path, c.token), () => appPg.query(sql, params)]);
      summaryRows.push({ name: c.name, api, floor });
      log(
        `  summary ${c.name}: API p50 ${f1(api.p50)} ms p95 ${f1(api.p95)} ms | SQL floor p50 ${f1(floor.p50)} ms p95 ${f1(floor.p95)} ms | ${(api.p50 / floor.p50).toFixed(2)}×  (engagements ${check.body.totals.engagements})`,
      );
    }

    // The fixed cost of any authenticated request (session check, guards, JSON; no other SQL): what the
    // summaries' API time above their floors is made of, at least in part.
    const me = await timeIt(RUNS, () => httpJson(apiPort, 'GET', '/api/auth/me', admin.accessToken));
    log(`  GET /api/auth/me (session check only): API p50 ${f1(me.p50)} ms p95 ${f1(me.p95)} ms`);

    // Search across kinds (goal: p50 ≤ 50 ms): a word of a real commitment title, as admin (every record) and as a liaison.
    const wordRow = await pg.query<{ word: string }>(
      `SELECT w AS word FROM commitments, regexp_split_to_table(title, '\\s+') w WHERE archived_at IS NULL AND length(w) >= 5 LIMIT 1`,
    );
    const searchWord = wordRow.rows[0]?.word ?? busiest.name;
    const searchPath = `/api/search?q=${encodeURIComponent(searchWord)}`;
    const searchCheck = await httpJson<SearchResults>(apiPort, 'GET', searchPath, admin.accessToken);
    if (searchCheck.status !== 200) throw new Error(`${searchPath}: ${searchCheck.status}`);
    const searchAdmin = await timeIt(RUNS, () => httpJson(apiPort, 'GET', searchPath, admin.accessToken));
    const searchLiaison = await timeIt(RUNS, () => httpJson(apiPort, 'GET', searchPath, liaison.accessToken));
    const searchTotal = searchCheck.body.groups.reduce((n, g) => n + g.total, 0);
    log(
      `  GET /api/search?q=${searchWord} (${searchTotal} matches): admin p50 ${f1(searchAdmin.p50)} ms p95 ${f1(searchAdmin.p95)} ms | liaison p50 ${f1(searchLiaison.p50)} ms p95 ${f1(searchLiaison.p95)} ms (goal p50 ≤ 50 ms)`,
    );

    // For reference: the network figures without rollups (the KPI SQL over the records).
    const baseSql = `SELECT
      (SELECT count(*) FROM cities c WHERE c.archived_at IS NULL AND ${cityActiveSql('c', null, null)}) AS active,
      (SELECT count(*) FROM engagements WHERE archived_at IS NULL) AS engagements,
      (SELECT sum(participants_total) FROM engagements WHERE archived_at IS NULL) AS participants,
      (SELECT count(*) FROM engagements e WHERE e.archived_at IS NULL AND ${engagementLedToCommitmentSql('e')}) AS led,
      (SELECT json_object_agg(status, n) FROM (SELECT status, count(*) n FROM commitments WHERE archived_at IS NULL GROUP BY status) s) AS statuses,
      (SELECT count(*) FROM commitments c WHERE c.archived_at IS NULL AND ${atRiskSql('c.status', 'c.target_date')}) AS at_risk,
      (SELECT count(*) FROM follow_ups f WHERE f.archived_at IS NULL AND ${followUpOverdueSql('f')}) AS overdue`;
    const base = await timeIt(Math.min(RUNS, 5), () => pg.query(baseSql)).catch(() => ({ p50: NaN, p95: NaN }));
    log(`  (reference) whole-network KPIs over the records, no rollups (median of 5): p50 ${f1(base.p50)} ms`);

    // List endpoint: the API vs a bare node:http + pg handler with the same SQL, 32 connections.
    const listFilters = { hubId, status: 'in_progress' as const, sort: 'targetDate:asc', page: 1, pageSize: 50 };
    // The list's statements as the API sends them: the page's ids and the total (together), then the
    // read models of those ids.
    orm.sent.length = 0;
    await new CommitmentsRepository(orm.ds.getRepository(CommitmentEntity)).list(adminUser, listFilters);
    const [first, second, load] = orm.sent;
    const [ids, total] = first.sql.includes('"total"') ? [second, first] : [first, second];
    await orm.ds.destroy();
    const barePort = await freePort();
    const bare = await startChild('bare-server.ts', {
      BENCH_DATABASE_URL: db.appUrl,
      BENCH_PORT: String(barePort),
      BENCH_LIST_QUERY: JSON.stringify({ ids, total, load, page: 1, pageSize: 50 }),
    });
    children.push(bare);
    const listPath = `/api/commitments?hubId=${hubId}&status=in_progress&sort=targetDate:asc&pageSize=50`;
    const listCheck = await httpJson<{ total: number; items: unknown[] }>(apiPort, 'GET', listPath, admin.accessToken);
    if (listCheck.status !== 200 || listCheck.body.items.length !== 50) throw new Error(`${listPath}: ${listCheck.status}`);
    const [apiOne, bareOne] = await timeInTurns(50, [
      () => httpJson(apiPort, 'GET', listPath, admin.accessToken),
      () => httpJson(barePort, 'GET', listPath),
    ]);
    log(`  list, one request at a time: API p50 ${f1(apiOne.p50)} ms, bare p50 ${f1(bareOne.p50)} ms`);
    // Both servers under the same load in turns (API, bare, bare, API: each DURATION/2 s twice, after a
    // 3 s warm-up each), so a busier moment of the shared machine does not fall on one side only.
    type Cannon = Awaited<ReturnType<typeof autocannon>>;
    const cannon = (port: number, headers: Record<string, string>, duration: number) =>
      autocannon({ url: `http://127.0.0.1:${port}${listPath}`, connections: 32, duration, headers });
    const apiHeaders = { authorization: `Bearer ${admin.accessToken}` };
    await cannon(apiPort, apiHeaders, 3);
    await cannon(barePort, {}, 3);
    const apiRuns: Cannon[] = [];
    const bareRuns: Cannon[] = [];
    apiRuns.push(await cannon(apiPort, apiHeaders, DURATION / 2));
    bareRuns.push(await cannon(barePort, {}, DURATION / 2));
    bareRuns.push(await cannon(barePort, {}, DURATION / 2));
    apiRuns.push(await cannon(apiPort, apiHeaders, DURATION / 2));
    const merged = (runs: Cannon[]): Cannon => ({
      requests: { average: runs.reduce((n, r) => n + r.requests.average, 0) / runs.length },
      latency: { p50: Math.max(...runs.map((r) => r.latency.p50)), p97_5: Math.max(...runs.map((r) => r.latency.p97_5)) },
      non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
      errors: runs.reduce((n, r) => n + r.errors, 0),
    });
    const apiList = merged(apiRuns);
    const bareList = merged(bareRuns);
    const ratio = apiList.requests.average / bareList.requests.average;
    log(
      `  list (${listCheck.body.total} matching, 50 rows): API ${f1(apiList.requests.average)} req/s (worst run p50 ${apiList.latency.p50} ms, non-2xx ${apiList.non2xx}) | bare ${f1(bareList.requests.average)} req/s (worst run p50 ${bareList.latency.p50} ms) | ${(ratio * 100).toFixed(0)} %`,
    );

    const seconds = (Date.now() - started) / 1000;
    const result = {
      scale,
      machine,
      at: new Date().toISOString(),
      counts: manifest.counts,
      loadSeconds,
      bootSeconds,
      refreshSeconds,
      summary: summaryRows,
      authMeP50: me.p50,
      search: { word: searchWord, matches: searchTotal, admin: searchAdmin, liaison: searchLiaison },
      baseTablesNetworkP50: base.p50,
      list: { matching: listCheck.body.total, apiReqPerSec: apiList.requests.average, bareReqPerSec: bareList.requests.average, ratio },
      seconds,
    };
    mkdirSync(join(root, 'tmp'), { recursive: true });
    writeFileSync(join(root, 'tmp', `bench-scale-${scale}.json`), JSON.stringify(result, null, 2));

    log('');
    log(`| case | API p50 | API p95 | SQL floor p50 | floor p95 | API / floor (p50) |`);
    log(`|---|---:|---:|---:|---:|---:|`);
    for (const r of summaryRows) {
      log(
        `| summary, ${r.name} | ${f1(r.api.p50)} ms | ${f1(r.api.p95)} ms | ${f1(r.floor.p50)} ms | ${f1(r.floor.p95)} ms | ${(r.api.p50 / r.floor.p50).toFixed(2)}× |`,
      );
    }
    log('');
    log(`| list endpoint (32 connections, ${DURATION} s) | req/s |`);
    log(`|---|---:|`);
    log(`| API GET ${listPath.replace(hubId, ':hub')} | ${f1(apiList.requests.average)} |`);
    log(`| bare node:http + pg, same SQL | ${f1(bareList.requests.average)} |`);
    log(`| API / bare | ${(ratio * 100).toFixed(0)} % |`);
    log('');
    log(
      `Done in ${f1(seconds)} s (load ${f1(loadSeconds)} s, API start with rollups ${f1(bootSeconds)} s). Figures also in tmp/bench-scale-${scale}.json`,
    );
    await appPg.end();
    await pg.end();
  } finally {
    for (const c of children) await stopChild(c);
    await db.close();
    agent.destroy();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
