import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './app-config';
import { ConfigError, validateEnvironment } from './environment';

const fail = (env: Record<string, string>) => {
  try {
    validateEnvironment(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
};

describe('environment validation', () => {
  it('names the bad variable in one line', () => {
    const message = fail({ PORT: 'eighty' });
    expect(message).toMatch(/^Invalid configuration: PORT /);
    expect(message).not.toContain('\n');
  });

  it.each([
    [{ EMBEDDED_PG_PORT: '70000' }, 'EMBEDDED_PG_PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://app@db/impact', MIGRATION_DATABASE_URL: 'owner@db' }, 'MIGRATION_DATABASE_URL'],
    [{ MIGRATION_DATABASE_URL: 'postgres://owner:pw@db/impact' }, 'MIGRATION_DATABASE_URL'],
    [{ API_DOCS: 'perhaps' }, 'API_DOCS'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ CORS_ORIGINS: 'not a url' }, 'CORS_ORIGINS'],
    [{ BODY_LIMIT: 'lots' }, 'BODY_LIMIT'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ ADMIN_EMAIL: 'boss@example.org' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_PASSWORD: 'long-enough-password' }, 'ADMIN_EMAIL'],
    [{ ADMIN_EMAIL: 'boss@example.org', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    [{ TRUST_PROXY: 'yes please' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'loopback,,10.0.0.1' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '-1' }, 'TRUST_PROXY'],
    [{ SMTP_URL: 'mail.example.org:25' }, 'SMTP_URL'],
    [{ SMTP_URL: 'http://mail.example.org' }, 'SMTP_URL'],
    [{ MAIL_FROM: 'not an address' }, 'MAIL_FROM'],
    [{ PUBLIC_URL: 'impact.example.org' }, 'PUBLIC_URL'],
    [{ REMINDER_HOUR: '24' }, 'REMINDER_HOUR'],
    [{ REMINDER_HOUR: 'six' }, 'REMINDER_HOUR'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(fail(env)).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
  });

  it('fills the defaults', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'impact-config-'));
    const config = loadConfig({}, { cwd, bundleDir: '/srv/dist/apps/api' });
    expect(config).toMatchObject({
      port: 3000,
      nodeEnv: 'development',
      databaseUrl: null,
      migrationDatabaseUrl: null,
      seedDemo: false,
      embeddedPg: { dir: join(cwd, '.data/postgres'), port: 5488 },
      jwt: {
        issuer: 'impact-tracker',
        audience: 'impact-tracker-web',
        secretSource: 'file',
      },
      admin: null,
      logLevel: 'info',
      corsOrigins: [],
      bodyLimit: '1mb',
      trustProxy: ['loopback'],
      webDist: '/srv/dist/apps/web/browser',
      apiDocs: true,
    });
    // The generated secret is kept, so sessions survive a restart.
    expect(readFileSync(join(cwd, '.data/jwt-secret'), 'utf8').trim()).toBe(config.jwt.secret);
    expect(loadConfig({}, { cwd }).jwt.secret).toBe(config.jwt.secret);
  });

  it('reads the variables it is given', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(32),
        SEED_DEMO: 'true',
        DATABASE_URL: 'postgres://u:p@db:5432/impact',
        MIGRATION_DATABASE_URL: 'postgres://owner:p@db:5432/impact',
        CORS_ORIGINS: 'https://a.example, https://b.example',
        ADMIN_EMAIL: 'boss@example.org',
        ADMIN_PASSWORD: 'long-enough-password',
      },
      { cwd: '/tmp' },
    );
    expect(config).toMatchObject({
      port: 8080,
      seedDemo: true,
      databaseUrl: 'postgres://u:p@db:5432/impact',
      migrationDatabaseUrl: 'postgres://owner:p@db:5432/impact',
      apiDocs: false,
      corsOrigins: ['https://a.example', 'https://b.example'],
      admin: { email: 'boss@example.org', password: 'long-enough-password' },
      jwt: { secretSource: 'env' },
    });
  });
});

