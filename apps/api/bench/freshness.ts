/**
 * Freshness of the dashboard (`npm run bench`, group `freshness`): how long after a commitment write
 * commits the whole-network summary shows it, and how much database time the rollups spend per write.
 *
 * One write at a time: POST /api/commitments (a new commitment of the busiest city, inspired by two of
 * its engagements, with a target date), then GET /api/dashboard/summary every 20 ms until its pledged
 * count has grown. The clock starts when the POST has answered (the write is committed).
 *
 * Database time: PostgreSQL's own per-function timing (`track_functions = 'pl'`, pg_stat_user_functions):
 * the fold function the API calls after writes (fold_dashboard_rollups, with the totals' triggers on the
 * rollups it writes) and the move of the totals' day after it (advance_dashboard_totals), plus the
 * statement triggers that note the touched keys inside the writes themselves (dashboard_note_*), summed over the writes and
 * divided by their number. Folds that found nothing (the API's timer) are included: they are rollup
 * time too.
 */
import { Client } from 'pg';
import type { DashboardSummary } from '@impact/contracts';

/**
 * `--fold-statements`: the server settings that let the freshness group break the fold's time down by
 * statement: pg_stat_statements, tracking the statements run inside functions and their planning.
 */
export const FOLD_STATEMENTS_SETTINGS: string[] = [
  `shared_preload_libraries = 'pg_stat_statements'`,
  `pg_stat_statements.track = 'all'`,
  `pg_stat_statements.track_planning = on`,
];

/** What the fold's statements cost over the writes (pg_stat_statements, nested statements). */
export interface FoldStatement {
  calls: number;
  /** Execution and planning milliseconds per write. */
  execMsPerWrite: number;
  planMsPerWrite: number;
  rows: number;
  query: string;
}

type Http = <T>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;

export interface FreshnessFigures {
  writes: number;
  /** Median seconds from a committed write to a summary that shows it. */
  writeToDashboardSeconds: number;
  writeToDashboardMaxSeconds: number;
  /** Database time of the rollups per write (fold + key-noting triggers), milliseconds. */
  rollupDbMsPerWrite: number;
  foldMsPerWrite: number;
  noteMsPerWrite: number;
  foldCalls: number;
  /** How the database time was measured. */
  method: string;
  /** With `--fold-statements`: the statements run inside the fold and the triggers, costliest first. */
  statements?: FoldStatement[];
}

interface FunctionTimes {
  fold: number;
  note: number;
  foldCalls: number;
}

async function functionTimes(pg: Client): Promise<FunctionTimes> {
  await pg.query(`SELECT pg_stat_clear_snapshot()`);
  const { rows } = await pg.query<{ fold: number; note: number; fold_calls: number }>(
    `SELECT COALESCE(sum(total_time) FILTER (WHERE funcname IN ('fold_dashboard_rollups', 'advance_dashboard_totals')), 0)::float8 AS fold,
            COALESCE(sum(total_time) FILTER (WHERE funcname LIKE 'dashboard_note_%'), 0)::float8 AS note,
            COALESCE(sum(calls) FILTER (WHERE funcname = 'fold_dashboard_rollups'), 0)::int AS fold_calls
       FROM pg_stat_user_functions`,
  );
  return { fold: rows[0].fold, note: rows[0].note, foldCalls: rows[0].fold_calls };
}

