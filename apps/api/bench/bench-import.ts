/**
 * `npm run bench:import [-- --rows N]`: imports N engagements, then N commitments naming them, into a
 * fresh embedded database through the real API (multipart upload, the pg-boss job, the services'
 * write paths), and prints rows/s for each file and the API process's peak resident memory (VmHWM).
 * `--server dist` runs the built server (`dist/apps/api/main.js`, build it first) instead of
 * `bench-api.ts` under ts-node, whose compiler stays in the process and weighs on its memory.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { COMMITMENT_KINDS, ENGAGEMENT_TYPES, type ImportRecord } from '@impact/contracts';
import { argValue, freePort, freshDatabase, log } from './common';
import { explainImportBatch } from './explain-import';

const ADMIN = { email: 'bench-admin@bench.test', password: 'bench-admin-password-2026' };
const HUBS = 8;
const CITIES = 400;
const PARTNERS = 100;

const mb = (kb: number) => (kb / 1024).toFixed(0);

/** The API process's current and peak resident memory, in kB (Linux /proc). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** The built server (`npx nx run api:build`), run as production runs it. */
const DIST_MAIN = join(__dirname, '../../../dist/apps/api/main.js');

/** Extra Node options for the API process (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`), which NODE_OPTIONS refuses. */
const apiNodeArgs = () => (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);

/** The heap limit production starts the API with (`npm start`, the Docker image); `BENCH_API_NODE_ARGS` may set another. */
const PRODUCTION_HEAP = '--max-old-space-size=512';

