import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Story, ListQuery, Page, ROUTES } from '@impact/contracts';
import { Observable } from 'rxjs';
import { API, toParams } from '../../core/http/api';

export type StoriesFilters = ListQuery & Record<string, string | number | boolean | undefined>;

/** The stories endpoints of the API (API.md); the page that lists them comes with its own issue. */
@Injectable({ providedIn: 'root' })
export class StoriesApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${API}/${ROUTES.stories}`;

  list(filters: StoriesFilters = {}): Observable<Page<Story>> {
    return this.http.get<Page<Story>>(this.url, { params: toParams(filters) });
  }

  get(id: string): Observable<Story> {
    return this.http.get<Story>(`${this.url}/${encodeURIComponent(id)}`);
  }
}
