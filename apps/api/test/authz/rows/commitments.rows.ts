import { signedIn, type MatrixRow, type PrincipalName } from '../matrix';
import { freshCommitment } from './core-fixtures';

/** Targets are commitments of city A (hub X). */
const readA: Record<PrincipalName, number> = { ...signedIn(200), liaisonB: 404 };
/** Liaisons update and transition their cities' commitments; liaisonB cannot even read city A's. */
const liaisonAndHubX = (ok: number): Record<PrincipalName, number> => ({
  anonymous: 401,
  liaisonA: ok,
  liaisonB: 404,
  managerX: ok,
  managerY: 403,
  leadership: 403,
  admin: ok,
});
const hubX = (ok: number): Record<PrincipalName, number> => ({ ...liaisonAndHubX(ok), liaisonA: 403, liaisonB: 403 });

export const commitmentsRows: MatrixRow[] = [
  { route: 'GET /api/commitments', request: () => ({ path: '/api/commitments' }), expect: signedIn(200) },
  { route: 'GET /api/commitments/export.csv', request: () => ({ path: '/api/commitments/export.csv' }), expect: signedIn(200) },
  { route: 'GET /api/commitments/{id}', request: async (w) => ({ path: `/api/commitments/${await freshCommitment(w)}` }), expect: readA },
  {
    route: 'GET /api/commitments/{id}/history',
    request: async (w) => ({ path: `/api/commitments/${await freshCommitment(w)}/history` }),
    expect: readA,
  },
  {
    route: 'POST /api/commitments',
    request: (w) => ({ path: '/api/commitments', body: { title: `Pledge ${w.unique()}`, kind: 'youth_council', cityId: w.cityA } }),
    expect: hubX(201),
  },
  {
    route: 'PATCH /api/commitments/{id}',
    request: async (w) => ({ path: `/api/commitments/${await freshCommitment(w)}`, body: { version: 1, progress: 20 } }),
    expect: liaisonAndHubX(200),
  },
  {
    route: 'POST /api/commitments/{id}/transitions',
    request: async (w) => ({
      path: `/api/commitments/${await freshCommitment(w)}/transitions`,
      body: { to: 'in_progress', note: 'Work started' },
    }),
    expect: liaisonAndHubX(200),
  },
  {
    route: 'DELETE /api/commitments/{id}',
    request: async (w) => ({ path: `/api/commitments/${await freshCommitment(w)}` }),
    expect: hubX(204),
  },
];
