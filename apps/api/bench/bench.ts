/**
 * `npm run bench -- --scale N`: loads the data of `npm run bench:data -- --scale N` into a FRESH
 * embedded PostgreSQL and prints, in one run:
 *  - p50/p95 of GET /api/dashboard/summary for the whole network, one hub and one city (a liaison of
 *    the busiest city), against the floor: the same SQL statement sent straight through `pg`;
 *  - req/s of GET /api/commitments (one hub, in progress, sorted by target date, 50 rows) at 32
 *    connections (autocannon) against a bare node:http + pg handler running the same SQL, and its p50
 *    one request at a time;
 *  - p50 of an engagements list (one city, a text search), one hub's overdue follow-ups and the public
 *    story list (1,000 published stories, added at load), each against its statements sent through `pg`;
 *  - freshness: seconds from a committed commitment write to a summary that shows it, and the rollups'
 *    database time per write (freshness.ts).
 * Not part of `npm test`: it prints figures, it does not pass or fail on them.
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join, resolve } from 'node:path';
import { Client, Pool } from 'pg';
import type { DashboardFilters, DashboardSummary, Page, PublicStoryList, SearchResults } from '@impact/contracts';
import type { AuthUser } from '../src/auth/auth-user';
import { CommitmentEntity } from '../src/commitments/commitment.entity';
import { CommitmentsRepository } from '../src/commitments/commitments.repository';
import { DashboardFiguresRepository } from '../src/dashboard/dashboard-figures.repository';
import { DASHBOARD_VIEWS } from '../src/dashboard/dashboard-refresher';
import { DASHBOARD_REFRESH_FUNCTION } from '../src/database/roles';
import { dashboardScope } from '../src/dashboard/dashboard-scope';
import { EngagementEntity } from '../src/engagements/engagement.entity';
import { EngagementsRepository } from '../src/engagements/engagements.repository';
import { FollowUpEntity } from '../src/follow-ups/follow-up.entity';
import { FollowUpsRepository } from '../src/follow-ups/follow-ups.repository';
import { StoryRevisionEntity } from '../src/stories/story-revision.entity';
import { StoryRevisionsRepository } from '../src/stories/story-revisions.repository';
import { atRiskSql, cityActiveSql, engagementLedToCommitmentSql, followUpOverdueSql } from '../src/rules';
import {
  argValue,
  currentDataDir,
  freePort,
  freshDatabase,
  loadBenchTables,
  log,
  loadValues,
  named,
  recordingDataSource,
  scaleArg,
  type ListStatements,
  type Statement,
} from './common';
import { FOLD_STATEMENTS_SETTINGS, measureFreshness } from './freshness';
import { measureTwoInstances } from './two-instances';

const autocannon = require('autocannon') as (
  opts: Record<string, unknown>,
) => Promise<{ requests: { average: number }; latency: { p50: number; p97_5: number }; non2xx: number; errors: number }>;

const root = resolve(__dirname, '../../..');
const ADMIN = { email: 'bench-admin@bench.test', password: 'bench-admin-password-2026' };
const LIAISON = { email: 'bench-liaison@bench.test', password: 'bench-liaison-password-2026' };
const RUNS = Number(argValue('runs', '200'));
const WARMUP = 20;
const DURATION = Number(argValue('duration', '10'));
/**
 * `--only lists` (or `--only lists,search`, …): besides the lists, which always run, time only the
 * groups named (`summary`: the summaries, /auth/me and the figures without rollups; `search`;
 * `freshness`: a write seen on the dashboard and the rollups' database time per write; `two`: two
 * API processes on the one database against one, in `two-instances.ts`), to
 * measure one change without the whole run. The figures then go to `tmp/bench-scale-N.only-<groups>.json`,
 * never over the full run's file.
 */
const GROUPS = ['summary', 'search', 'lists', 'freshness', 'two'] as const;
const ONLY = argValue('only', '')
  .split(',')
  .map((g) => g.trim())
  .filter(Boolean);
