import { Injectable } from '@angular/core';
import { Outcome, OutcomeFilters, OutcomeListItem, ROUTES } from '@impact/contracts';
import { RecordsApi } from '../../shared/data/records-api';

export type OutcomeInput = Omit<Outcome, 'id' | 'version' | 'verifiedById' | 'verifiedAt'>;

/** `/api/outcomes` (API.md): shown on commitment and city pages. */
@Injectable({ providedIn: 'root' })
export class OutcomesApi extends RecordsApi<OutcomeListItem, OutcomeFilters, OutcomeInput> {
  protected readonly path = ROUTES.outcomes;
}
