import { INestApplication, Logger as NestLogger, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PASSWORD_MIN_LENGTH } from '@impact/contracts';
import { Logger } from 'nestjs-pino';
import { AppConfig, ConfigError, loadConfig } from '../config';
import { demoSignInLines } from '../database/demo/demo-sign-ins';
import { EmbeddedPostgresError, EmbeddedPostgresHandle, startEmbeddedPostgres } from '../database/embedded-postgres';
import { OwnerPrepareResult, prepareAsOwner } from '../database/prepare-as-owner';
import { DatabaseRoleError } from '../database/roles';
import { AppModule, AppModuleOptions } from './app.module';
import { configureApp, ConfigureAppOptions } from './configure-app';

/** Builds the configured (not yet listening) Nest app on a database URL. Used by main and the tests. */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  options: ConfigureAppOptions & {
    bufferLogs?: boolean;
    extraModules?: AppModuleOptions['extraModules'];
    /** Replaces the JSON logger (tests capture the log lines this way). */
    logger?: LoggerService;
  } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create(
    AppModule.register({
      config,
      databaseUrl,
      extraModules: options.extraModules,
    }),
    {
      bodyParser: false,
      bufferLogs: options.bufferLogs ?? true,
      ...(options.logger ? { logger: options.logger } : config.logLevel === 'silent' ? { logger: false } : {}),
    },
  );
  app.useLogger(options.logger ?? app.get(Logger));
  configureApp(app, config, options);
  return app;
}

/** Prints one clear line and stops: no stack trace for problems the operator can fix. */
function die(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

/**
 * Starts the API: validates the environment, starts embedded PostgreSQL when there is no DATABASE_URL
 * (production included: one server without Docker is a supported setup), migrates, loads demo data
 * where due (never in production unless SEED_DEMO=true), then listens and prints how to sign in.
 */
export async function bootstrap(): Promise<void> {
  const started = Date.now();
  let config: AppConfig;
  try {
    config = loadConfig(process.env, { bundleDir: __dirname });
  } catch (e) {
    if (e instanceof ConfigError) die(e.message);
    throw e;
  }
  const log = new NestLogger('Bootstrap');

  let embedded: EmbeddedPostgresHandle | null = null;
  let databaseUrl = config.databaseUrl;
  let migrationUrl = config.migrationDatabaseUrl;
  if (databaseUrl && !migrationUrl) {
    log.warn(
      'MIGRATION_DATABASE_URL is not set: migrations run as the DATABASE_URL role, which must then own the schema. ' +
        'Least privilege needs both URLs: the app as a role without DDL rights, the migrations as the owner (see README).',
    );
  }
  if (!databaseUrl) {
    try {
      embedded = await startEmbeddedPostgres({
        dir: config.embeddedPg.dir,
        port: config.embeddedPg.port,
        database: 'impact',
        log: (line) => log.log(line),
      });
    } catch (e) {
      if (e instanceof EmbeddedPostgresError) die(e.message);
      throw e;
    }
    databaseUrl = embedded.url;
    migrationUrl = embedded.migrationUrl;
    log.log(`Embedded PostgreSQL running on port ${embedded.port}, data in ${embedded.dir}`);
  }

  let stopping = false;
  const stopEmbedded = async () => {
    if (embedded) await embedded.stop().catch(() => undefined);
  };
  let app: INestApplication | undefined;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.log(`${signal} received, shutting down`);
    void (async () => {
      await app?.close().catch(() => undefined);
      await stopEmbedded();
      process.exit(0);
    })();
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));

  let prepared: OwnerPrepareResult;
  try {
    // The owner's connection migrates, grants, seeds and bootstraps the admin, and is closed before
    // the app connects with its own role.
    prepared = await prepareAsOwner({ appUrl: databaseUrl, ownerUrl: migrationUrl }, config, {
      embedded: embedded !== null,
      logErrors: config.logLevel !== 'silent',
    });
    if (prepared.grants?.appIsSuperuser)
      log.warn(
        `The app's database role ${prepared.grants.appRole} is a superuser: grants do not restrict it. Use a role without SUPERUSER in DATABASE_URL.`,
      );
    else if (prepared.grants?.sameRole)
      log.warn('DATABASE_URL and MIGRATION_DATABASE_URL sign in as the same role: the app can change the schema and the audit log.');
    for (const skipped of prepared.grants?.skipped ?? []) log.warn(`Not applied (the migration role does not own it): ${skipped}`);
    app = await createApp(config, databaseUrl);
    await app.listen(config.port);
  } catch (e) {
    await app?.close().catch(() => undefined);
    await stopEmbedded();
    const err = e as NodeJS.ErrnoException;
    if (e instanceof DatabaseRoleError) die(e.message);
    if (err?.code === 'EADDRINUSE') die(`Port ${config.port} is already in use: set PORT to a free port.`);
    if (err?.code === 'ECONNREFUSED' || err?.code === 'ENOTFOUND' || err?.code === '28P01' || err?.code === '3D000') {
      die(
        `Cannot connect to the database in ${migrationUrl && migrationUrl !== databaseUrl ? 'DATABASE_URL or MIGRATION_DATABASE_URL' : 'DATABASE_URL'} (${err.code}): ${err.message}`,
      );
    }
    throw e;
  }

  if (prepared.migrations.length) log.log(`Applied migrations: ${prepared.migrations.join(', ')}`);
  if (prepared.admin) log.log(`Admin account ${config.admin?.email}: ${prepared.admin}`);
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `Impact Tracker is running at ${url}  (API ${url}/api${config.apiDocs ? `, docs ${url}/api/docs` : ''}) — ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  ];
  if (prepared.seeded) {
    const s = prepared.seeded;
    lines.push(
      `Demo data loaded: ${s.cities} cities, ${s.engagements} engagements, ${s.commitments} commitments, ${s.followUps} follow-ups, ${s.outcomes} outcomes.`,
    );
  }
  const production = config.nodeEnv === 'production';
  // Production prints no demo sign-ins unless it loaded the demo data now, on request (SEED_DEMO=true).
  if (prepared.seeded || (embedded && !production)) {
    lines.push('Demo sign-ins (role, e-mail, password):', ...demoSignInLines());
  } else if (production && prepared.activeDemoUsers > 0) {
    lines.push(
      `Warning: ${prepared.activeDemoUsers} demo accounts with published passwords are active in this database; deactivate them or use a database without the demo data.`,
    );
  }
  if (prepared.activeAdmins === 0 && !config.admin) {
    lines.push(
      `No active admin yet: set ADMIN_EMAIL and ADMIN_PASSWORD (${PASSWORD_MIN_LENGTH}+ characters) and start again to create the first admin.`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}
