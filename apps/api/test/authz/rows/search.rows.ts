import { signedIn, type MatrixRow } from '../matrix';

/** Everyone signed in searches; each kind is scoped like its list (search.int-spec.ts). */
export const searchRows: MatrixRow[] = [
  { route: 'GET /api/search', request: () => ({ path: '/api/search?q=city&limit=3' }), expect: signedIn(200) },
];
