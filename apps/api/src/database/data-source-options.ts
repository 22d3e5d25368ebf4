import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SafeQueryLogger } from './query-logger';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The one place TypeORM is configured: the app, the tests and the migration check all use it. */
export function dataSourceOptions(url: string, options: { logErrors?: boolean } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    // Extensions are created by the initial migration, not by TypeORM at connect time.
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    namingStrategy: new SnakeNamingStrategy(),
    // Failed SQL goes to the server log only (never to a client), without its parameter values; off in tests.
    logging: options.logErrors === false ? false : ['error'],
    logger: new SafeQueryLogger(options.logErrors !== false),
    // Keep idle connections short so a database restart is noticed and the pool recovers.
    extra: {
      max: 10,
      idleTimeoutMillis: 10_000,
      connectionTimeoutMillis: 5_000,
    },
  };
}
