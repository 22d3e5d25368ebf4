/**
 * Prints the SQL that would bring a freshly migrated database in line with the entities: the body of
 * the next migration. Nothing printed means entities and migrations agree.
 *   TS_NODE_TRANSPILE_ONLY=1 TS_NODE_PROJECT=apps/api/tsconfig.app.json npx ts-node apps/api/tools/schema-diff.ts
 */
import 'reflect-metadata';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'impact-schema-diff-'));
  chmodSync(dir, 0o755); // the server may run as OS user postgres
  const pg = await startEmbeddedPostgres({
    dir: join(dir, 'pg'),
    port: 5599,
    database: 'diff',
    log: (l) => console.error(l),
  });
  const ds = new DataSource(dataSourceOptions(pg.migrationUrl));
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'all' });
    const log = await ds.driver.createSchemaBuilder().log();
    console.log('-- up');
    for (const q of log.upQueries) console.log(q.query + ';');
    console.log('-- down');
    for (const q of [...log.downQueries].reverse()) console.log(q.query + ';');
  } finally {
    await ds.destroy().catch(() => undefined);
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
