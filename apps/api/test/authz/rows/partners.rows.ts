import { adminOnly, signedIn, type MatrixRow, type PrincipalName } from '../matrix';
import { freshPartner } from './core-fixtures';

const managers = (ok: number): Record<PrincipalName, number> => ({ ...adminOnly(ok), managerX: ok, managerY: ok });

export const partnersRows: MatrixRow[] = [
  { route: 'GET /api/partners', request: () => ({ path: '/api/partners' }), expect: signedIn(200) },
  { route: 'GET /api/partners/export.csv', request: () => ({ path: '/api/partners/export.csv' }), expect: signedIn(200) },
  { route: 'GET /api/partners/{id}', request: async (w) => ({ path: `/api/partners/${await freshPartner(w)}` }), expect: signedIn(200) },
  {
    route: 'POST /api/partners',
    request: (w) => ({ path: '/api/partners', body: { name: `Partner ${w.unique()}`, kind: 'academic' } }),
    expect: managers(201),
  },
  {
    route: 'PATCH /api/partners/{id}',
    request: async (w) => ({ path: `/api/partners/${await freshPartner(w)}`, body: { version: 1, countryCode: 'ZA' } }),
    expect: managers(200),
  },
  {
    route: 'DELETE /api/partners/{id}',
    request: async (w) => ({ path: `/api/partners/${await freshPartner(w)}` }),
    expect: adminOnly(204),
  },
];
