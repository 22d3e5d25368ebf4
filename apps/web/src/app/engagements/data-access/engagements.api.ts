import { Injectable } from '@angular/core';
import { CreateEngagementRequest, EngagementFilters, EngagementListItem, ROUTES, UpdateEngagementRequest } from '@impact/contracts';
import { RecordsApi } from '../../shared/data/records-api';

/** `/api/engagements` (docs/api.md). */
@Injectable({ providedIn: 'root' })
export class EngagementsApi extends RecordsApi<EngagementListItem, EngagementFilters, CreateEngagementRequest, UpdateEngagementRequest> {
  protected readonly path = ROUTES.engagements;
}
