import { everyone, signedIn, type MatrixRow } from '../matrix';

export const authRows: MatrixRow[] = [
  { route: 'GET /api/health', request: () => ({ path: '/api/health' }), expect: everyone(200) },
  {
    route: 'POST /api/auth/login',
    // A wrong password for a real account: the same 401 for everyone (sign-in is public).
    request: () => ({ path: '/api/auth/login', body: { email: 'leadership@impact.test', password: 'not-the-password-at-all' } }),
    expect: everyone(401),
  },
  {
    route: 'POST /api/auth/refresh',
    request: () => ({ path: '/api/auth/refresh', body: { refreshToken: '00000000-0000-0000-0000-000000000000.nope' } }),
    expect: everyone(401),
  },
  {
    route: 'POST /api/auth/logout',
    // Logout ends the session it is sent with: a session of its own, so the shared tokens live on.
    request: async (world, who) => ({
      path: '/api/auth/logout',
      body: {},
      token: who === 'anonymous' ? undefined : await world.signIn(who),
    }),
    expect: signedIn(204),
  },
  { route: 'GET /api/auth/me', request: () => ({ path: '/api/auth/me' }), expect: signedIn(200) },
  { route: 'PATCH /api/auth/me', request: () => ({ path: '/api/auth/me', body: { language: 'en' } }), expect: signedIn(200) },
];
