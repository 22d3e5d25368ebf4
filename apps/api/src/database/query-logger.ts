import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * What may be logged about a failed statement: PostgreSQL's own fields that name things (code,
 * constraint, table, column, routine), never the values. PostgreSQL's `message` and `detail` can
 * quote the values ("Key (email)=(…) already exists", "invalid input syntax for type uuid: …"),
 * and the values are people's data, so neither is kept.
 */
export function describeDatabaseError(error: unknown): Record<string, string> {
  const e = (error ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const key of ['code', 'severity', 'constraint', 'schema', 'table', 'column', 'dataType', 'routine'] as const) {
    const value = e[key];
    if (typeof value === 'string' && value) out[key] = value;
  }
  if (!out['code']) out['name'] = error instanceof Error ? error.name : typeof error;
  return out;
}

/**
 * TypeORM's logger: failed statements are logged with their SQL text (which carries `$1` placeholders,
 * not values) and the error's code and names, never their parameters or PostgreSQL's message.
 * Besides TypeORM's warnings, nothing else is logged (no query log, no schema or migration chatter).
 */
export class SafeQueryLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('Database');

  constructor(private readonly enabled: boolean) {}

  logQueryError(error: string | Error, query: string): void {
    if (!this.enabled) return;
    const fields = describeDatabaseError(error);
    this.logger.error(
      { db: fields, sql: query },
      `Query failed${fields['code'] ? ` (${fields['code']}${fields['constraint'] ? ` ${fields['constraint']}` : ''})` : ''}`,
    );
  }

  logQuery(): void {
    // Statements that succeed are not logged.
  }

  logQuerySlow(): void {
    // No slow-query logging (and it would carry parameters).
  }

  logSchemaBuild(): void {
    // Schema synchronisation is off.
  }

  logMigration(): void {
    // The bootstrap logs which migrations it applied.
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (this.enabled && level === 'warn' && typeof message === 'string') this.logger.warn(message);
  }
}