/** `bench-api.ts` through ts-node (the compiler stays loaded in the process: its memory counts too). */
function startTsApi(env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((ok, fail) => {
    const child = fork(join(__dirname, 'bench-api.ts'), [], {
      execArgv: [...apiNodeArgs(), '-r', 'ts-node/register', '-r', 'tsconfig-paths/register'],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('message', (m) => (m === 'ready' ? ok(child) : undefined));
    child.once('exit', (code) => fail(new Error(`bench-api.ts exited with ${code}`)));
  });
}

/** The built `dist` server with the same production settings; ready once its health route answers. */
async function startDistApi(env: Record<string, string>): Promise<ChildProcess> {
  if (!existsSync(DIST_MAIN)) throw new Error(`${DIST_MAIN} is missing: build it first (npx nx run api:build)`);
  log(`built server ${DIST_MAIN}, built ${statSync(DIST_MAIN).mtime.toISOString()}`);
  const child = fork(DIST_MAIN, [], {
    execArgv: [PRODUCTION_HEAP, ...apiNodeArgs()],
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      PORT: env.BENCH_PORT,
      JWT_SECRET: 'bench-only-secret-0123456789abcdef0123456789',
      DATABASE_URL: env.BENCH_DATABASE_URL,
      MIGRATION_DATABASE_URL: env.BENCH_MIGRATION_DATABASE_URL,
      ADMIN_EMAIL: env.BENCH_ADMIN_EMAIL,
      ADMIN_PASSWORD: env.BENCH_ADMIN_PASSWORD,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  for (const end = Date.now() + 120_000; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) {
    if (exited !== undefined) throw new Error(`the built server exited with ${exited}`);
    const up = await fetch(`http://127.0.0.1:${env.BENCH_PORT}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return child;
  }
  child.kill('SIGKILL');
  throw new Error('the built server did not answer within 2 minutes');
}

async function main() {
  const rows = Number(argValue('rows', '100000'));
  const server = argValue('server', 'ts');
  if (server !== 'ts' && server !== 'dist') throw new Error('--server is ts (bench-api.ts through ts-node) or dist (the built server)');
  if (!Number.isInteger(rows) || rows < 1 || rows > 200_000) throw new Error('--rows must be a whole number from 1 to 200000');
  log(
    `bench:import ${rows} engagements + ${rows} commitments on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}`,
  );
  // `--pg-stats`: PostgreSQL records every statement's time (pg_stat_statements), printed after the run.
  const pgStats = process.argv.includes('--pg-stats');
  const db = await freshDatabase('import', pgStats ? [`shared_preload_libraries = 'pg_stat_statements'`] : []);
  let api: ChildProcess | null = null;
  try {
    // What the rows name: hubs, cities and partners (set up directly; the import is what is measured).
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    if (pgStats) await pg.query(`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`);
    await pg.query(`INSERT INTO hubs (code, name) SELECT 'h' || i, 'Bench hub ' || i FROM generate_series(1, ${HUBS}) i`);
    await pg.query(
      `INSERT INTO cities (name, country_code, hub_id)
       SELECT 'Bench city ' || i, 'KE', (SELECT id FROM hubs WHERE code = 'h' || (1 + i % ${HUBS})) FROM generate_series(1, ${CITIES}) i`,
    );
    await pg.query(`INSERT INTO partners (name, kind) SELECT 'Bench partner ' || i, 'other' FROM generate_series(1, ${PARTNERS}) i`);

    const port = await freePort();
    api = await (server === 'dist' ? startDistApi : startTsApi)({
      BENCH_DATABASE_URL: db.appUrl,
      BENCH_MIGRATION_DATABASE_URL: db.ownerUrl,
      BENCH_PORT: String(port),
      BENCH_ADMIN_EMAIL: ADMIN.email,
      BENCH_ADMIN_PASSWORD: ADMIN.password,
    });
    const pid = api.pid as number;
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    if (login.status !== 200) throw new Error(`login: ${login.status}`);
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const auth = { authorization: `Bearer ${token}` };
    log(
      `API (${server === 'dist' ? 'built dist server' : 'bench-api.ts under ts-node'}) up; resident memory ${mb(memoryOf(pid).rss)} MB before any import`,
    );

    // `--dry-run`: each file is first previewed (read, checked and planned, nothing written): the API's own ceiling.
    const dryRunFirst = process.argv.includes('--dry-run');
    const run = async (entity: string, csv: string, dryRun = false): Promise<ImportRecord> => {
      if (dryRunFirst && !dryRun) await run(entity, csv, true);
      const form = new FormData();
      form.append('file', new Blob([csv], { type: 'text/csv' }), `${entity}.csv`);
      const started = Date.now();
      const queued = await fetch(`${base}/api/imports?entity=${entity}&dryRun=${dryRun}`, { method: 'POST', headers: auth, body: form });
      if (queued.status !== 202) throw new Error(`upload ${entity}: ${queued.status} ${await queued.text()}`);
      const { id } = (await queued.json()) as { id: string };
      let peakRss = 0;
      for (;;) {
        peakRss = Math.max(peakRss, memoryOf(pid).rss);
        const rec = (await (await fetch(`${base}/api/imports/${id}`, { headers: auth })).json()) as ImportRecord;
        if (rec.status !== 'queued' && rec.status !== 'running') {
          const seconds = (Date.now() - started) / 1000;
          const note = rec.errors.length ? `; first errors ${JSON.stringify(rec.errors.slice(0, 3))}` : '';
          log(
            `${entity}${dryRun ? ' (dry run)' : ''}: ${rec.status}, ${rec.created} ${dryRun ? 'planned' : 'created'} in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds)} rows/s ` +
              `(upload to done); API resident memory peak while it ran ${mb(peakRss)} MB (sampled) ${note}${rec.message ? ` — ${rec.message}` : ''}`,
          );
          return rec;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    };

    const title = (i: number) => `Bench engagement ${i}`;
    const engagements = [
      'id,title,type,hub,startDate,endDate,online,location,host,participatingCities,partners,participantsTotal,mayors,officials,youth,women,communityLeaders,summary,evidenceLinks',
    ];
    for (let i = 0; i < rows; i++) {
      const city = (k: number) => `Bench city ${1 + ((i + k) % CITIES)}`;
      engagements.push(
        [
          '',
          title(i),
          ENGAGEMENT_TYPES[i % ENGAGEMENT_TYPES.length],
          `Bench hub ${1 + (i % HUBS)}`,
          `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`,
          '',
          i % 5 === 0 ? 'true' : 'false',
          city(0),
          city(0),
          `${city(1)}; ${city(2)}`,
          `Bench partner ${1 + (i % PARTNERS)}`,
          '30',
          '2',
          '8',
          '10',
          '15',
          '5',
          '"Two days on early warning, referral and youth work."',
          'https://example.org/report',
        ].join(','),
      );
    }
    const e = await run('engagements', engagements.join('\r\n'));
    const commitments = ['id,title,kind,city,owner,targetDate,progress,inspiredBy,partners,description'];
    for (let i = 0; i < rows; i++) {
      commitments.push(
        [
          '',
          `Bench commitment ${i}`,
          COMMITMENT_KINDS[i % COMMITMENT_KINDS.length],
          `Bench city ${1 + (i % CITIES)}`,
          ADMIN.email,
          '2027-06-30',
          String(i % 100),
          title(i),
          `Bench partner ${1 + (i % PARTNERS)}`,
          'A council decision and its budget line.',
        ].join(','),
      );
    }
    const c = await run('commitments', commitments.join('\r\n'));
    const { peak } = memoryOf(pid);
    log(`API peak resident memory over the whole run (VmHWM): ${mb(peak)} MB`);
    const counts = (await pg.query(`SELECT (SELECT count(*) FROM engagements)::int AS e, (SELECT count(*) FROM commitments)::int AS c`))
      .rows[0];
    log(`in the database: ${counts.e} engagements, ${counts.c} commitments; imports ${e.status} / ${c.status}`);
    if (process.argv.includes('--explain')) await explainImportBatch(pg);
    if (pgStats) {
      const top = await pg.query(
        `SELECT calls, round(total_exec_time)::int AS ms, regexp_replace(left(query, 110), '\\s+', ' ', 'g') AS query
           FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15`,
      );
      log('PostgreSQL time by statement (pg_stat_statements, top 15):');
      for (const r of top.rows as { calls: number; ms: number; query: string }[])
        log(`  ${String(r.ms).padStart(7)} ms ${String(r.calls).padStart(7)} × ${r.query}`);
    }
    await pg.end();
  } finally {
    if (api) {
      const child = api;
      await new Promise<void>((ok) => {
        child.removeAllListeners('exit');
        child.once('exit', () => ok());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      });
    }
    await db.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
