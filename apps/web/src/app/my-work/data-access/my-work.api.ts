import { Injectable, inject } from '@angular/core';
import { CommitmentListItem, FollowUpListItem, Page } from '@impact/contracts';
import { Observable } from 'rxjs';
import { CommitmentsApi } from '../../commitments/data-access/commitments.api';
import { FollowUpsApi } from '../../follow-ups/data-access/follow-ups.api';

const MY_WORK_PAGE_SIZE = 100;

/** What is owed by one person: open follow-ups they own (late first) and commitments they own. */
@Injectable({ providedIn: 'root' })
export class MyWorkApi {
  private readonly followUpsApi = inject(FollowUpsApi);
  private readonly commitmentsApi = inject(CommitmentsApi);

  followUps(ownerId: string): Observable<Page<FollowUpListItem>> {
    return this.followUpsApi.list({ ownerId, status: 'open', sort: 'dueDate:asc', pageSize: MY_WORK_PAGE_SIZE });
  }

  commitments(ownerId: string): Observable<Page<CommitmentListItem>> {
    return this.commitmentsApi.list({ ownerId, sort: 'targetDate:asc', pageSize: MY_WORK_PAGE_SIZE });
  }
}
