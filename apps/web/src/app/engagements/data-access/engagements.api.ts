import { Injectable } from '@angular/core';
import { Engagement, EngagementFilters, EngagementListItem, ROUTES } from '@impact/contracts';
import { RecordsApi } from '../../shared/data/records-api';

export type EngagementInput = Omit<Engagement, 'id' | 'version'>;

/** `/api/engagements` (API.md). */
@Injectable({ providedIn: 'root' })
export class EngagementsApi extends RecordsApi<EngagementListItem, EngagementFilters, EngagementInput> {
  protected readonly path = ROUTES.engagements;
}
