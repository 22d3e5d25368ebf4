import { Injectable } from '@angular/core';
import { CreateFollowUpRequest, FollowUp, FollowUpFilters, FollowUpListItem, ROUTES, UpdateFollowUpRequest } from '@impact/contracts';
import { Observable } from 'rxjs';
import { RecordsApi } from '../../shared/data/records-api';

/** `/api/follow-ups` (docs/api.md). */
@Injectable({ providedIn: 'root' })
export class FollowUpsApi extends RecordsApi<FollowUpListItem, FollowUpFilters, CreateFollowUpRequest, UpdateFollowUpRequest> {
  protected readonly path = ROUTES.followUps;

  /** One click: done, with the version read (409 when someone changed it meanwhile). */
  markDone(followUp: Pick<FollowUp, 'id' | 'version'>): Observable<FollowUpListItem> {
    return this.update(followUp.id, { version: followUp.version, status: 'done' });
  }
}
