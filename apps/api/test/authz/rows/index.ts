import type { MatrixRow } from '../matrix';
import { accountsRows } from './accounts.rows';
import { auditRows } from './audit.rows';
import { authRows } from './auth.rows';
import { citiesRows } from './cities.rows';
import { commitmentsRows } from './commitments.rows';
import { contactLinksRows } from './contact-links.rows';
import { dashboardRows } from './dashboard.rows';
import { engagementsRows } from './engagements.rows';
import { followUpsRows } from './follow-ups.rows';
import { hubsRows } from './hubs.rows';
import { importsRows } from './imports.rows';
import { notificationsRows } from './notifications.rows';
import { outcomesRows } from './outcomes.rows';
import { partnersRows } from './partners.rows';
import { searchRows } from './search.rows';
import { storiesRows } from './stories.rows';
import { usersRows } from './users.rows';

/** Every route of the API; a domain adds its rows file here. */
export const MATRIX_ROWS: MatrixRow[] = [
  ...authRows,
  ...usersRows,
  ...accountsRows,
  ...dashboardRows,
  ...hubsRows,
  ...citiesRows,
  ...partnersRows,
  ...engagementsRows,
  ...commitmentsRows,
  ...followUpsRows,
  ...contactLinksRows,
  ...outcomesRows,
  ...auditRows,
  ...storiesRows,
  ...notificationsRows,
  ...searchRows,
  ...importsRows,
];
