import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Engagement, ListQuery, Page, ROUTES } from '@impact/contracts';
import { Observable } from 'rxjs';
import { API, toParams } from '../../core/http/api';

export type EngagementsFilters = ListQuery & Record<string, string | number | boolean | undefined>;

/** The engagements endpoints of the API (API.md); the page that lists them comes with its own issue. */
@Injectable({ providedIn: 'root' })
export class EngagementsApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${API}/${ROUTES.engagements}`;

  list(filters: EngagementsFilters = {}): Observable<Page<Engagement>> {
    return this.http.get<Page<Engagement>>(this.url, { params: toParams(filters) });
  }

  get(id: string): Observable<Engagement> {
    return this.http.get<Engagement>(`${this.url}/${encodeURIComponent(id)}`);
  }
}
