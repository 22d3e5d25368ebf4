import { Injectable } from '@angular/core';
import {
  Commitment,
  CommitmentFilters,
  CommitmentListItem,
  CommitmentStatus,
  CommitmentTransitionRequest,
  HistoryEntry,
  ROUTES,
} from '@impact/contracts';
import { Observable } from 'rxjs';
import { RecordsApi } from '../../shared/data/records-api';

/** Status moves only through transitions; hub follows the city; at-risk and createdAt are the server's. */
export type CommitmentInput = Omit<Commitment, 'id' | 'version' | 'status' | 'hubId' | 'atRisk' | 'createdAt'>;

/** `/api/commitments` (API.md), its workflow and its history. */
@Injectable({ providedIn: 'root' })
export class CommitmentsApi extends RecordsApi<CommitmentListItem, CommitmentFilters, CommitmentInput> {
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
