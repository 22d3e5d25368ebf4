import { cityAWriters, readCityA, signedIn, type MatrixRow } from '../matrix';
import { freshOutcome } from './core-fixtures';

/** Targets are outcomes of city A (hub X). */
export const outcomesRows: MatrixRow[] = [
  { route: 'GET /api/outcomes', request: () => ({ path: '/api/outcomes' }), expect: signedIn(200) },
  { route: 'GET /api/outcomes/export.csv', request: () => ({ path: '/api/outcomes/export.csv' }), expect: signedIn(200) },
  { route: 'GET /api/outcomes/{id}', request: async (w) => ({ path: `/api/outcomes/${await freshOutcome(w)}` }), expect: readCityA },
  {
    // liaisonB cannot read city A: it answers as for a city that does not exist (400 on cityId).
    route: 'POST /api/outcomes',
    request: (w) => ({
      path: '/api/outcomes',
      body: { cityId: w.cityA, date: '2024-07-01', type: 'people_trained', value: 150, unit: 'people' },
    }),
    expect: cityAWriters(201, 400),
  },
  {
    route: 'PATCH /api/outcomes/{id}',
    request: async (w) => ({ path: `/api/outcomes/${await freshOutcome(w)}`, body: { version: 1, value: 12 } }),
    expect: cityAWriters(200, 404),
  },
  {
    route: 'DELETE /api/outcomes/{id}',
    request: async (w) => ({ path: `/api/outcomes/${await freshOutcome(w)}` }),
    expect: { ...cityAWriters(204, 403), liaisonA: 403 },
  },
];
