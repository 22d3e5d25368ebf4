import { Injectable, inject } from '@angular/core';
import { CommitmentListItem, FollowUpListItem, Page } from '@impact/contracts';
import { Observable, forkJoin, map } from 'rxjs';
import { CommitmentsApi } from '../../commitments/data-access/commitments.api';
import { FollowUpsApi } from '../../follow-ups/data-access/follow-ups.api';

const MY_WORK_PAGE_SIZE = 100;

/** What needs attention in one hub: each figure is a list's total, and opens that list. */
export interface HubAttention {
  hubId: string;
  openFollowUps: number;
  overdueFollowUps: number;
  commitmentsAtRisk: number;
  stalledCommitments: number;
}

/** What is owed by one person: open follow-ups they own (late first) and commitments they own (open first). */
@Injectable({ providedIn: 'root' })
export class MyWorkApi {
  private readonly followUpsApi = inject(FollowUpsApi);
  private readonly commitmentsApi = inject(CommitmentsApi);

  followUps(ownerId: string): Observable<Page<FollowUpListItem>> {
    return this.followUpsApi.list({ ownerId, status: 'open', sort: 'dueDate:asc', pageSize: MY_WORK_PAGE_SIZE });
  }

  /** Their commitments in the lists' own order (no sort asked for): open work by target date, achieved and cancelled last. */
  commitments(ownerId: string): Observable<Page<CommitmentListItem>> {
    return this.commitmentsApi.list({ ownerId, pageSize: MY_WORK_PAGE_SIZE });
  }

  /** A hub manager's hub at a glance: four list totals (one row each: only the total is read). */
  hubAttention(hubId: string): Observable<HubAttention> {
    const total = (page: Observable<Page<unknown>>) => page.pipe(map((p) => p.total));
    return forkJoin({
      openFollowUps: total(this.followUpsApi.list({ hubId, status: 'open', pageSize: 1 })),
      overdueFollowUps: total(this.followUpsApi.list({ hubId, overdue: true, pageSize: 1 })),
      commitmentsAtRisk: total(this.commitmentsApi.list({ hubId, atRisk: true, pageSize: 1 })),
      stalledCommitments: total(this.commitmentsApi.list({ hubId, status: 'stalled', pageSize: 1 })),
    }).pipe(map((figures) => ({ hubId, ...figures })));
  }
}