describe('mail and reminders', () => {
  it('keep mail queued without SMTP_URL, link to localhost:PORT and remind at 06:00 UTC by default', () => {
    expect(loadConfig({ PORT: '8080' }, { cwd: '/tmp' })).toMatchObject({
      mail: { smtpUrl: null, from: 'Impact Tracker <no-reply@localhost>', publicUrl: 'http://localhost:8080' },
      reminderHour: 6,
      contactLinkDays: 14,
    });
  });

  it('read SMTP_URL, MAIL_FROM, PUBLIC_URL (without its trailing slash) and REMINDER_HOUR', () => {
    const config = loadConfig(
      {
        SMTP_URL: 'smtps://user:pw@mail.example.org:465',
        MAIL_FROM: 'Impact Tracker <tracker@example.org>',
        PUBLIC_URL: 'https://impact.example.org/',
        REMINDER_HOUR: '0',
      },
      { cwd: '/tmp' },
    );
    expect(config).toMatchObject({
      mail: {
        smtpUrl: 'smtps://user:pw@mail.example.org:465',
        from: 'Impact Tracker <tracker@example.org>',
        publicUrl: 'https://impact.example.org',
      },
      reminderHour: 0,
      contactLinkDays: 14,
    });
  });
});

describe('API docs', () => {
  const prod = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };
  it('are off in production unless API_DOCS=true, on elsewhere unless API_DOCS=false', () => {
    expect(loadConfig({ ...prod }, { cwd: '/tmp' }).apiDocs).toBe(false);
    expect(loadConfig({ ...prod, API_DOCS: 'true' }, { cwd: '/tmp' }).apiDocs).toBe(true);
    expect(loadConfig({ JWT_SECRET: 'x'.repeat(32) }, { cwd: '/tmp' }).apiDocs).toBe(true);
    expect(loadConfig({ JWT_SECRET: 'x'.repeat(32), API_DOCS: 'false' }, { cwd: '/tmp' }).apiDocs).toBe(false);
  });
});

describe('TRUST_PROXY', () => {
  it.each([
    ['loopback', ['loopback']],
    ['true', true],
    ['FALSE', false],
    ['2', 2],
    ['loopback, 10.0.0.0/8, 192.168.1.7', ['loopback', '10.0.0.0/8', '192.168.1.7']],
    ['fd00::/8,uniquelocal,linklocal', ['fd00::/8', 'uniquelocal', 'linklocal']],
    ['172.16.0.0/255.240.0.0', ['172.16.0.0/255.240.0.0']],
  ])('reads %j as Express reads it', (raw, expected) => {
    expect(loadConfig({ TRUST_PROXY: raw }, { cwd: '/tmp' }).trustProxy).toEqual(expected);
  });

  it('says in one line what it accepts', () => {
    expect(fail({ TRUST_PROXY: 'my-proxy' })).toBe(
      'Invalid configuration: TRUST_PROXY must be true, false, a number of proxy hops, or a comma-separated list of loopback, linklocal, uniquelocal, IP addresses and CIDR ranges (e.g. loopback,10.0.0.0/8)',
    );
  });
});

describe('ADMIN_PASSWORD', () => {
  it('refuses a common password, whatever its case', () => {
    expect(fail({ ADMIN_EMAIL: 'boss@example.org', ADMIN_PASSWORD: 'Password1234' })).toBe(
      'Invalid configuration: ADMIN_PASSWORD is too common; choose a longer passphrase',
    );
  });
});

describe('messages', () => {
  it('says what is wrong in words an operator can act on', () => {
    expect(fail({ PORT: 'abc' })).toBe('Invalid configuration: PORT must be a port number from 1 to 65535');
    expect(fail({ NODE_ENV: 'production' })).toBe(
      'Invalid configuration: JWT_SECRET is required when NODE_ENV=production (at least 32 characters)',
    );
  });
});
