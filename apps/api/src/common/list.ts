import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type ListQuery, type Page } from '@impact/contracts';
import type { EntityManager } from 'typeorm';
import { ValidationFailedError } from './errors';

/** `page`, `pageSize`, `sort`, `q`: what every list takes (docs/api.md, "Lists"). */
export class ListQueryDto implements ListQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;

  @ApiPropertyOptional({ description: '`<field>:<asc|desc>`' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z]+(:(asc|desc))?$/, { message: 'sort must look like field:asc or field:desc' })
  sort?: string;

  @ApiPropertyOptional({ description: 'Text search (any language); at most 200 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

/**
 * An allow-list of sortable field → SQL expression. A Map, not an object: looking up `constructor`
 * or `toString` in an object literal finds Object.prototype's members, which would go into the SQL.
 */
export type SortFields = ReadonlyMap<string, string>;

export const sortFields = (fields: Record<string, string>): SortFields => new Map(Object.entries(fields));

/**
 * ORDER BY for a `field:dir` sort over an allow-list of field → SQL expression. An unknown field is a
 * 400 naming `sort`; the id always breaks ties so paging is stable.
 */
export function orderBy(sort: string | undefined, allowed: SortFields, fallback: string, idColumn: string): string {
  if (!sort) return `${fallback}, ${idColumn}`;
  const [field, dir = 'asc'] = sort.split(':');
  const expr = allowed.get(field);
  if (expr === undefined) {
    throw new ValidationFailedError([{ field: 'sort', message: `sort must be one of ${[...allowed.keys()].join(', ')}` }]);
  }
  const direction = dir === 'desc' ? 'DESC' : 'ASC';
  return `${expr} ${direction} NULLS LAST, ${idColumn} ${direction}`;
}

/** `%q%` for ILIKE with the wildcards of the text escaped; null when there is nothing to search. */
export function likePattern(q: string | null | undefined): string | null {
  const text = q?.trim();
  return text ? `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
}

/** Collects WHERE conditions and their parameters; `add('x = ?', v)` numbers the placeholder. */
export class Where {
  readonly conditions: string[] = [];
  constructor(readonly params: unknown[] = []) {}

  /** Pushes a value and returns its placeholder (`$3`). */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** Adds a condition when `value` is given; `?` in the SQL stands for its placeholder (each use). */
  when(value: unknown, sql: string): this {
    if (value === undefined || value === null || value === '') return this;
    const p = this.param(value);
    this.conditions.push(sql.replace(/\?/g, p));
    return this;
  }

  add(sql: string): this {
    this.conditions.push(sql);
    return this;
  }

  toSql(): string {
    return this.conditions.length ? this.conditions.map((c) => `(${c})`).join(' AND ') : 'TRUE';
  }
}

/** Rows past this many are never exported at once. */
export const CSV_MAX_ROWS = 50_000;

export interface PagedQuery {
  /** SELECT list (without `SELECT`). */
  select: string;
  /** FROM and JOINs (without `FROM`). */
  from: string;
  where: Where;
  orderBy: string;
}

/**
 * One round trip for a page and its total (`count(*) OVER ()`); a second, counting one only when the
 * page is past the end and so carries no total.
 */
export async function pagedQuery<R>(
  manager: EntityManager,
  query: PagedQuery,
  page: number,
  pageSize: number,
): Promise<{ rows: R[]; total: number }> {
  const params = [...query.where.params, pageSize, (page - 1) * pageSize];
  const n = query.where.params.length;
  const rows: (R & { __total: string })[] = await manager.query(
    `SELECT ${query.select}, count(*) OVER () AS __total FROM ${query.from} WHERE ${query.where.toSql()}
      ORDER BY ${query.orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`,
    params,
  );
  if (rows.length) return { rows, total: Number(rows[0].__total) };
  if (page === 1) return { rows: [], total: 0 };
  const [{ total }] = await manager.query(`SELECT count(*)::int AS total FROM ${query.from} WHERE ${query.where.toSql()}`, query.where.params);
  return { rows: [], total };
}

/** All rows the filters match, up to `cap` (for CSV export and one-call read models). */
export async function allRows<R>(manager: EntityManager, query: PagedQuery, cap = CSV_MAX_ROWS): Promise<R[]> {
  const n = query.where.params.length;
  return manager.query(
    `SELECT ${query.select} FROM ${query.from} WHERE ${query.where.toSql()} ORDER BY ${query.orderBy} LIMIT $${n + 1}`,
    [...query.where.params, cap],
  );
}

export function pageParams(q: ListQuery): { page: number; pageSize: number } {
  return { page: q.page ?? 1, pageSize: q.pageSize ?? DEFAULT_PAGE_SIZE };
}

export function toPage<T>(items: T[], total: number, page: number, pageSize: number): Page<T> {
  return { items, total, page, pageSize };
}
