import { Injectable } from '@angular/core';
import {
  CommitmentFilters,
  CommitmentListItem,
  CommitmentStatus,
  CommitmentTransitionRequest,
  CreateCommitmentRequest,
  HistoryEntry,
  ROUTES,
  UpdateCommitmentRequest,
} from '@impact/contracts';
import { Observable } from 'rxjs';
import { RecordsApi } from '../../shared/data/records-api';

/** `/api/commitments` (docs/api.md), its workflow and its history. */
@Injectable({ providedIn: 'root' })
export class CommitmentsApi extends RecordsApi<CommitmentListItem, CommitmentFilters, CreateCommitmentRequest, UpdateCommitmentRequest> {
  protected readonly path = ROUTES.commitments;

  /** 422 when the workflow does not allow the step (or achieving without an outcome). */
  transition(id: string, to: CommitmentStatus, note: string): Observable<CommitmentListItem> {
    const body: CommitmentTransitionRequest = { to, note };
    return this.http.post<CommitmentListItem>(`${this.itemUrl(id)}/transitions`, body);
  }

  history(id: string): Observable<HistoryEntry[]> {
    return this.http.get<HistoryEntry[]>(`${this.itemUrl(id)}/history`);
  }
}
