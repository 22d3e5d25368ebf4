import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request, { type Agent } from 'supertest';
import { DataSource } from 'typeorm';
import type { AppModuleOptions } from '../src/app/app.module';
import { createApp } from '../src/app/bootstrap';
import { AppConfig, loadConfig } from '../src/config';
import { prepareDatabase } from '../src/database/prepare-database';
import { OpenApiContract } from './openapi-contract';

export interface TestAppOptions {
  /** Clone the template that already holds the demo data (users, hubs, cities, engagements …). */
  demo?: boolean;
  /** Use this database instead of a fresh clone (it is migrated, not dropped at close). */
  databaseUrl?: string;
  /** Extra environment variables, validated like in production (e.g. `{ CORS_ORIGINS: '…' }`). */
  env?: Record<string, string>;
  /** Publish /api/docs (default true). */
  docs?: boolean;
  /** Extra Nest modules to mount, e.g. a probe controller. */
  extraModules?: AppModuleOptions['extraModules'];
}

export interface TestApp {
  app: INestApplication;
  /** A supertest agent on the app's HTTP server: `await t.http.get('/api/health').expect(200)`. */
  http: Agent;
  dataSource: DataSource;
  config: AppConfig;
  /** This test file's own database URL. */
  databaseUrl: string;
  /** Every answer checked against the OpenAPI document (see openapi-contract.ts). */
  contract: OpenApiContract;
  /** Closes the app and drops the database it created; fails when an answer differed from the document. */
  close(): Promise<void>;
}

export const TEST_JWT_SECRET = 'integration-tests-only-secret-0123456789abcdef';

function adminUrl(): string {
  const url = process.env.IMPACT_TEST_PG_URL;
  if (!url)
    throw new Error(
      'IMPACT_TEST_PG_URL is not set: run integration tests with `npx nx run api:int-test`.',
    );
  return url;
}

const withDb = (url: string, db: string) => url.replace(/\/[^/]*$/, `/${db}`);

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

/** A database of this test file's own, copied from a migrated template (with demo data or without). */
export async function createTestDatabase(
  demo = false,
): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const template = demo
    ? process.env.IMPACT_TEST_DEMO_TEMPLATE_DB
    : process.env.IMPACT_TEST_TEMPLATE_DB;
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await admin((c) =>
    c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`),
  );
  return {
    name,
    url: withDb(adminUrl(), name),
    drop: () =>
      admin((c) =>
        c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      ).then(() => undefined),
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
export async function createTestApp(
  options: TestAppOptions = {},
): Promise<TestApp> {
  const database = options.databaseUrl
    ? null
    : await createTestDatabase(options.demo ?? false);
  const databaseUrl = options.databaseUrl ?? (database?.url as string);
  const config = testConfig(options.env);
  const app = await createApp(config, databaseUrl, {
    serveWeb: false,
    docs: options.docs ?? true,
    bufferLogs: false,
    extraModules: options.extraModules,
  });
  // Before init, so it runs ahead of every route.
  const contract = new OpenApiContract();
  app.use(contract.middleware);
  const dataSource = app.get(DataSource);
  await prepareDatabase(dataSource, config, { embedded: false });
  await app.init();
  if (options.docs ?? true) contract.use((await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body);
  return {
    app,
    http: request.agent(app.getHttpServer()),
    dataSource,
    config,
    databaseUrl,
    contract,
    async close() {
      await app.close();
      await database?.drop();
      contract.assertClean();
    },
  };
}
