import { hubXWriters, readCityA, signedIn, type MatrixRow } from '../matrix';
import { freshEngagement } from './core-fixtures';

/** The target is hosted by city A in hub X. */
export const engagementsRows: MatrixRow[] = [
  { route: 'GET /api/engagements', request: () => ({ path: '/api/engagements' }), expect: signedIn(200) },
  { route: 'GET /api/engagements/export.csv', request: () => ({ path: '/api/engagements/export.csv' }), expect: signedIn(200) },
  {
    route: 'GET /api/engagements/{id}',
    request: async (w) => ({ path: `/api/engagements/${await freshEngagement(w)}` }),
    expect: readCityA,
  },
  {
    route: 'GET /api/engagements/{id}/related',
    request: async (w) => ({ path: `/api/engagements/${await freshEngagement(w)}/related` }),
    expect: readCityA,
  },
  {
    route: 'GET /api/engagements/{id}/history',
    request: async (w) => ({ path: `/api/engagements/${await freshEngagement(w)}/history` }),
    expect: readCityA,
  },
  {
    route: 'POST /api/engagements',
    request: (w) => ({
      path: '/api/engagements',
      body: {
        title: `Workshop ${w.unique()}`,
        type: 'regional_workshop',
        hubId: w.hubX,
        startDate: '2024-06-01',
        participatingCityIds: [w.cityA],
      },
    }),
    expect: hubXWriters(201),
  },
  {
    route: 'PATCH /api/engagements/{id}',
    request: async (w) => ({ path: `/api/engagements/${await freshEngagement(w)}`, body: { version: 1, summary: 'Notes' } }),
    expect: hubXWriters(200),
  },
  {
    route: 'DELETE /api/engagements/{id}',
    request: async (w) => ({ path: `/api/engagements/${await freshEngagement(w)}` }),
    expect: hubXWriters(204),
  },
];
