import { adminOnly, signedIn, type MatrixRow } from '../matrix';

async function freshUser(world: Parameters<MatrixRow['request']>[0]): Promise<string> {
  const [{ id }] = await world.db.query(
    `INSERT INTO users (email, name, role, password_hash) VALUES ($1, 'Matrix target', 'leadership', 'x') RETURNING id`,
    [`target-${world.unique()}@impact.test`],
  );
  return id;
}

export const usersRows: MatrixRow[] = [
  { route: 'GET /api/users', request: () => ({ path: '/api/users' }), expect: adminOnly(200) },
  { route: 'GET /api/users/lookup', request: () => ({ path: '/api/users/lookup?q=a' }), expect: signedIn(200) },
  {
    route: 'GET /api/users/{id}',
    request: (w) => ({ path: `/api/users/${w.userIds.liaisonA}` }),
    expect: adminOnly(200),
  },
  {
    route: 'POST /api/users',
    request: (w) => ({
      path: '/api/users',
      body: {
        email: `new-${w.unique()}@impact.test`,
        name: 'New colleague',
        password: 'a-long-enough-password',
        role: 'city_liaison',
        hubIds: [],
        cityIds: [w.cityA],
      },
    }),
    expect: adminOnly(201),
  },
  {
    route: 'PATCH /api/users/{id}',
    request: async (w) => ({ path: `/api/users/${await freshUser(w)}`, body: { version: 1, name: 'Renamed' } }),
    expect: adminOnly(200),
  },
  {
    route: 'DELETE /api/users/{id}',
    request: async (w) => ({ path: `/api/users/${await freshUser(w)}` }),
    expect: adminOnly(204),
  },
  {
    route: 'GET /api/users/{id}/open-work',
    request: (w) => ({ path: `/api/users/${w.userIds.liaisonA}/open-work` }),
    expect: adminOnly(200),
  },
  {
    route: 'POST /api/users/{id}/deactivate',
    request: async (w) => ({ path: `/api/users/${await freshUser(w)}/deactivate`, body: {} }),
    expect: adminOnly(204),
  },
];
