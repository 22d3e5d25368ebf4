import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { City, ListQuery, Page, ROUTES } from '@impact/contracts';
import { Observable } from 'rxjs';
import { API, toParams } from '../../core/http/api';

export type CitiesFilters = ListQuery & Record<string, string | number | boolean | undefined>;

/** The cities endpoints of the API (API.md); the page that lists them comes with its own issue. */
@Injectable({ providedIn: 'root' })
export class CitiesApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${API}/${ROUTES.cities}`;

  list(filters: CitiesFilters = {}): Observable<Page<City>> {
    return this.http.get<Page<City>>(this.url, { params: toParams(filters) });
  }

  get(id: string): Observable<City> {
    return this.http.get<City>(`${this.url}/${encodeURIComponent(id)}`);
  }
}
