import type { DataSource } from 'typeorm';

/**
 * The authorization matrix: every route of the API × every principal → the status it must answer.
 * One table, split per domain under rows/. The matrix test fails when the API has a route the table
 * does not list, or the table lists a route the API does not have.
 */
export const PRINCIPALS = ['anonymous', 'liaisonA', 'liaisonB', 'managerX', 'managerY', 'leadership', 'admin'] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];

/**
 * The demo world the matrix runs in: city A (Nansana) is in hub X (East & Southern Africa) and city B
 * (Danilovgrad) in hub Y (Western Balkans). liaisonA looks after city A only, managerX manages hub X only.
 */
export interface MatrixWorld {
  db: DataSource;
  hubX: string;
  hubY: string;
  cityA: string;
  cityB: string;
  /** User ids of the principals (not anonymous). */
  userIds: Record<Exclude<PrincipalName, 'anonymous'>, string>;
  /** A short unique suffix for names and e-mails created by a case. */
  unique(): string;
  /** A fresh session of a principal: its access token (for a case that ends the session it uses). */
  signIn(who: Exclude<PrincipalName, 'anonymous'>): Promise<string>;
}

export interface MatrixRequest {
  path: string;
  body?: unknown;
  /** Sent instead of the principal's shared token (e.g. logout, which ends the session it is sent with). */
  token?: string;
  /** A multipart upload instead of a JSON body: the field, the file name and its content. */
  file?: { field: string; name: string; content: string };
}

export interface MatrixRow {
  /** `METHOD /api/path/{param}` exactly as the OpenAPI document names it. */
  route: string;
  /** What the case sends; called once per principal, so write routes can make a fresh target each time. */
  request: (world: MatrixWorld, who: PrincipalName) => Promise<MatrixRequest> | MatrixRequest;
  expect: Record<PrincipalName, number>;
}

/** Statuses for the common shapes of rule. */
export const everyone = (status: number): Record<PrincipalName, number> =>
  Object.fromEntries(PRINCIPALS.map((p) => [p, status])) as Record<PrincipalName, number>;

export const signedIn = (status: number): Record<PrincipalName, number> => ({ ...everyone(status), anonymous: 401 });

export const adminOnly = (status: number): Record<PrincipalName, number> => ({
  ...everyone(403),
  anonymous: 401,
  admin: status,
});

/** Reading a record of city A (hub X): liaison B does not see it (404); everyone else signed in does. */
export const readCityA: Record<PrincipalName, number> = { ...signedIn(200), liaisonB: 404 };

/** Hub X's own writers: its manager and admin; liaisons, leadership and manager Y hold no such grant (403). */
export const hubXWriters = (ok: number): Record<PrincipalName, number> => ({ ...signedIn(403), managerX: ok, admin: ok });

/** City A's liaison beside hub X's writers; liaison B answers `liaisonB` (404 where it cannot read the record). */
export const cityAWriters = (ok: number, liaisonB: number): Record<PrincipalName, number> => ({
  ...hubXWriters(ok),
  liaisonA: ok,
  liaisonB,
});
