import type { Role } from './enums';

/**
 * Who may do what to which resource: the one table both the API (guards and services) and the web
 * (which actions to show) read. The scope says which records of the resource the rule reaches:
 * - `all`: every record;
 * - `hub`: records in one of the user's hubs;
 * - `city`: records of one of the user's cities (for engagements: those the city hosted or took part in);
 * - `none`: not at all.
 * The API checks the scope on the record itself; the role alone is never enough.
 */
export const RESOURCES = [
  'hubs',
  'cities',
  'partners',
  'engagements',
  'commitments',
  'followUps',
  'outcomes',
  'stories',
  'users',
  'audit',
  'dashboard',
  // The caller's own notifications and settings: every role, its own rows only (the API filters by user).
  'notifications',
  // Running the daily rules by hand, and reading the mail outbox: admins.
  'reminders',
  'outbox',
] as const;
export type Resource = (typeof RESOURCES)[number];

export const ACTIONS = ['read', 'create', 'update', 'archive', 'transition', 'publish'] as const;
export type Action = (typeof ACTIONS)[number];

export type Scope = 'all' | 'hub' | 'city' | 'none';

type Grants = Partial<Record<Action, Scope>>;
type Matrix = Record<Role, Record<Resource, Grants>>;

const ALL: Grants = { read: 'all', create: 'all', update: 'all', archive: 'all', transition: 'all', publish: 'all' };
const READ_ALL: Grants = { read: 'all' };
const OWN_NOTIFICATIONS: Grants = { read: 'all', update: 'all' };

export const PERMISSIONS: Readonly<Matrix> = {
  admin: {
    hubs: ALL,
    cities: ALL,
    partners: ALL,
    engagements: ALL,
    commitments: ALL,
    followUps: ALL,
    outcomes: ALL,
    stories: ALL,
    users: ALL,
    audit: READ_ALL,
    dashboard: READ_ALL,
    notifications: OWN_NOTIFICATIONS,
    reminders: { create: 'all' },
    outbox: READ_ALL,
  },
  leadership: {
    hubs: READ_ALL,
    cities: READ_ALL,
    partners: READ_ALL,
    engagements: READ_ALL,
    commitments: READ_ALL,
    followUps: READ_ALL,
    outcomes: READ_ALL,
    // Leadership reviews: sends back, publishes, archives; it does not draft.
    stories: { read: 'all', transition: 'all', publish: 'all', archive: 'all' },
    users: {},
    audit: READ_ALL,
    dashboard: READ_ALL,
    notifications: OWN_NOTIFICATIONS,
    reminders: {},
    outbox: {},
  },
  hub_manager: {
    hubs: READ_ALL,
    cities: { read: 'all', create: 'hub', update: 'hub', archive: 'hub' },
    partners: { read: 'all', create: 'all', update: 'all' },
    engagements: { read: 'all', create: 'hub', update: 'hub', archive: 'hub' },
    commitments: { read: 'all', create: 'hub', update: 'hub', archive: 'hub', transition: 'hub' },
    followUps: { read: 'all', create: 'hub', update: 'hub', archive: 'hub' },
    outcomes: { read: 'all', create: 'hub', update: 'hub', archive: 'hub' },
    stories: { read: 'all', create: 'hub', update: 'hub', archive: 'hub', transition: 'hub' },
    users: {},
    audit: { read: 'hub' },
    dashboard: READ_ALL,
    notifications: OWN_NOTIFICATIONS,
    reminders: {},
    outbox: {},
  },
  city_liaison: {
    hubs: READ_ALL,
    cities: { read: 'city' },
    partners: READ_ALL,
    engagements: { read: 'city' },
    commitments: { read: 'city', update: 'city', transition: 'city' },
    followUps: { read: 'city', create: 'city', update: 'city' },
    outcomes: { read: 'city', create: 'city', update: 'city' },
    stories: { read: 'city' },
    users: {},
    audit: {},
    dashboard: { read: 'city' },
    notifications: OWN_NOTIFICATIONS,
    reminders: {},
    outbox: {},
  },
};

export function scopeFor(role: Role, resource: Resource, action: Action): Scope {
  return PERMISSIONS[role][resource][action] ?? 'none';
}

/** True when the role may take the action on at least some records of the resource. */
export function may(role: Role, resource: Resource, action: Action): boolean {
  return scopeFor(role, resource, action) !== 'none';
}

/** The principal a scope check needs: the user's role and the hubs and cities it is scoped to. */
export interface Principal {
  id: string;
  role: Role;
  hubIds: readonly string[];
  cityIds: readonly string[];
}

/** Where a record sits: its hub and the cities it concerns (for an engagement: host, place and participants). */
export interface RecordPlace {
  hubIds: readonly string[];
  cityIds: readonly string[];
}

/** Decides a scope against one record. `all` passes, `none` fails, `hub`/`city` need an overlap. */
export function scopeAllows(scope: Scope, principal: Principal, place: RecordPlace): boolean {
  switch (scope) {
    case 'all':
      return true;
    case 'hub':
      return place.hubIds.some((h) => principal.hubIds.includes(h));
    case 'city':
      return place.cityIds.some((c) => principal.cityIds.includes(c));
    default:
      return false;
  }
}

/** May this principal take this action on this record? */
export function mayOnRecord(principal: Principal, resource: Resource, action: Action, place: RecordPlace): boolean {
  return scopeAllows(scopeFor(principal.role, resource, action), principal, place);
}
