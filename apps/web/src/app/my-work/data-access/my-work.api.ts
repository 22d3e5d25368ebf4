import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Commitment, FollowUp, ListQuery, Page, ROUTES } from '@impact/contracts';
import { Observable } from 'rxjs';
import { API, toParams } from '../../core/http/api';

/** What is owed by one person: open follow-ups they own (late first) and commitments they own. */
@Injectable({ providedIn: 'root' })
export class MyWorkApi {
  private readonly http = inject(HttpClient);

  followUps(ownerId: string, query: ListQuery = {}): Observable<Page<FollowUp>> {
    return this.http.get<Page<FollowUp>>(`${API}/${ROUTES.followUps}`, {
      params: toParams({ sort: 'dueDate:asc', ...query, ownerId, status: 'open' }),
    });
  }

  commitments(ownerId: string, query: ListQuery = {}): Observable<Page<Commitment>> {
    return this.http.get<Page<Commitment>>(`${API}/${ROUTES.commitments}`, {
      params: toParams({ sort: 'targetDate:asc', ...query, ownerId }),
    });
  }
}
