/**
 * The real API (same modules, guards, validation, error filter and configuration as production)
 * listening on BENCH_PORT over BENCH_DATABASE_URL. Started by bench.ts as a child process.
 */
import 'reflect-metadata';
import { createApp } from '../src/app/bootstrap';
import { loadConfig } from '../src/config';
import { prepareAsOwner } from '../src/database/prepare-as-owner';

async function main() {
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JWT_SECRET: process.env.BENCH_JWT_SECRET ?? 'bench-only-secret-0123456789abcdef0123456789',
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
    MIGRATION_DATABASE_URL: process.env.BENCH_MIGRATION_DATABASE_URL ?? '',
    ADMIN_EMAIL: process.env.BENCH_ADMIN_EMAIL ?? '',
    ADMIN_PASSWORD: process.env.BENCH_ADMIN_PASSWORD ?? '',
  });
  await prepareAsOwner({ appUrl: config.databaseUrl as string, ownerUrl: config.migrationDatabaseUrl }, config, {
    embedded: false,
    logErrors: false,
  });
  const app = await createApp(config, config.databaseUrl as string, { serveWeb: false, docs: false, bufferLogs: false });
  await app.listen(Number(process.env.BENCH_PORT), '127.0.0.1');
  process.send?.('ready');
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
