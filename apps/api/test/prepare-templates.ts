/**
 * Run once per integration-test run by global-setup.mjs (in a child process, through ts-node):
 * migrates the template database and builds a second template holding the demo data.
 *   prepare-templates.ts <admin-url> <template-db> <demo-template-db>
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { seedDemoData } from '../src/database/demo/seed-demo';

const withDb = (url: string, db: string) => url.replace(/\/[^/]*$/, `/${db}`);

async function main() {
  const [adminUrl, template, demoTemplate] = process.argv.slice(2);
  const migrated = new DataSource(
    dataSourceOptions(withDb(adminUrl, template)),
  );
  await migrated.initialize();
  await migrated.runMigrations({ transaction: 'all' });
  await migrated.destroy();

  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${demoTemplate}" TEMPLATE "${template}"`);
  await admin.end();

  const demo = new DataSource(
    dataSourceOptions(withDb(adminUrl, demoTemplate)),
  );
  await demo.initialize();
  await seedDemoData(demo);
  await demo.destroy();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
