import { Injectable } from '@angular/core';
import { FollowUp, FollowUpFilters, FollowUpListItem, ROUTES } from '@impact/contracts';
import { Observable } from 'rxjs';
import { RecordsApi } from '../../shared/data/records-api';

/** `completedAt` and `overdue` are the server's to set. */
export type FollowUpInput = Omit<FollowUp, 'id' | 'version' | 'completedAt' | 'overdue'>;

/** `/api/follow-ups` (API.md). */
@Injectable({ providedIn: 'root' })
export class FollowUpsApi extends RecordsApi<FollowUpListItem, FollowUpFilters, FollowUpInput> {
  protected readonly path = ROUTES.followUps;

  /** One click: done, with the version read (409 when someone changed it meanwhile). */
  markDone(followUp: Pick<FollowUp, 'id' | 'version'>): Observable<FollowUpListItem> {
    return this.update(followUp.id, { version: followUp.version, status: 'done' });
  }
}
