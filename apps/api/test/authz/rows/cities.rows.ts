import { hubXWriters, readCityA, signedIn, type MatrixRow } from '../matrix';
import { freshCity } from './core-fixtures';

/** City A (hub X): liaisonA's own city; liaisonB may not read it; managerY reads it but does not keep it. */
export const citiesRows: MatrixRow[] = [
  { route: 'GET /api/cities', request: () => ({ path: '/api/cities' }), expect: signedIn(200) },
  { route: 'GET /api/cities/export.csv', request: () => ({ path: '/api/cities/export.csv' }), expect: signedIn(200) },
  { route: 'GET /api/cities/{id}', request: (w) => ({ path: `/api/cities/${w.cityA}` }), expect: readCityA },
  { route: 'GET /api/cities/{id}/timeline', request: (w) => ({ path: `/api/cities/${w.cityA}/timeline` }), expect: readCityA },
  {
    route: 'POST /api/cities',
    request: (w) => ({
      path: '/api/cities',
      body: { name: `City ${w.unique()}`, countryCode: 'KE', hubId: w.hubX, kind: 'city', membershipStatus: 'joining' },
    }),
    expect: hubXWriters(201),
  },
  {
    route: 'PATCH /api/cities/{id}',
    request: async (w) => ({ path: `/api/cities/${await freshCity(w)}`, body: { version: 1, leadOfficial: 'Mayor' } }),
    expect: hubXWriters(200),
  },
  { route: 'DELETE /api/cities/{id}', request: async (w) => ({ path: `/api/cities/${await freshCity(w)}` }), expect: hubXWriters(204) },
];
