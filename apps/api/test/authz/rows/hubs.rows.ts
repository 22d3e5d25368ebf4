import { adminOnly, signedIn, type MatrixRow } from '../matrix';
import { freshHub } from './core-fixtures';

export const hubsRows: MatrixRow[] = [
  { route: 'GET /api/hubs', request: () => ({ path: '/api/hubs' }), expect: signedIn(200) },
  {
    route: 'POST /api/hubs',
    request: (w) => ({ path: '/api/hubs', body: { code: `h-${w.unique()}`, name: 'New hub' } }),
    expect: adminOnly(201),
  },
  {
    route: 'PATCH /api/hubs/{id}',
    request: async (w) => ({ path: `/api/hubs/${await freshHub(w)}`, body: { version: 1, name: 'Renamed hub' } }),
    expect: adminOnly(200),
  },
  { route: 'DELETE /api/hubs/{id}', request: async (w) => ({ path: `/api/hubs/${await freshHub(w)}` }), expect: adminOnly(204) },
];
