import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  validateSync,
  ValidationError,
} from 'class-validator';
import { PASSWORD_MIN_LENGTH } from '@impact/contracts';
import { IsNotCommonPassword } from '../auth/common-passwords';
import { parseTrustProxy, TRUST_PROXY_MESSAGE } from './trust-proxy';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const PORT_MESSAGE = 'must be a port number from 1 to 65535';

const emptyToUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' && /^-?\d+$/.test(value.trim()) ? Number(value) : emptyToUndefined({ value });
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string' || value.trim() === '') return emptyToUndefined({ value });
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  return value;
};

/**
 * The process environment as the API reads it. Every variable is checked at boot; the first bad one
 * stops the start with one line naming it (see `loadConfig`).
 */
export class EnvironmentVariables {
  @Transform(toInt)
  @IsOptional()
  @IsInt({ message: PORT_MESSAGE })
  @Min(1, { message: PORT_MESSAGE })
  @Max(65535, { message: PORT_MESSAGE })
  PORT?: number;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(NODE_ENVS, { message: `must be one of ${NODE_ENVS.join(', ')}` })
  NODE_ENV?: NodeEnv;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, {
    message: 'must be a postgres:// or postgresql:// connection URL',
  })
  DATABASE_URL?: string;

  /** The schema owner's connection, for migrations, grants, demo data and the admin bootstrap only. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, {
    message: 'must be a postgres:// or postgresql:// connection URL',
  })
  MIGRATION_DATABASE_URL?: string;

  @Transform(toBool)
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  SEED_DEMO?: boolean;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  EMBEDDED_PG_DIR?: string;

  @Transform(toInt)
  @IsOptional()
  @IsInt({ message: PORT_MESSAGE })
  @Min(1, { message: PORT_MESSAGE })
  @Max(65535, { message: PORT_MESSAGE })
  EMBEDDED_PG_PORT?: number;

  @Transform(emptyToUndefined)
  @ValidateIf((o: EnvironmentVariables) => o.NODE_ENV === 'production' || o.JWT_SECRET !== undefined)
  @IsString({ message: 'is required when NODE_ENV=production' })
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  JWT_ISSUER?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  JWT_AUDIENCE?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((o: EnvironmentVariables) => o.ADMIN_EMAIL !== undefined || o.ADMIN_PASSWORD !== undefined)
  @IsEmail(
    {},
    {
      message: 'must be an e-mail address (ADMIN_EMAIL and ADMIN_PASSWORD go together)',
    },
  )
  ADMIN_EMAIL?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((o: EnvironmentVariables) => o.ADMIN_EMAIL !== undefined || o.ADMIN_PASSWORD !== undefined)
  @IsString({
    message: 'is required when ADMIN_EMAIL is set (they go together)',
  })
  @MinLength(PASSWORD_MIN_LENGTH, {
    message: `must be at least ${PASSWORD_MIN_LENGTH} characters`,
  })
  @IsNotCommonPassword({ message: 'is too common; choose a longer passphrase' })
  ADMIN_PASSWORD?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL?: LogLevel;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^\s*(https?:\/\/[^\s,]+)(\s*,\s*https?:\/\/[^\s,]+)*\s*$/, {
    message: 'must be a comma-separated list of http(s) origins',
  })
  CORS_ORIGINS?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^\d+(\.\d+)?\s*(b|kb|mb)$/i, {
    message: 'must be a size such as 100kb or 1mb',
  })
  BODY_LIMIT?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  WEB_DIST?: string;

  @Transform(toBool)
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  API_DOCS?: boolean;

  @Transform(emptyToUndefined)
  @IsOptional()
  @ValidateBy({
    name: 'isTrustProxy',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseTrustProxy(value) !== null,
      defaultMessage: () => TRUST_PROXY_MESSAGE,
    },
  })
  TRUST_PROXY?: string;

  /** Where mail goes; empty keeps every mail queued in the outbox (nothing is lost). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL (smtp://user:pass@host:587)' })
  SMTP_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, {
    message: 'must be an address such as tracker@example.org or "Impact Tracker <tracker@example.org>"',
  })
  MAIL_FROM?: string;

  /** The base of every link in a mail. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, { message: 'must be an http(s) URL such as https://impact.example.org' })
  PUBLIC_URL?: string;

  @Transform(toInt)
  @IsOptional()
  @IsInt({ message: 'must be an hour from 0 to 23 (UTC)' })
  @Min(0, { message: 'must be an hour from 0 to 23 (UTC)' })
  @Max(23, { message: 'must be an hour from 0 to 23 (UTC)' })
  REMINDER_HOUR?: number;

  /** Days a contact link (confirm a follow-up without an account) stays valid. */
  @Transform(toInt)
  @IsOptional()
  @IsInt({ message: 'must be a whole number of days from 1 to 90' })
  @Min(1, { message: 'must be a whole number of days from 1 to 90' })
  @Max(90, { message: 'must be a whole number of days from 1 to 90' })
  CONTACT_LINK_DAYS?: number;
}

/** A configuration error: its message is the one line printed before the process stops. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid configuration: ${variable} ${detail}`);
    this.name = 'ConfigError';
  }
}

/** Validates a raw environment; throws `ConfigError` naming the first bad variable. */
export function validateEnvironment(raw: NodeJS.ProcessEnv | Record<string, string | undefined>): EnvironmentVariables {
  if (raw['NODE_ENV'] === 'production' && !raw['JWT_SECRET']?.trim()) {
    throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production (at least 32 characters)');
  }
  const env = plainToInstance(EnvironmentVariables, { ...raw }, { excludeExtraneousValues: false });
  const errors = validateSync(env, {
    skipMissingProperties: false,
    whitelist: false,
  });
  if (errors.length > 0) {
    const first: ValidationError = errors[0];
    const message = Object.values(first.constraints ?? { invalid: 'is invalid' })[0];
    throw new ConfigError(first.property, message);
  }
  if (env.MIGRATION_DATABASE_URL !== undefined && env.DATABASE_URL === undefined) {
    throw new ConfigError('MIGRATION_DATABASE_URL', 'needs DATABASE_URL too (the embedded database creates its own owner and app roles)');
  }
  if (env.ADMIN_EMAIL !== undefined && env.ADMIN_PASSWORD === undefined) {
    throw new ConfigError('ADMIN_PASSWORD', 'is required when ADMIN_EMAIL is set (they go together)');
  }
  if (env.ADMIN_PASSWORD !== undefined && env.ADMIN_EMAIL === undefined) {
    throw new ConfigError('ADMIN_EMAIL', 'is required when ADMIN_PASSWORD is set (they go together)');
  }
  return env;
}
