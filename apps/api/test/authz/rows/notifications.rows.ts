import { adminOnly, signedIn, type MatrixRow } from '../matrix';

/** Every signed-in user has its own notifications and settings; the rules and the outbox are admins'. */
export const notificationsRows: MatrixRow[] = [
  { route: 'GET /api/notifications', request: () => ({ path: '/api/notifications?unread=true' }), expect: signedIn(200) },
  {
    route: 'POST /api/notifications/read',
    request: () => ({ path: '/api/notifications/read', body: { all: true } }),
    expect: signedIn(200),
  },
  { route: 'GET /api/notification-settings', request: () => ({ path: '/api/notification-settings' }), expect: signedIn(200) },
  {
    route: 'PATCH /api/notification-settings',
    request: () => ({ path: '/api/notification-settings', body: { email: 'daily' } }),
    expect: signedIn(200),
  },
  {
    route: 'POST /api/reminders/run',
    request: () => ({ path: '/api/reminders/run', body: { asOf: '2026-01-05' } }),
    expect: adminOnly(200),
  },
  { route: 'GET /api/outbox', request: () => ({ path: '/api/outbox?status=queued' }), expect: adminOnly(200) },
];
