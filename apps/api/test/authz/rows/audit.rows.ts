import type { MatrixRow } from '../matrix';
import { freshCommitment } from './core-fixtures';

export const auditRows: MatrixRow[] = [
  {
    // A commitment of hub X: its manager reads its history, the other hub's manager may not.
    route: 'GET /api/audit',
    request: async (w) => ({ path: `/api/audit?entity=commitment&entityId=${await freshCommitment(w)}` }),
    expect: { anonymous: 401, liaisonA: 403, liaisonB: 403, managerX: 200, managerY: 403, leadership: 200, admin: 200 },
  },
];
