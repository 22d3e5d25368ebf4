import { scopeFor } from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';

/**
 * Who the figures are about: everything (admin, leadership, hub managers: dashboard read is `all`),
 * or a liaison's cities only (`city` scope).
 */
export type DashboardScope = { kind: 'all' } | { kind: 'cities'; cityIds: string[] };

export function dashboardScope(user: AuthUser): DashboardScope {
  const scope = scopeFor(user.role, 'dashboard', 'read');
  if (scope === 'all') return { kind: 'all' };
  if (scope === 'city') return { kind: 'cities', cityIds: user.cityIds };
  return { kind: 'cities', cityIds: [] };
}

/** The inclusive date range of range figures; a missing bound is open. */
export interface DashboardRange {
  from?: string;
  to?: string;
}
