import { signedIn, type MatrixRow, type MatrixWorld, type PrincipalName } from '../matrix';

/** Writers of partners (the role's grant decides who may import them): hub managers and admin. */
const partnerWriters = (ok: number): Record<PrincipalName, number> => ({ ...signedIn(403), managerX: ok, managerY: ok, admin: ok });

/** Only its uploader (here admin) sees an import; everyone else signed in is told it does not exist. */
const adminsOwn = (ok: number): Record<PrincipalName, number> => ({ ...signedIn(404), admin: ok });

/** A finished import of admin's that wrote nothing (undo has nothing to do but may run). */
async function adminImport(w: MatrixWorld): Promise<string> {
  const [row] = (await w.db.query(
    `INSERT INTO imports (entity, file_name, status, dry_run, created_by_id, finished_at) VALUES ('partners', 'matrix.csv', 'done', false, $1, now()) RETURNING id`,
    [w.userIds.admin],
  )) as { id: string }[];
  return row.id;
}

export const importsRows: MatrixRow[] = [
  {
    route: 'POST /api/imports',
    request: (w) => ({
      path: '/api/imports?entity=partners&dryRun=true',
      file: { field: 'file', name: 'partners.csv', content: `id,name,kind,countryCode\n,Matrix partner ${w.unique()},academic,\n` },
    }),
    expect: partnerWriters(202),
  },
  { route: 'GET /api/imports', request: () => ({ path: '/api/imports' }), expect: signedIn(200) },
  {
    route: 'GET /api/imports/templates/{entity}.csv',
    request: () => ({ path: '/api/imports/templates/partners.csv' }),
    expect: signedIn(200),
  },
  { route: 'GET /api/imports/{id}', request: async (w) => ({ path: `/api/imports/${await adminImport(w)}` }), expect: adminsOwn(200) },
  {
    route: 'POST /api/imports/{id}/undo',
    request: async (w) => ({ path: `/api/imports/${await adminImport(w)}/undo` }),
    expect: adminsOwn(200),
  },
];
