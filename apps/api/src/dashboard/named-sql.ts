import type { DataSource } from 'typeorm';

/** Values of one statement by name; an undefined value is left out (its `:name` then fails loudly). */
export type NamedParams = Record<string, unknown>;

/**
 * Binds `:name` placeholders (QueryBuilder's syntax) to PostgreSQL's `$n` with TypeORM's own driver,
 * so the dashboard's raw rollup statements bind values exactly as its QueryBuilder queries do; a name
 * used twice is bound once. Casts (`::uuid[]`) are untouched as long as no parameter is named like a type.
 */
export function bindNamed(dataSource: DataSource, sql: string, params: NamedParams): [sql: string, values: unknown[]] {
  const given = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
  return dataSource.driver.escapeQueryWithParameters(sql, given);
}

/** The placeholder of an optional value: `:name` when the value is given, null (no bound) otherwise. */
export const placeholder = (name: string, value: unknown): string | null =>
  value === undefined || value === null || value === '' ? null : `:${name}`;
