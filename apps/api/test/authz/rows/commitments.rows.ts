import { cityAWriters, hubXWriters, readCityA, signedIn, type MatrixRow } from '../matrix';
import { freshCommitment } from './core-fixtures';

/** Targets are commitments of city A (hub X). */
export const commitmentsRows: MatrixRow[] = [
  { route: 'GET /api/commitments', request: () => ({ path: '/api/commitments' }), expect: signedIn(200) },
  { route: 'GET /api/commitments/export.csv', request: () => ({ path: '/api/commitments/export.csv' }), expect: signedIn(200) },
  {
    route: 'GET /api/commitments/{id}',
    request: async (w) => ({ path: `/api/commitments/${await freshCommitment(w)}` }),
    expect: readCityA,
  },
  {
    route: 'GET /api/commitments/{id}/history',
    request: async (w) => ({ path: `/api/commitments/${await freshCommitment(w)}/history` }),
    expect: readCityA,
  },
  {
    route: 'POST /api/commitments',
    request: (w) => ({ path: '/api/commitments', body: { title: `Pledge ${w.unique()}`, kind: 'youth_council', cityId: w.cityA } }),
    expect: hubXWriters(201),
  },
  {
    route: 'PATCH /api/commitments/{id}',
    request: async (w) => ({ path: `/api/commitments/${await freshCommitment(w)}`, body: { version: 1, progress: 20 } }),
    expect: cityAWriters(200, 404),
  },
  {
    route: 'POST /api/commitments/{id}/transitions',
    request: async (w) => ({
      path: `/api/commitments/${await freshCommitment(w)}/transitions`,
      body: { to: 'in_progress', note: 'Work started' },
    }),
    expect: cityAWriters(200, 404),
  },
  {
    route: 'DELETE /api/commitments/{id}',
    request: async (w) => ({ path: `/api/commitments/${await freshCommitment(w)}` }),
    expect: hubXWriters(204),
  },
];