/** The nested statements (run inside functions) of the writes and the folds, costliest first. */
async function foldStatements(pg: Client, writes: number): Promise<FoldStatement[]> {
  const { rows } = await pg.query<{ calls: number; exec: number; plan: number; rows: number; query: string }>(
    `SELECT calls::int, total_exec_time::float8 AS exec, total_plan_time::float8 AS plan, rows::int, query
       FROM pg_stat_statements WHERE NOT toplevel ORDER BY total_exec_time + total_plan_time DESC LIMIT 25`,
  );
  return rows.map((r) => ({
    calls: r.calls,
    execMsPerWrite: r.exec / writes,
    planMsPerWrite: r.plan / writes,
    rows: r.rows,
    query: r.query,
  }));
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function measureFreshness(opts: {
  http: Http;
  /** The superuser: server settings and statistics. */
  superuserUrl: string;
  cityId: string;
  writes: number;
  log: (line: string) => void;
  /** Started with FOLD_STATEMENTS_SETTINGS: break the time down by statement. */
  statements?: boolean;
}): Promise<FreshnessFigures> {
  const pg = new Client({ connectionString: opts.superuserUrl });
  await pg.connect();
  try {
    // Per-function timing for every session, the API's pooled ones included (a reload reaches them).
    await pg.query(`ALTER SYSTEM SET track_functions = 'pl'`);
    await pg.query(`SELECT pg_reload_conf()`);
    await sleep(500);
    const { rows: inspiring } = await pg.query<{ id: string }>(
      `SELECT id FROM engagements WHERE host_city_id = $1 AND archived_at IS NULL ORDER BY start_date DESC LIMIT 2`,
      [opts.cityId],
    );
    const pledged = async () => {
      const r = await opts.http<DashboardSummary>('GET', '/api/dashboard/summary');
      if (r.status !== 200) throw new Error(`/api/dashboard/summary: ${r.status}`);
      return r.body.totals.commitmentsByStatus.pledged;
    };
    if (opts.statements) await pg.query(`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`);
    // Whatever the start-up left to fold is folded before the first write.
    await sleep(1_500);
    if (opts.statements) await pg.query(`SELECT pg_stat_statements_reset()`);
    const before = await functionTimes(pg);
    const seconds: number[] = [];
    for (let i = 0; i < opts.writes; i++) {
      const was = await pledged();
      const created = await opts.http('POST', '/api/commitments', {
        title: `Freshness bench commitment ${i + 1}`,
        kind: 'other',
        cityId: opts.cityId,
        targetDate: '2030-06-30',
        inspiredByEngagementIds: inspiring.map((r) => r.id),
      });
      if (created.status !== 201) throw new Error(`POST /api/commitments: ${created.status} ${JSON.stringify(created.body)}`);
      const committed = Date.now();
      let now = was;
      while (now === was) {
        if (Date.now() - committed > 120_000) throw new Error('the summary did not show the write within 120 s');
        await sleep(20);
        now = await pledged();
      }
      seconds.push((Date.now() - committed) / 1000);
    }
    // Backends report their function times when idle, at most once a second.
    await sleep(2_500);
    const after = await functionTimes(pg);
    const fold = (after.fold - before.fold) / opts.writes;
    const note = (after.note - before.note) / opts.writes;
    const statements = opts.statements ? await foldStatements(pg, opts.writes) : undefined;
    const figures: FreshnessFigures = {
      writes: opts.writes,
      writeToDashboardSeconds: median(seconds),
      writeToDashboardMaxSeconds: Math.max(...seconds),
      rollupDbMsPerWrite: fold + note,
      foldMsPerWrite: fold,
      noteMsPerWrite: note,
      foldCalls: after.foldCalls - before.foldCalls,
      method:
        "pg_stat_user_functions (track_functions = 'pl'): fold_dashboard_rollups + advance_dashboard_totals + dashboard_note_* total_time / writes",
      ...(statements ? { statements } : {}),
    };
    opts.log(
      `  freshness, ${opts.writes} commitment writes one at a time: write → summary p50 ${figures.writeToDashboardSeconds.toFixed(2)} s (max ${figures.writeToDashboardMaxSeconds.toFixed(2)} s) | rollup database time ${figures.rollupDbMsPerWrite.toFixed(1)} ms per write (fold ${fold.toFixed(1)} ms over ${figures.foldCalls} folds, key-noting triggers ${note.toFixed(1)} ms)`,
    );
    if (statements) {
      opts.log(`  the fold's and the triggers' statements (pg_stat_statements, nested), per write, costliest first:`);
      opts.log(`  | exec ms | plan ms | calls | rows | statement |`);
      opts.log(`  |---:|---:|---:|---:|---|`);
      for (const st of statements) {
        opts.log(
          `  | ${st.execMsPerWrite.toFixed(2)} | ${st.planMsPerWrite.toFixed(2)} | ${st.calls} | ${st.rows} | ${st.query.replace(/\s+/g, ' ').slice(0, 240)} |`,
        );
      }
    }
    return figures;
  } finally {
    await pg.end();
  }
}
