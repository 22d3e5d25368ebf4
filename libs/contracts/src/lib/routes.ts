/** Route paths of the HTTP contract, relative to the `/api` prefix. */
export const API_PREFIX = 'api';

export const ROUTES = {
  health: 'health',
  auth: {
    login: 'auth/login',
    refresh: 'auth/refresh',
    logout: 'auth/logout',
    me: 'auth/me',
    passwordReset: 'auth/password-reset',
    passwordLinks: 'auth/password-links',
    password: 'auth/password',
  },
  users: 'users',
  hubs: 'hubs',
  cities: 'cities',
  partners: 'partners',
  engagements: 'engagements',
  commitments: 'commitments',
  followUps: 'follow-ups',
  outcomes: 'outcomes',
  stories: 'stories',
  publicStories: 'public/stories',
  dashboard: 'dashboard',
  audit: 'audit',
  notifications: 'notifications',
  notificationSettings: 'notification-settings',
  reminders: 'reminders',
  outbox: 'outbox',
  publicFollowUpLinks: 'public/follow-up-links',
  search: 'search',
  imports: 'imports',
} as const;

/** Access tokens live 15 minutes. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const PASSWORD_MIN_LENGTH = 12;

/** `GET /api/<list>/export.csv?<the list's filters>`: the list as CSV (UTF-8 with BOM, for Excel). */
export const CSV_EXPORT_SUFFIX = 'export.csv';
