import type { MatrixRow } from '../matrix';
import { authRows } from './auth.rows';
import { usersRows } from './users.rows';

/** Every route of the API; a domain adds its rows file here. */
export const MATRIX_ROWS: MatrixRow[] = [...authRows, ...usersRows];
