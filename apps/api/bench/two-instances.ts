/**
 * Two API processes on the one PostgreSQL against one (`npm run bench -- --only two`): the list case of
 * the bench (32 connections in all) sent to one instance, then split 16 + 16 across two, in turns
 * (one, two, two, one, after a warm-up of each), with the req/s of each side and their ratio. Before
 * timing, both instances must give the same answer, byte for byte, to the same requests (nothing an
 * answer depends on may live in one process's memory).
 */
import type { Client } from 'pg';
import { log } from './common';

type Cannon = { requests: { average: number }; latency: { p50: number }; non2xx: number; errors: number };
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<Cannon>;

export interface TwoInstances {
  oneReqPerSec: number;
  twoReqPerSec: number;
  /** two / one. */
  ratio: number;
  /** Both instances answered every checked request with the same status and the same bytes. */
  identical: boolean;
  /** The paths compared for `identical`. */
  compared: string[];
  non2xx: number;
}

export interface TwoInstancesOptions {
  /** The superuser connection (to wait until the database is quiet). */
  pg: Client;
  /** The instance already running. */
  firstPort: number;
  /** Starts the second instance on the same database and answers its port. */
  startSecond: () => Promise<number>;
  /** The list request timed (the same as the bench's list case). */
  path: string;
  /** More requests whose answers must be the same from both instances. */
  alsoCompare: string[];
  token: string;
  /** Seconds of load for each side (in two halves). */
  duration: number;
}

const CONNECTIONS = 32;

async function answer(port: number, path: string, token: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return `${res.status} ${await res.text()}`;
}

/**
 * A newly started instance may start background work on the database (a rollup rebuild): wait until
 * no other client statement has run for three seconds in a row, so it does not weigh on one side.
 */
async function quiet(pg: Client, maxSeconds = 600): Promise<void> {
  let calm = 0;
  for (let waited = 0; waited < maxSeconds && calm < 3; waited++) {
    const { rows } = await pg.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    calm = rows[0].n === 0 ? calm + 1 : 0;
    await new Promise((ok) => setTimeout(ok, 1_000));
  }
}

export async function measureTwoInstances(o: TwoInstancesOptions): Promise<TwoInstances> {
  const secondPort = await o.startSecond();
  await quiet(o.pg);
  const compared = [o.path, ...o.alsoCompare];
  let identical = true;
  for (const path of compared) {
    const [a, b] = await Promise.all([answer(o.firstPort, path, o.token), answer(secondPort, path, o.token)]);
    if (a !== b || !a.startsWith('200 ')) {
      identical = false;
      log(`  two instances: ${path} answered differently (${a.slice(0, 80)} | ${b.slice(0, 80)})`);
    }
  }
  const headers = { authorization: `Bearer ${o.token}` };
  const cannon = (port: number, connections: number, duration: number) =>
    autocannon({ url: `http://127.0.0.1:${port}${o.path}`, connections, duration, headers });
  const one = (duration: number) => cannon(o.firstPort, CONNECTIONS, duration);
  // Both halves at once, from the one load generator: the sum of their rates is the pair's rate.
  const two = async (duration: number): Promise<Cannon> => {
    const [a, b] = await Promise.all([cannon(o.firstPort, CONNECTIONS / 2, duration), cannon(secondPort, CONNECTIONS / 2, duration)]);
    return {
      requests: { average: a.requests.average + b.requests.average },
      latency: { p50: Math.max(a.latency.p50, b.latency.p50) },
      non2xx: a.non2xx + b.non2xx,
      errors: a.errors + b.errors,
    };
  };
  await one(3);
  await two(3);
  const ones = [await one(o.duration / 2)];
  const twos = [await two(o.duration / 2), await two(o.duration / 2)];
  ones.push(await one(o.duration / 2));
  const mean = (runs: Cannon[]) => runs.reduce((n, r) => n + r.requests.average, 0) / runs.length;
  const oneReqPerSec = mean(ones);
  const twoReqPerSec = mean(twos);
  const non2xx = [...ones, ...twos].reduce((n, r) => n + r.non2xx + r.errors, 0);
  const ratio = twoReqPerSec / oneReqPerSec;
  log(
    `  two instances (${CONNECTIONS} connections, ${o.duration} s each side): one ${oneReqPerSec.toFixed(1)} req/s | two ${twoReqPerSec.toFixed(1)} req/s | ratio ${ratio.toFixed(2)} | identical answers: ${identical} (${compared.length} requests) | non-2xx ${non2xx}`,
  );
  return { oneReqPerSec, twoReqPerSec, ratio, identical, compared: compared.map((p) => p.replace(/[0-9a-f-]{36}/g, ':id')), non2xx };
}
