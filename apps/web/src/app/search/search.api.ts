import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ROUTES, SearchResults } from '@impact/contracts';
import { Observable } from 'rxjs';
import { API, toParams } from '../core/http/api';

/** `GET /api/search`: the records the caller may read, grouped by kind. */
@Injectable({ providedIn: 'root' })
export class SearchApi {
  private readonly http = inject(HttpClient);

  search(q: string, limit?: number): Observable<SearchResults> {
    return this.http.get<SearchResults>(`${API}/${ROUTES.search}`, { params: toParams({ q, limit }) });
  }
}
