/**
 * `npm run bench:data -- --scale N`: generates the synthetic network in a throwaway embedded
 * PostgreSQL with set-based SQL and leaves it as COPY binary files (one per table) plus a manifest
 * under the OS temp folder, for `npm run bench -- --scale N` to load into a fresh server.
 */
import 'reflect-metadata';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { dataDir, freshDatabase, log, scaleArg, sharedDir } from './common';
import { BENCH_TABLES, copyColumns, generate, sizesFor } from './generate';

async function main() {
  const scale = scaleArg();
  const sizes = sizesFor(scale);
  const out = dataDir(scale);
  rmSync(out, { recursive: true, force: true });
  sharedDir(out);
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
    log(`Rows: ${JSON.stringify(counts)}`);
    log(`Written to ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await client.end().catch(() => undefined);
    await db.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
