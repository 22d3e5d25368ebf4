import { Injectable } from '@angular/core';
import { CreateOutcomeRequest, OutcomeFilters, OutcomeListItem, ROUTES, UpdateOutcomeRequest } from '@impact/contracts';
import { RecordsApi } from '../../shared/data/records-api';

/** `/api/outcomes` (docs/api.md): shown on commitment and city pages. */
@Injectable({ providedIn: 'root' })
export class OutcomesApi extends RecordsApi<OutcomeListItem, OutcomeFilters, CreateOutcomeRequest, UpdateOutcomeRequest> {
  protected readonly path = ROUTES.outcomes;
}
