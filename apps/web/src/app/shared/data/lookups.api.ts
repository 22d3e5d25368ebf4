import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { CityListItem, Hub, Page, Partner, Person, ROUTES, Ref } from '@impact/contracts';
import { Observable, map, shareReplay } from 'rxjs';
import { API, itemsOf, toParams } from '../../core/http/api';

const PICKER_SIZE = 20;

/** What the pickers search as you type, and the hubs every filter offers. */
@Injectable({ providedIn: 'root' })
export class LookupsApi {
  private readonly http = inject(HttpClient);
  private hubs$: Observable<Hub[]> | null = null;

  /** `GET /api/hubs` answers a plain array; fetched once per visit. */
  hubs(): Observable<Hub[]> {
    this.hubs$ ??= this.http
      .get<Hub[] | Page<Hub>>(`${API}/${ROUTES.hubs}`)
      .pipe(map(itemsOf), shareReplay({ bufferSize: 1, refCount: false }));
    return this.hubs$;
  }

  cities(q: string): Observable<(Ref & { countryCode: string; hubId: string })[]> {
    return this.http
      .get<Page<CityListItem>>(`${API}/${ROUTES.cities}`, { params: toParams({ q, pageSize: PICKER_SIZE, sort: 'name:asc' }) })
      .pipe(map((page) => itemsOf(page).map((c) => ({ id: c.id, name: c.name, countryCode: c.countryCode, hubId: c.hubId }))));
  }

  partners(q: string): Observable<Ref[]> {
    return this.http
      .get<Page<Partner>>(`${API}/${ROUTES.partners}`, { params: toParams({ q, pageSize: PICKER_SIZE }) })
      .pipe(map((page) => itemsOf(page).map((p) => ({ id: p.id, name: p.name }))));
  }

  people(q: string): Observable<Person[]> {
    return this.http.get<Person[]>(`${API}/${ROUTES.users}/lookup`, { params: toParams({ q }) });
  }

  engagements(q: string): Observable<Ref[]> {
    return this.http
      .get<Page<{ id: string; title: string }>>(`${API}/${ROUTES.engagements}`, {
        params: toParams({ q, pageSize: PICKER_SIZE, sort: 'startDate:desc' }),
      })
      .pipe(map((page) => itemsOf(page).map((e) => ({ id: e.id, name: e.title }))));
  }

  commitments(q: string): Observable<Ref[]> {
    return this.http
      .get<Page<{ id: string; title: string }>>(`${API}/${ROUTES.commitments}`, { params: toParams({ q, pageSize: PICKER_SIZE }) })
      .pipe(map((page) => itemsOf(page).map((c) => ({ id: c.id, name: c.title }))));
  }
}
