import { signedIn, type MatrixRow } from '../matrix';

/** Everyone signed in reads the dashboard; a liaison's figures cover its cities (dashboard.int-spec.ts). */
export const dashboardRows: MatrixRow[] = ['summary', 'trends', 'map', 'graph', 'at-risk', 'stories'].map((route) => ({
  route: `GET /api/dashboard/${route}`,
  request: (w) => ({ path: `/api/dashboard/${route}?hubId=${w.hubX}&from=2022-01-01&to=2026-12-31` }),
  expect: signedIn(200),
}));
