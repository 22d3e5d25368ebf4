import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { CityListItem, Hub, Page, Partner, Person, ROUTES, Ref, hubNameIn } from '@impact/contracts';
import { TranslocoService } from '@jsverse/transloco';
import { Observable, catchError, forkJoin, map, of, shareReplay } from 'rxjs';
import { formatDate } from '../../core/i18n/locale.pipes';
import { LanguageService } from '../../core/i18n/language.service';
import { API, itemsOf, toParams } from '../../core/http/api';
import { isolate } from '../ui/isolate.pipe';

const PICKER_SIZE = 20;
/** How many of a city's own recent engagements lead the "inspired by" suggestions. */
const NEAR_SIZE = 5;

/** What the pickers search as you type, and the hubs every filter offers. */
@Injectable({ providedIn: 'root' })
export class LookupsApi {
  private readonly http = inject(HttpClient);
  private readonly language = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
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

  /**
   * People by name, each with a hint that tells two of a name apart: the role, and the cities a liaison
   * looks after or the hubs a manager runs (names isolated, so a Latin name keeps its place in Arabic).
   */
  people(q: string): Observable<(Person & { hint: string })[]> {
    const hubs = this.hubs().pipe(catchError(() => of([] as Hub[])));
    return forkJoin([this.http.get<Person[]>(`${API}/${ROUTES.users}/lookup`, { params: toParams({ q }) }), hubs]).pipe(
      map(([people, hubList]) => {
        const language = this.language.language();
        const hubName = new Map(hubList.map((h) => [h.id, hubNameIn(h, language)]));
        return people.map((p) => {
          const places = p.cityNames?.length ? p.cityNames : (p.hubIds ?? []).map((id) => hubName.get(id) ?? '').filter(Boolean);
          const role = this.transloco.translate(`roles.${p.role}`, {}, language);
          return { ...p, hint: places.length ? `${role} · ${places.map(isolate).join(', ')}` : role };
        });
      }),
    );
  }

  /**
   * Engagements by title, newest first, each with its start date as a hint. With `cityId`, that city's
   * recent engagements come first (what a commitment of the city was most likely inspired by).
   */
  engagements(q: string, cityId?: string | null): Observable<(Ref & { hint: string })[]> {
    const search = (params: Record<string, unknown>) =>
      this.http
        .get<Page<{ id: string; title: string; startDate: string }>>(`${API}/${ROUTES.engagements}`, {
          params: toParams({ q, sort: 'startDate:desc', ...params }),
        })
        .pipe(map(itemsOf));
    const all = search({ pageSize: PICKER_SIZE });
    const found = cityId
      ? forkJoin([search({ cityId, pageSize: NEAR_SIZE }), all]).pipe(
          map(([near, rest]) => [...near, ...rest.filter((e) => !near.some((n) => n.id === e.id))]),
        )
      : all;
    return found.pipe(
      map((items) => items.map((e) => ({ id: e.id, name: e.title, hint: formatDate(e.startDate, this.language.locale()) }))),
    );
  }

  commitments(q: string): Observable<Ref[]> {
    return this.http
      .get<Page<{ id: string; title: string }>>(`${API}/${ROUTES.commitments}`, { params: toParams({ q, pageSize: PICKER_SIZE }) })
      .pipe(map((page) => itemsOf(page).map((c) => ({ id: c.id, name: c.title }))));
  }
}
