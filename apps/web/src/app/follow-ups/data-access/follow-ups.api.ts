import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { FollowUp, ListQuery, Page, ROUTES } from '@impact/contracts';
import { Observable } from 'rxjs';
import { API, toParams } from '../../core/http/api';

export type FollowUpsFilters = ListQuery & Record<string, string | number | boolean | undefined>;

/** The followUps endpoints of the API (API.md); the page that lists them comes with its own issue. */
@Injectable({ providedIn: 'root' })
export class FollowUpsApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${API}/${ROUTES.followUps}`;

  list(filters: FollowUpsFilters = {}): Observable<Page<FollowUp>> {
    return this.http.get<Page<FollowUp>>(this.url, { params: toParams(filters) });
  }

  get(id: string): Observable<FollowUp> {
    return this.http.get<FollowUp>(`${this.url}/${encodeURIComponent(id)}`);
  }
}
