/**
 * Run once per integration-test run by global-setup.mjs (in a child process, through ts-node):
 * creates the owner and app roles, migrates the template database as the owner, grants the app role
 * its rights, and builds a second template holding the demo data.
 *   prepare-templates.ts <superuser-url> <owner-url> <app-url> <template-db> <demo-template-db>
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { installJobs } from '../src/jobs/install-jobs';
import { dataSourceOptions } from '../src/database/data-source-options';
import { seedDemoData } from '../src/database/demo/seed-demo';
import { ensureRoles, grantAppPrivileges, quoteIdent, roleOfUrl } from '../src/database/roles';

const withDb = (url: string, db: string) => url.replace(/\/[^/?]*(?=\?|$)/, `/${db}`);
const role = (url: string) => ({ name: roleOfUrl(url) as string, password: decodeURIComponent(new URL(url).password) });

async function main() {
  const [adminUrl, ownerUrl, appUrl, template, demoTemplate] = process.argv.slice(2);
  const owner = role(ownerUrl);
  const app = role(appUrl);

  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await ensureRoles(async (sql, params) => (await admin.query(sql, params)).rows, owner, app);
  await admin.query(`CREATE DATABASE ${quoteIdent(template)} OWNER ${quoteIdent(owner.name)}`);

  const migrated = new DataSource(dataSourceOptions(withDb(ownerUrl, template), { logErrors: false }));
  await migrated.initialize();
  await migrated.runMigrations({ transaction: 'all' });
  await installJobs(withDb(ownerUrl, template));
  await grantAppPrivileges(migrated, app.name);
  await migrated.destroy();

  await admin.query(`CREATE DATABASE ${quoteIdent(demoTemplate)} TEMPLATE ${quoteIdent(template)} OWNER ${quoteIdent(owner.name)}`);
  await admin.end();

  const demo = new DataSource(dataSourceOptions(withDb(ownerUrl, demoTemplate), { logErrors: false }));
  await demo.initialize();
  await seedDemoData(demo);
  await demo.destroy();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