const unknownGroup = ONLY.find((g) => !(GROUPS as readonly string[]).includes(g));
if (unknownGroup) throw new Error(`--only takes ${GROUPS.join(', ')}, not ${unknownGroup}`);
const runs = (group: (typeof GROUPS)[number]) => ONLY.length === 0 || ONLY.includes(group);
/** A group's timing, or undefined (left out of the figures, never written as NaN or null) when not run. */
const when = <T>(group: (typeof GROUPS)[number], measure: () => Promise<T>): Promise<T | undefined> =>
  runs(group) ? measure() : Promise.resolve(undefined);

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

/** JSON.stringify's replacer: a figure that is not a number (a failed timing) is left out, and said, rather than written as null. */
function measuredOnly(key: string, value: unknown): unknown {
  if (typeof value !== 'number' || Number.isFinite(value)) return value;
  log(`  (${key} was not measured: left out of the figures)`);
  return undefined;
}

/** One statement as the API sends it. */
const f1 = (n: number) => n.toFixed(1);

/** How many published stories the bench adds for the public list (the generated data has none). */
const PUBLISHED_STORIES = 1_000;

/**
 * Publishes PUBLISHED_STORIES stories as the app would have frozen them (a live story and its current
 * revision with its snapshot): one or two cities each, a body of about 2 kB, every fourth story a French
 * version of the one before. Set-based, while triggers are off (loading).
 */
async function publishStories(pg: Client, n: number): Promise<void> {
  await pg.query(`CREATE TEMP TABLE bench_story AS
    SELECT g, gen_random_uuid() AS id, c.id AS city_id, c.name AS city_name, c.country_code, c.hub_id, h.name AS hub_name,
           (timestamptz '2023-01-01 09:00Z' + g * interval '17 hours') AS published_at,
           CASE WHEN g % 4 = 3 THEN 'fr' ELSE 'en' END AS language,
           (ARRAY['peer_learning','multi_actor','youth','national_local','global_crises'])[1 + g % 5] AS category,
           (SELECT u.id FROM users u ORDER BY u.id LIMIT 1) AS author_id
      FROM generate_series(0, ${n - 1}) g
      JOIN LATERAL (SELECT * FROM cities ORDER BY id OFFSET (g * 7) % 2000 LIMIT 1) c ON true
      JOIN hubs h ON h.id = c.hub_id`);
  await pg.query(`ALTER TABLE bench_story ADD COLUMN root_id uuid`);
  await pg.query(
    `UPDATE bench_story s SET root_id = CASE WHEN s.language = 'fr' THEN (SELECT p.id FROM bench_story p WHERE p.g = s.g - 1) ELSE s.id END`,
  );
  await pg.query(`INSERT INTO stories (id, title, category, hub_id, body, language, translation_of_id, status, author_id, approved_by_id, published_at)
    SELECT id, 'Story ' || g || ' of ' || city_name, category, hub_id, repeat('A city council and its partners met again. ', 50), language,
           CASE WHEN language = 'fr' THEN root_id END, 'published', author_id, author_id, published_at
      FROM bench_story`);
  await pg.query(`INSERT INTO story_cities (story_id, city_id) SELECT id, city_id FROM bench_story`);
  await pg.query(`INSERT INTO story_revisions (story_id, revision, current, root_id, title, category, language, hub_id, city_ids, snapshot, published_at, published_by_id)
    SELECT s.id, 1, true, s.root_id, 'Story ' || s.g || ' of ' || s.city_name, s.category, s.language, s.hub_id, ARRAY[s.city_id],
           jsonb_build_object('id', s.id, 'title', 'Story ' || s.g || ' of ' || s.city_name, 'category', s.category, 'language', s.language,
             'hub', jsonb_build_object('id', s.hub_id, 'name', s.hub_name),
             'cities', jsonb_build_array(jsonb_build_object('id', s.city_id, 'name', s.city_name, 'countryCode', s.country_code)),
             'summary', repeat('A city council and its partners met again. ', 5), 'body', repeat('A city council and its partners met again. ', 50),
             'bodyHtml', '<p>' || repeat('A city council and its partners met again. ', 50) || '</p>',
             'quotes', jsonb_build_array(jsonb_build_object('text', 'We learned from each other.', 'attribution', 'A mayor')),
             'figures', jsonb_build_array(jsonb_build_object('date', '2024-05-01', 'type', 'people_trained', 'value', 40 + s.g % 60, 'unit', 'people', 'description', 'Trained')),
             'publishedAt', to_char(s.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
           s.published_at, s.author_id
      FROM bench_story s`);
  await pg.query(`DROP TABLE bench_story`);
}

