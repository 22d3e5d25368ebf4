import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Commitment, ListQuery, Page, ROUTES } from '@impact/contracts';
import { Observable } from 'rxjs';
import { API, toParams } from '../../core/http/api';

export type CommitmentsFilters = ListQuery & Record<string, string | number | boolean | undefined>;

/** The commitments endpoints of the API (API.md); the page that lists them comes with its own issue. */
@Injectable({ providedIn: 'root' })
export class CommitmentsApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${API}/${ROUTES.commitments}`;

  list(filters: CommitmentsFilters = {}): Observable<Page<Commitment>> {
    return this.http.get<Page<Commitment>>(this.url, { params: toParams(filters) });
  }

  get(id: string): Observable<Commitment> {
    return this.http.get<Commitment>(`${this.url}/${encodeURIComponent(id)}`);
  }
}
