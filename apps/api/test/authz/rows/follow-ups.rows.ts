import { cityAWriters, readCityA, signedIn, type MatrixRow } from '../matrix';
import { freshCommitment, freshFollowUp } from './core-fixtures';

/** Targets hang on commitments of city A (hub X). */
export const followUpsRows: MatrixRow[] = [
  { route: 'GET /api/follow-ups', request: () => ({ path: '/api/follow-ups' }), expect: signedIn(200) },
  { route: 'GET /api/follow-ups/export.csv', request: () => ({ path: '/api/follow-ups/export.csv' }), expect: signedIn(200) },
  { route: 'GET /api/follow-ups/{id}', request: async (w) => ({ path: `/api/follow-ups/${await freshFollowUp(w)}` }), expect: readCityA },
  {
    // liaisonB cannot read the commitment: it answers as for one that does not exist (400 on commitmentId).
    route: 'POST /api/follow-ups',
    request: async (w) => ({
      path: '/api/follow-ups',
      body: { commitmentId: await freshCommitment(w), title: 'Check in', kind: 'check_in' },
    }),
    expect: cityAWriters(201, 400),
  },
  {
    route: 'PATCH /api/follow-ups/{id}',
    request: async (w) => ({ path: `/api/follow-ups/${await freshFollowUp(w)}`, body: { version: 1, status: 'done' } }),
    expect: cityAWriters(200, 404),
  },
  {
    route: 'DELETE /api/follow-ups/{id}',
    request: async (w) => ({ path: `/api/follow-ups/${await freshFollowUp(w)}` }),
    expect: { ...cityAWriters(204, 403), liaisonA: 403 },
  },
];
