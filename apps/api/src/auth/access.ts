import { mayOnRecord, scopeFor, type Action, type RecordPlace, type Resource } from '@impact/contracts';
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

/**
 * The SQL condition that keeps a list to what the caller may do (`read` for lists), so lists are
 * filtered in the database, never after loading. Pushes its parameter onto `params`.
 */
export function scopeCondition(user: AuthUser, resource: Resource, action: Action, columns: ScopeColumns, params: unknown[]): string {
  switch (scopeFor(user.role, resource, action)) {
    case 'all':
      return 'TRUE';
    case 'hub':
      params.push(user.hubIds);
      return `(${columns.hub(`$${params.length}`)})`;
    case 'city':
      params.push(user.cityIds);
      return `(${columns.city(`$${params.length}`)})`;
    default:
      return 'FALSE';
  }
}
