import { isAbsolute, join, resolve } from 'node:path';
import { DEFAULT_CONTACT_LINK_DAYS } from '@impact/contracts';
import { EnvironmentVariables, LogLevel, NodeEnv, validateEnvironment } from './environment';
import { loadOrCreateJwtSecret } from './jwt-secret';
import { parseTrustProxy, TrustProxy } from './trust-proxy';

/** The validated, defaulted configuration every part of the API reads. */
export interface AppConfig {
  port: number;
  nodeEnv: NodeEnv;
  /** Set when the API should use an external PostgreSQL; otherwise it starts an embedded one. */
  databaseUrl: string | null;
  /**
   * The schema owner's connection (MIGRATION_DATABASE_URL), used only to migrate, grant, seed and
   * bootstrap the admin, then closed. Null: those run on `databaseUrl`.
   */
  migrationDatabaseUrl: string | null;
  seedDemo: boolean;
  embeddedPg: { dir: string; port: number };
  jwt: {
    secret: string;
    issuer: string;
    audience: string;
    secretSource: 'env' | 'file';
  };
  admin: { email: string; password: string } | null;
  logLevel: LogLevel;
  /** Empty: same origin only (CORS off). */
  corsOrigins: string[];
  bodyLimit: string;
  /** Express `trust proxy`: which proxies' X-Forwarded-For is believed (`req.ip`, the sign-in limit). */
  trustProxy: TrustProxy;
  webDist: string;
  /** Publish the OpenAPI document and Swagger UI: API_DOCS, else everywhere but production. */
  apiDocs: boolean;
  /** Folder for local state (`.data`): embedded PostgreSQL and the generated JWT secret. */
  dataDir: string;
  mail: {
    /** Null: mail stays queued in the outbox. */
    smtpUrl: string | null;
    from: string;
    /** The base of links in mails, without a trailing slash. */
    publicUrl: string;
  };
  /** The UTC hour of the daily reminder run. */
  reminderHour: number;
  /** Days a contact link stays valid (CONTACT_LINK_DAYS). */
  contactLinkDays: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export interface LoadConfigOptions {
  cwd?: string;
  /** Where the built Angular app is by default (the bundle's `__dirname` in production). */
  bundleDir?: string;
}

export function buildConfig(env: EnvironmentVariables, options: LoadConfigOptions = {}): AppConfig {
  const cwd = options.cwd ?? process.cwd();
  const dataDir = join(cwd, '.data');
  const nodeEnv = env.NODE_ENV ?? 'development';
  const jwtFromEnv = env.JWT_SECRET;
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
  return {
    port: env.PORT ?? 3000,
    nodeEnv,
    databaseUrl: env.DATABASE_URL ?? null,
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL ?? null,
    seedDemo: env.SEED_DEMO ?? false,
    embeddedPg: {
      dir: abs(env.EMBEDDED_PG_DIR ?? join(dataDir, 'postgres')),
      port: env.EMBEDDED_PG_PORT ?? 5488,
    },
    jwt: {
      secret: jwtFromEnv ?? loadOrCreateJwtSecret(join(dataDir, 'jwt-secret')),
      issuer: env.JWT_ISSUER ?? 'impact-tracker',
      audience: env.JWT_AUDIENCE ?? 'impact-tracker-web',
      secretSource: jwtFromEnv ? 'env' : 'file',
    },
    admin: env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : null,
    logLevel: env.LOG_LEVEL ?? 'info',
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    bodyLimit: env.BODY_LIMIT ?? '1mb',
    trustProxy: parseTrustProxy(env.TRUST_PROXY ?? 'loopback') ?? ['loopback'],
    webDist: env.WEB_DIST ? abs(env.WEB_DIST) : join(options.bundleDir ?? __dirname, '../web/browser'),
    apiDocs: env.API_DOCS ?? nodeEnv !== 'production',
    dataDir,
    mail: {
      smtpUrl: env.SMTP_URL ?? null,
      from: env.MAIL_FROM ?? 'Impact Tracker <no-reply@localhost>',
      publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, ''),
    },
    reminderHour: env.REMINDER_HOUR ?? 6,
    contactLinkDays: env.CONTACT_LINK_DAYS ?? DEFAULT_CONTACT_LINK_DAYS,
  };
}

/** Validates `process.env` (or the given one) and fills the defaults. Throws `ConfigError`. */
export function loadConfig(raw: NodeJS.ProcessEnv = process.env, options: LoadConfigOptions = {}): AppConfig {
  return buildConfig(validateEnvironment(raw), options);
}
