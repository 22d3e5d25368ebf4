import { mayOnRecord, scopeFor, type Action, type RecordPlace, type Resource } from '@impact/contracts';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ForbiddenError, NotFoundError } from '../common/errors';
import type { AuthUser } from './auth-user';

/**
 * The record-level check every service starts with (after loading the record's place):
 * outside what the caller may read → 404 (existence is not revealed); readable but the action is not
 * granted on this record → 403.
 */
export function requireAccess(
  user: AuthUser,
  resource: Resource,
  action: Action,
  place: RecordPlace,
  notFound: () => Error = () => new NotFoundError(),
): void {
  if (!mayOnRecord(user, resource, 'read', place)) throw notFound();
  if (action !== 'read' && !mayOnRecord(user, resource, action, place)) {
    throw new ForbiddenError('You may not change this record.');
  }
}

/** How a resource's rows are matched to a hub scope and a city scope, as SQL over a parameter. */
export interface ScopeColumns {
  /** e.g. `(p) => \`c.hub_id = ANY(${p}::uuid[])\`` */
  hub: (param: string) => string;
  /** e.g. `(p) => \`c.id = ANY(${p}::uuid[])\`` */
  city: (param: string) => string;
}

function scopeSql(user: AuthUser, resource: Resource, action: Action, columns: ScopeColumns, bind: (value: unknown) => string): string {
  switch (scopeFor(user.role, resource, action)) {
    case 'all':
      return 'TRUE';
    case 'hub':
      return `(${columns.hub(bind(user.hubIds))})`;
    case 'city':
      return `(${columns.city(bind(user.cityIds))})`;
    default:
      return 'FALSE';
  }
}

/**
 * The SQL condition that keeps a statement to what the caller may do (`read` for lists), so lists are
 * filtered in the database, never after loading. Pushes its parameter onto `params` (positional `$n`).
 */
export function scopeCondition(user: AuthUser, resource: Resource, action: Action, columns: ScopeColumns, params: unknown[]): string {
  return scopeSql(user, resource, action, columns, (value) => `$${params.push(value)}`);
}

/** The same condition on a QueryBuilder, with the named parameter `:scope`. */
export function andWhereInScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  user: AuthUser,
  resource: Resource,
  action: Action,
  columns: ScopeColumns,
): SelectQueryBuilder<T> {
  const parameters: ObjectLiteral = {};
  const condition = scopeSql(user, resource, action, columns, (value) => {
    parameters['scope'] = value;
    return ':scope';
  });
  return qb.andWhere(condition, parameters);
}