/** The list path's statements as a repository sent them. */
function listStatements(sent: Statement[]): ListStatements {
  const total = sent.find((s) => s.sql.includes('"total"'));
  // The read models are asked for once the ids have come back: always after them.
  const [first, load] = sent.filter((s) => s !== total);
  return load ? { total, ids: first, load } : { total, page: first };
}

/**
 * The floor of a list request: its statements straight through `pg` (the ids then the rows of those ids, and
 * the total beside them), each a named prepared statement (the API prepares some of them; the floor all).
 */
async function replayList(pool: Pool, s: ListStatements): Promise<unknown> {
  const [items, total] = await Promise.all([
    'page' in s
      ? pool.query(named(s.page)).then((r) => r.rows)
      : pool.query<{ id: string }>(named(s.ids)).then(async (ids) => {
          const pageIds = ids.rows.map((r) => r.id);
          return pageIds.length ? (await pool.query(named(s.load, loadValues(s.load, pageIds)))).rows : [];
        }),
    // Counted only when the API counted (a text search's short page tells its total).
    s.total ? pool.query(named(s.total)) : Promise.resolve({ rows: [] }),
  ]);
  return { items, total: total.rows[0]?.total };
}

async function main() {
  const scale = scaleArg();
  const dir = currentDataDir(scale);
  if (!dir) throw new Error(`No bench data for scale ${scale}: run "npm run bench:data -- --scale ${scale}" first.`);
  const manifestFile = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const started = Date.now();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}`;
  log(`bench scale ${scale} on ${machine}`);

  const foldStatements = process.argv.includes('--fold-statements');
  const db = await freshDatabase('bench', foldStatements ? FOLD_STATEMENTS_SETTINGS : undefined);
  const children: ChildProcess[] = [];
  try {
    // Load: the generator's COPY files, straight into the migrated schema.
    const loadStart = Date.now();
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    await loadBenchTables(pg, dir);
    await pg.query(`SET session_replication_role = replica`);
    await publishStories(pg, PUBLISHED_STORIES);
    await pg.query(`SET session_replication_role = DEFAULT`);
    await pg.query(`VACUUM ANALYZE`);
    const loadSeconds = (Date.now() - loadStart) / 1000;
    log(`Loaded ${JSON.stringify(manifest.counts)} in ${f1(loadSeconds)} s`);

    // The API; it builds the dashboard rollups at start.
    const apiPort = await freePort();
    const bootStart = Date.now();
    const apiEnv = {
      BENCH_DATABASE_URL: db.appUrl,
      BENCH_MIGRATION_DATABASE_URL: db.ownerUrl,
      BENCH_ADMIN_EMAIL: ADMIN.email,
      BENCH_ADMIN_PASSWORD: ADMIN.password,
    };
    children.push(await startChild('bench-api.ts', { ...apiEnv, BENCH_PORT: String(apiPort) }));
    const bootSeconds = (Date.now() - bootStart) / 1000;
    await pg.query(`SELECT 1`);
    const [busiest] = (
      await pg.query(`SELECT c.id, c.name, c.hub_id, sum(a.engagements)::int AS n FROM cities c JOIN dashboard_city_activity a ON a.city_id = c.id
                       GROUP BY c.id ORDER BY n DESC LIMIT 1`)
    ).rows;
    const timeRefresh = async () => {
      const t = Date.now();
      for (const v of DASHBOARD_VIEWS) {
        await pg.query(`SELECT ${DASHBOARD_REFRESH_FUNCTION}($1)`, [v]);
      }
      return (Date.now() - t) / 1000;
    };
    const refreshSeconds = await timeRefresh();
    log(`API up in ${f1(bootSeconds)} s (rollups built at start); a whole rebuild of every rollup takes ${f1(refreshSeconds)} s`);

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
    for (const c of runs('summary') ? cases : []) {
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
    const me = await when('summary', () => timeIt(RUNS, () => httpJson(apiPort, 'GET', '/api/auth/me', admin.accessToken)));
    if (me) log(`  GET /api/auth/me (session check only): API p50 ${f1(me.p50)} ms p95 ${f1(me.p95)} ms`);

    // Search across kinds (goal: p50 ≤ 50 ms): a word of a real commitment title, as admin (every record) and as a liaison.
    const wordRow = await pg.query<{ word: string }>(
      `SELECT w AS word FROM commitments, regexp_split_to_table(title, '\\s+') w WHERE archived_at IS NULL AND length(w) >= 5 LIMIT 1`,
    );
    const searchWord = wordRow.rows[0]?.word ?? busiest.name;
    const searchPath = `/api/search?q=${encodeURIComponent(searchWord)}`;
    const searchCheck = await httpJson<SearchResults>(apiPort, 'GET', searchPath, admin.accessToken);
    if (searchCheck.status !== 200) throw new Error(`${searchPath}: ${searchCheck.status}`);
    const searchTotal = searchCheck.body.groups.reduce((n, g) => n + g.total, 0);
    const search = await when('search', async () => {
      const admins = await timeIt(RUNS, () => httpJson(apiPort, 'GET', searchPath, admin.accessToken));
      const liaisons = await timeIt(RUNS, () => httpJson(apiPort, 'GET', searchPath, liaison.accessToken));
      log(
        `  GET /api/search?q=${searchWord} (${searchTotal} matches): admin p50 ${f1(admins.p50)} ms p95 ${f1(admins.p95)} ms | liaison p50 ${f1(liaisons.p50)} ms p95 ${f1(liaisons.p95)} ms (goal p50 ≤ 50 ms)`,
      );
      return { word: searchWord, matches: searchTotal, admin: admins, liaison: liaisons };
    });

    // For reference: the network figures without rollups (the KPI SQL over the records).
    const baseSql = `SELECT
      (SELECT count(*) FROM cities c WHERE c.archived_at IS NULL AND ${cityActiveSql('c', null, null)}) AS active,
      (SELECT count(*) FROM engagements WHERE archived_at IS NULL) AS engagements,
      (SELECT sum(participants_total) FROM engagements WHERE archived_at IS NULL) AS participants,
      (SELECT count(*) FROM engagements e WHERE e.archived_at IS NULL AND ${engagementLedToCommitmentSql('e')}) AS led,
      (SELECT json_object_agg(status, n) FROM (SELECT status, count(*) n FROM commitments WHERE archived_at IS NULL GROUP BY status) s) AS statuses,
      (SELECT count(*) FROM commitments c WHERE c.archived_at IS NULL AND ${atRiskSql('c.status', 'c.target_date')}) AS at_risk,
      (SELECT count(*) FROM follow_ups f WHERE f.archived_at IS NULL AND ${followUpOverdueSql('f')}) AS overdue`;
    const base = await when('summary', () => timeIt(Math.min(RUNS, 5), () => pg.query(baseSql)).catch(() => undefined));
    if (base) log(`  (reference) whole-network KPIs over the records, no rollups (median of 5): p50 ${f1(base.p50)} ms`);

    // List endpoint: the API vs a bare node:http + pg handler with the same SQL, 32 connections.
    const listFilters = { hubId, status: 'in_progress' as const, sort: 'targetDate:asc', page: 1, pageSize: 50 };
    // The list's statements as the API sends them: the page's ids and the total (together), then the
    // read models of those ids.
    orm.sent.length = 0;
    await new CommitmentsRepository(orm.ds.getRepository(CommitmentEntity)).listJson(adminUser, listFilters);
    const commitmentStatements = listStatements(orm.sent);

    // Two more lists one request at a time, each against its own statements through pg: engagements of
    // the busiest city matching a text (trigram search), and one hub's overdue follow-ups.
    const [recent] = (
      await pg.query<{ title: string }>(
        `SELECT title FROM engagements WHERE host_city_id = $1 AND archived_at IS NULL ORDER BY start_date DESC LIMIT 1`,
        [busiest.id],
      )
    ).rows;
    const engagementQ = (recent?.title ?? '1234').replace(/^\D+/, '').slice(-4);
    orm.sent.length = 0;
    await new EngagementsRepository(orm.ds.getRepository(EngagementEntity)).list(adminUser, {
      cityId: busiest.id,
      q: engagementQ,
      pageSize: 50,
    });
    const engagementStatements = listStatements(orm.sent);
    orm.sent.length = 0;
    await new FollowUpsRepository(orm.ds.getRepository(FollowUpEntity)).list(adminUser, { hubId, overdue: true, pageSize: 50 });
    const followUpStatements = listStatements(orm.sent);
    // The public story list: its statements replayed in order (the count, the page with its language versions).
    orm.sent.length = 0;
    await new StoryRevisionsRepository(orm.ds.getRepository(StoryRevisionEntity)).publicPageJson({});
    const storyStatements = [...orm.sent];
    await orm.ds.destroy();

    const floorPool = new Pool({ connectionString: db.appUrl, max: 2 });
    const oneList = async (name: string, path: string, floor: () => Promise<unknown>, token?: string) => {
      const check = await httpJson<Page<unknown>>(apiPort, 'GET', path, token);
      if (check.status !== 200) throw new Error(`${path}: ${check.status} ${JSON.stringify(check.body)}`);
      const [api, sql] = await timeInTurns(RUNS, [() => httpJson(apiPort, 'GET', path, token), floor]);
      log(
        `  ${name} (${check.body.total} matching, ${check.body.items.length} rows): API p50 ${f1(api.p50)} ms p95 ${f1(api.p95)} ms | SQL floor p50 ${f1(sql.p50)} ms | ${(api.p50 / sql.p50).toFixed(2)}×`,
      );
      return { path: path.replace(hubId, ':hub').replace(busiest.id, ':city'), matching: check.body.total, api, floor: sql };
    };
    const engagementsList = await oneList(
      `engagements of one city with q=${engagementQ}`,
      `/api/engagements?cityId=${busiest.id}&q=${encodeURIComponent(engagementQ)}&pageSize=50`,
      () => replayList(floorPool, engagementStatements),
      admin.accessToken,
    );
    const followUpsList = await oneList(
      'overdue follow-ups of one hub',
      `/api/follow-ups?hubId=${hubId}&overdue=true&pageSize=50`,
      () => replayList(floorPool, followUpStatements),
      admin.accessToken,
    );
    const publicCheck = await httpJson<PublicStoryList>(apiPort, 'GET', '/api/public/stories');
    if (publicCheck.status !== 200 || publicCheck.body.total !== PUBLISHED_STORIES) {
      throw new Error(`/api/public/stories: ${publicCheck.status}, total ${publicCheck.body.total}`);
    }
    const publicStories = await oneList(`public stories (${PUBLISHED_STORIES} published, first page)`, '/api/public/stories', async () => {
      for (const st of storyStatements) await floorPool.query(st.sql, st.params);
    });
    await floorPool.end();
    const barePort = await freePort();
    const bare = await startChild('bare-server.ts', {
      BENCH_DATABASE_URL: db.appUrl,
      BENCH_PORT: String(barePort),
      BENCH_LIST_QUERY: JSON.stringify({ statements: commitmentStatements, page: 1, pageSize: 50 }),
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
    // A deep page of the same list: by offset (`page=200`) and by cursor (`after` = page 199's nextCursor).
    const deepPage = Math.min(200, Math.ceil(listCheck.body.total / 50));
    const before = await httpJson<{ nextCursor?: string | null }>(apiPort, 'GET', `${listPath}&page=${deepPage - 1}`, admin.accessToken);
    const deepOffsetPath = `${listPath}&page=${deepPage}`;
    const deepCursorPath = `${listPath}&after=${before.body.nextCursor ?? ''}`;
    const [deepOffset, deepCursor] = await timeInTurns(50, [
      () => httpJson(apiPort, 'GET', deepOffsetPath, admin.accessToken),
      () => httpJson(apiPort, 'GET', deepCursorPath, admin.accessToken),
    ]);
    const deepSame =
      JSON.stringify((await httpJson(apiPort, 'GET', deepOffsetPath, admin.accessToken)).body) ===
      JSON.stringify((await httpJson(apiPort, 'GET', deepCursorPath, admin.accessToken)).body);
    log(
      `  list, page ${deepPage}: by offset p50 ${f1(deepOffset.p50)} ms p95 ${f1(deepOffset.p95)} ms | by cursor p50 ${f1(deepCursor.p50)} ms p95 ${f1(deepCursor.p95)} ms | same answer: ${deepSame}`,
    );
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

    // A write seen on the dashboard, and the rollups' database time per write (see freshness.ts).
    const freshness = await when('freshness', () =>
      measureFreshness({
        http: (method, path, body) => httpJson(apiPort, method, path, admin.accessToken, body),
        superuserUrl: db.url,
        cityId: busiest.id,
        writes: Number(argValue('freshness-writes', '20')),
        log,
        statements: foldStatements,
      }),
    );
    // Two API processes on this database vs one, same list case (`--only two`).
    const twoInstances = await when('two', () =>
      measureTwoInstances({
        pg,
        firstPort: apiPort,
        startSecond: async () => {
          const port = await freePort();
          children.push(await startChild('bench-api.ts', { ...apiEnv, BENCH_PORT: String(port) }));
          return port;
        },
        path: listPath,
        alsoCompare: [listPath.replace('pageSize=50', 'pageSize=50&page=2'), searchPath],
        token: admin.accessToken,
        duration: DURATION,
      }),
    );

    const seconds = (Date.now() - started) / 1000;
    const result = {
      scale,
      machine,
      at: new Date().toISOString(),
      /** The groups timed (the lists always); the others' keys are left out. */
      groups: GROUPS.filter((g) => g === 'lists' || runs(g)),
      counts: manifest.counts,
      loadSeconds,
      bootSeconds,
      refreshSeconds,
      summary: runs('summary') ? summaryRows : undefined,
      authMeP50: me?.p50,
      search,
      baseTablesNetworkP50: base?.p50,
      list: {
        matching: listCheck.body.total,
        apiReqPerSec: apiList.requests.average,
        bareReqPerSec: bareList.requests.average,
        ratio,
        apiP50: apiOne.p50,
        apiP95: apiOne.p95,
        bareP50: bareOne.p50,
        deepPage: { page: deepPage, offset: deepOffset, cursor: deepCursor, sameAnswer: deepSame },
      },
      engagementsList: {
        ...engagementsList,
        q: engagementQ,
        apiP50: engagementsList.api.p50,
        floorP50: engagementsList.floor.p50,
      },
      overdueFollowUps: { ...followUpsList, apiP50: followUpsList.api.p50, floorP50: followUpsList.floor.p50 },
      publicStories: {
        published: PUBLISHED_STORIES,
        pageSize: publicCheck.body.pageSize,
        statements: storyStatements.length,
        p50: publicStories.api.p50,
        p95: publicStories.api.p95,
        floorP50: publicStories.floor.p50,
      },
      freshness,
      twoInstances,
      seconds,
    };
    mkdirSync(join(root, 'tmp'), { recursive: true });
    const resultFile = `bench-scale-${scale}${ONLY.length ? `.only-${ONLY.join('+')}` : ''}.json`;
    writeFileSync(join(root, 'tmp', resultFile), JSON.stringify(result, measuredOnly, 2));

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
    log(`| list, one request at a time | API p50 | API p95 | floor p50 | API / floor |`);
    log(`|---|---:|---:|---:|---:|`);
    log(
      `| commitments, one hub in progress by target date | ${f1(apiOne.p50)} ms | ${f1(apiOne.p95)} ms | ${f1(bareOne.p50)} ms (bare) | ${(apiOne.p50 / bareOne.p50).toFixed(2)}× |`,
    );
    for (const [name, r] of [
      [`engagements of one city, q=${engagementQ}`, engagementsList],
      ['overdue follow-ups of one hub', followUpsList],
      [`public stories, ${PUBLISHED_STORIES} published`, publicStories],
    ] as const) {
      log(`| ${name} | ${f1(r.api.p50)} ms | ${f1(r.api.p95)} ms | ${f1(r.floor.p50)} ms | ${(r.api.p50 / r.floor.p50).toFixed(2)}× |`);
    }
    log('');
    log(
      `Done in ${f1(seconds)} s (load ${f1(loadSeconds)} s, API start with rollups ${f1(bootSeconds)} s). Figures also in tmp/${resultFile}`,
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
