import { Injectable } from '@angular/core';
import {
  CreateEngagementRequest,
  EngagementFilters,
  EngagementListItem,
  EngagementRelated,
  HistoryEntry,
  ROUTES,
  UpdateEngagementRequest,
} from '@impact/contracts';
import { Observable } from 'rxjs';
import { RecordsApi } from '../../shared/data/records-api';

/** `/api/engagements` (docs/api.md), what came of one, and its history. */
@Injectable({ providedIn: 'root' })
export class EngagementsApi extends RecordsApi<EngagementListItem, EngagementFilters, CreateEngagementRequest, UpdateEngagementRequest> {
  protected readonly path = ROUTES.engagements;

  /** The commitments it inspired, its follow-ups and the stories citing it, as far as the caller reads them. */
  related(id: string): Observable<EngagementRelated> {
    return this.http.get<EngagementRelated>(`${this.itemUrl(id)}/related`);
  }

  history(id: string): Observable<HistoryEntry[]> {
    return this.http.get<HistoryEntry[]>(`${this.itemUrl(id)}/history`);
  }
}
