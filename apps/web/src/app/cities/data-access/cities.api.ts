import { Injectable } from '@angular/core';
import { City, CityFilters, CityListItem, CityTimeline, ROUTES } from '@impact/contracts';
import { Observable } from 'rxjs';
import { RecordsApi } from '../../shared/data/records-api';

/** What a city form sends: the record without its id, version and resolved names. */
export type CityInput = Omit<City, 'id' | 'version'>;

/** `/api/cities` (API.md) and the city's timeline. */
@Injectable({ providedIn: 'root' })
export class CitiesApi extends RecordsApi<CityListItem, CityFilters, CityInput> {
  protected readonly path = ROUTES.cities;

  timeline(id: string): Observable<CityTimeline> {
    return this.http.get<CityTimeline>(`${this.itemUrl(id)}/timeline`);
  }
}
