import type { INestApplication, LoggerService } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request, { type Agent } from 'supertest';
import { DataSource } from 'typeorm';
import type { AppModuleOptions } from '../src/app/app.module';
import { createApp } from '../src/app/bootstrap';
import { AppConfig, loadConfig } from '../src/config';
import { OpenApiContract } from './openapi-contract';
import { dataSourceOptions } from '../src/database/data-source-options';
import { prepareAsOwner } from '../src/database/prepare-as-owner';

export interface TestAppOptions {
  /** Clone the template that already holds the demo data (users, hubs, cities, engagements …). */
  demo?: boolean;
  /** Use this database instead of a fresh clone (it is migrated, not dropped at close): the app's URL. */
  databaseUrl?: string;
  /** With `databaseUrl`: the owner's URL that migrates and grants (default: `databaseUrl` itself). */
  migrationUrl?: string;
  /** Extra environment variables, validated like in production (e.g. `{ CORS_ORIGINS: '…' }`). */
  env?: Record<string, string>;
  /** Publish /api/docs (default: as configured, i.e. on unless NODE_ENV=production without API_DOCS=true). */
  docs?: boolean;
  /** Extra Nest modules to mount, e.g. a probe controller. */
  extraModules?: AppModuleOptions['extraModules'];
  /** Receives every log call instead of the JSON logger. */
  logger?: LoggerService;
  /** Serve the web app from WEB_DIST (set it in `env`), as in production (default false). */
  serveWeb?: boolean;
}

export interface TestApp {
  app: INestApplication;
  /** A supertest agent on the app's HTTP server: `await t.http.get('/api/health').expect(200)`. */
  http: Agent;
  /** The app's own connection: the restricted app role, as in production. */
  dataSource: DataSource;
  config: AppConfig;
  /** This test file's own database URL, as the app role. */
  databaseUrl: string;
  /** Every answer checked against the OpenAPI document (see openapi-contract.ts). */
  contract: OpenApiContract;
  /** The same database as the schema owner (what migrations use). */
  ownerUrl: string;
  /**
   * A connection as the schema owner, for set-up the app itself may not do (TRUNCATE, catalog
   * checks); opened on first use, closed by `close()`.
   */
  ownerDataSource(): Promise<DataSource>;
  /** Closes the app and drops the database it created; fails when an answer differed from the document. */
  close(): Promise<void>;
}

export const TEST_JWT_SECRET = 'integration-tests-only-secret-0123456789abcdef';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration tests with \`npx nx run api:int-test\`.`);
  return value;
}
/** The superuser: creates and drops the test databases. */
const adminUrl = () => env('IMPACT_TEST_PG_URL');
const ownerRole = () => decodeURIComponent(new URL(env('IMPACT_TEST_OWNER_URL')).username);

const withDb = (url: string, db: string) => url.replace(/\/[^/?]*(?=\?|$)/, `/${db}`);

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of this test file's own, copied from a migrated template (with demo data or without)
 * and owned by the owner role. `url` connects as the app role, `ownerUrl` as the owner.
 */
export async function createTestDatabase(demo = false): Promise<{
  url: string;
  ownerUrl: string;
  name: string;
  drop(): Promise<void>;
}> {
  const template = demo ? process.env.IMPACT_TEST_DEMO_TEMPLATE_DB : process.env.IMPACT_TEST_TEMPLATE_DB;
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}" OWNER "${ownerRole()}"`));
  return {
    name,
    url: withDb(env('IMPACT_TEST_APP_URL'), name),
    ownerUrl: withDb(env('IMPACT_TEST_OWNER_URL'), name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** The test configuration: validated like production, quiet logs, fixed JWT secret, no files written. */
export function testConfig(env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: TEST_JWT_SECRET,
    ...env,
  });
}

/**
 * The real Nest app, configured exactly as main.ts does (prefix, helmet, body limit, validation,
 * error filter, OpenAPI), on a database of its own. Call `close()` in `afterAll`.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.databaseUrl ? null : await createTestDatabase(options.demo ?? false);
  const databaseUrl = options.databaseUrl ?? (database?.url as string);
  const ownerUrl = database?.ownerUrl ?? options.migrationUrl ?? (options.databaseUrl as string);
  const config = testConfig(options.env);
  // As in production: the owner migrates and grants, then the app connects as its own role.
  await prepareAsOwner({ appUrl: databaseUrl, ownerUrl }, config, {
    embedded: false,
    logErrors: false,
  });
  const app = await createApp(config, databaseUrl, {
    serveWeb: options.serveWeb ?? false,
    docs: options.docs,
    bufferLogs: false,
    extraModules: options.extraModules,
    logger: options.logger,
  });
  // Before init, so it runs ahead of every route.
  const contract = new OpenApiContract();
  app.use(contract.middleware);
  const dataSource = app.get(DataSource);
  await app.init();
  const docs = await request(app.getHttpServer()).get('/api/docs-json');
  if (docs.status === 200) contract.use(docs.body);
  let owner: Promise<DataSource> | null = null;
  return {
    app,
    http: request.agent(app.getHttpServer()),
    dataSource,
    config,
    databaseUrl,
    contract,
    ownerUrl,
    ownerDataSource: () => (owner ??= new DataSource(dataSourceOptions(ownerUrl, { logErrors: false })).initialize()),
    async close() {
      await app.close();
      if (owner) await (await owner).destroy();
      await database?.drop();
      contract.assertClean();
    },
  };
}
