/**
 * `npm run bench:data -- --scale N`: generates the synthetic network in a throwaway embedded
 * PostgreSQL with set-based SQL and leaves it as COPY binary files (one per table) plus a manifest
 * under the OS temp folder, for `npm run bench -- --scale N` to load into a fresh server.
 *
 * Safe beside other runs: the files are written to a folder of this process's own, which becomes a
 * generation (`scale-N~<when>-<pid>`) only once whole; then the link `scale-N` is switched to it in one
 * rename. A bench loading the previous generation keeps it: the generation before that one, and
 * what generations that died left, are removed.
 */
import 'reflect-metadata';
import { existsSync, lstatSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Client } from 'pg';
import { dataDir, freshDatabase, log, scaleArg, sharedDir } from './common';
import { BENCH_TABLES, copyColumns, generate, sizesFor } from './generate';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Points `link` at `target` (a sibling folder) in one rename; returns the folder it pointed at before, if any. */
function switchLink(link: string, target: string): string | null {
  let previous: string | null = null;
  if (existsSync(link) && !lstatSync(link).isSymbolicLink()) {
    // A folder of the layout before generations: it becomes one, so the link can replace it.
    previous = `${link}~before-${process.pid}`;
    renameSync(link, previous);
  } else if (existsSync(link)) {
    previous = join(dirname(link), readlinkSync(link));
  }
  const next = `${link}~link-${process.pid}`;
  rmSync(next, { force: true });
  symlinkSync(basename(target), next);
  renameSync(next, link);
  return previous;
}

/** Removes this scale's generations other than `keep`, and the unfinished folders of generations that died. */
function prune(link: string, keep: string[]) {
  const prefix = `${basename(link)}~`;
  for (const name of readdirSync(dirname(link))) {
    if (!name.startsWith(prefix) || keep.includes(join(dirname(link), name))) continue;
    const writing = /^partial-(\d+)-/.exec(name.slice(prefix.length));
    if (writing && isAlive(Number(writing[1]))) continue;
    rmSync(join(dirname(link), name), { recursive: true, force: true });
  }
}

async function main() {
  const scale = scaleArg();
  const sizes = sizesFor(scale);
  const link = dataDir(scale);
  const out = sharedDir(`${link}~partial-${process.pid}-${Date.now()}`);
  const started = Date.now();
  log(`bench:data scale ${scale}: ${JSON.stringify(sizes)}`);
  const db = await freshDatabase('benchgen');
  const client = new Client({ connectionString: db.url });
  try {
    await client.connect();
    await generate(client, sizes, log);
    const counts: Record<string, number> = {};
    for (const table of BENCH_TABLES) {
      const file = join(out, `${table}.bin`);
      await client.query(`COPY "${table}" (${await copyColumns(client, table)}) TO '${file}' (FORMAT binary)`);
      counts[table] = Number((await client.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
    }
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ scale, sizes, counts, generatedAt: new Date().toISOString() }, null, 2));
    const generation = `${link}~${new Date().toISOString().replace(/[:.]/g, '')}-${process.pid}`;
    renameSync(out, generation);
    const previous = switchLink(link, generation);
    prune(link, [generation, ...(previous ? [previous] : [])]);
    log(`Rows: ${JSON.stringify(counts)}`);
    log(`Written to ${generation} (${link}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await client.end().catch(() => undefined);
    await db.close();
    rmSync(out, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
