import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { EngagementsApi } from '../../engagements/data-access/engagements.api';
import { LookupsApi } from '../../shared/data/lookups.api';
import { CitiesApi } from './cities.api';
import { translocoTesting } from '../../testing/transloco-testing';

describe('CitiesApi, EngagementsApi and the pickers', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [translocoTesting()], providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists cities with hub, country and membership filters, and reads one city’s timeline', () => {
    const api = TestBed.inject(CitiesApi);
    api.list({ hubId: 'h1', countryCode: 'UG', membershipStatus: 'member', sort: 'name:asc' }).subscribe();
    const req = http.expectOne((r) => r.url === '/api/cities');
    expect(req.request.params.toString()).toBe('hubId=h1&countryCode=UG&membershipStatus=member&sort=name:asc');
    req.flush({ items: [], total: 0, page: 1, pageSize: 25 });

    api.timeline('nansana').subscribe();
    http.expectOne({ method: 'GET', url: '/api/cities/nansana/timeline' }).flush({});
  });

  it('lists engagements between two days', () => {
    TestBed.inject(EngagementsApi).list({ from: '2023-01-01', to: '2023-12-31', type: 'learning_visit' }).subscribe();
    const req = http.expectOne((r) => r.url === '/api/engagements');
    expect(req.request.params.toString()).toBe('from=2023-01-01&to=2023-12-31&type=learning_visit');
    req.flush({ items: [], total: 0, page: 1, pageSize: 25 });
  });

  it('searches cities, partners and people as typed', () => {
    const lookups = TestBed.inject(LookupsApi);
    let cities: unknown;
    lookups.cities('cape').subscribe((v) => (cities = v));
    const c = http.expectOne((r) => r.url === '/api/cities');
    expect(c.request.params.get('q')).toBe('cape');
    c.flush({ items: [{ id: 'ct', name: 'Cape Town', countryCode: 'ZA', hubId: 'h1' }], total: 1, page: 1, pageSize: 20 });
    expect(cities).toEqual([{ id: 'ct', name: 'Cape Town', countryCode: 'ZA', hubId: 'h1' }]);

    lookups.partners('IOM').subscribe();
    expect(http.expectOne((r) => r.url === '/api/partners').request.params.get('q')).toBe('IOM');

    lookups.people('wan').subscribe();
    http.expectOne('/api/users/lookup?q=wan').flush([]);
    // The hubs name a hub manager's place in the hint.
    http.expectOne('/api/hubs').flush([]);
  });

  it('reads the hubs once (a plain array)', () => {
    const lookups = TestBed.inject(LookupsApi);
    lookups.hubs().subscribe();
    lookups.hubs().subscribe();
    http.expectOne('/api/hubs').flush([{ id: 'h1', code: 'esa', name: 'East & Southern Africa', version: 1 }]);
  });
});
