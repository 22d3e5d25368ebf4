import { Injectable } from '@angular/core';
import { CityFilters, CityListItem, CityTimeline, CreateCityRequest, ROUTES, UpdateCityRequest } from '@impact/contracts';
import { Observable } from 'rxjs';
import { RecordsApi } from '../../shared/data/records-api';

/** `/api/cities` (docs/api.md) and the city's timeline. */
@Injectable({ providedIn: 'root' })
export class CitiesApi extends RecordsApi<CityListItem, CityFilters, CreateCityRequest, UpdateCityRequest> {
  protected readonly path = ROUTES.cities;

  timeline(id: string): Observable<CityTimeline> {
    return this.http.get<CityTimeline>(`${this.itemUrl(id)}/timeline`);
  }
}
