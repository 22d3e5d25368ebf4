import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { LanguageService } from '../../core/i18n/language.service';
import { translocoTesting } from '../../testing/transloco-testing';
import { LookupsApi } from './lookups.api';

describe('LookupsApi.engagements', () => {
  function setUp() {
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: LanguageService, useValue: { locale: signal('en') } }],
    });
    return { api: TestBed.inject(LookupsApi), http: TestBed.inject(HttpTestingController) };
  }

  it('offers the city’s recent engagements first, then the rest once each, every one with its date', () => {
    const { api, http } = setUp();
    let got: unknown;
    api.engagements('work', 'city-1').subscribe((v) => (got = v));
    const near = http.expectOne((r) => r.url.endsWith('/engagements') && r.params.get('cityId') === 'city-1');
    expect(near.request.params.get('sort')).toBe('startDate:desc');
    expect(near.request.params.get('q')).toBe('work');
    const rest = http.expectOne((r) => r.url.endsWith('/engagements') && !r.params.has('cityId'));
    near.flush({ items: [{ id: 'n1', title: 'Nansana workshop', startDate: '2025-03-04' }], total: 1, page: 1, pageSize: 5 });
    rest.flush({
      items: [
        { id: 'o1', title: 'Sarajevo workshop', startDate: '2025-06-01' },
        { id: 'n1', title: 'Nansana workshop', startDate: '2025-03-04' },
      ],
      total: 2,
      page: 1,
      pageSize: 20,
    });
    expect(got).toEqual([
      { id: 'n1', name: 'Nansana workshop', hint: 'Mar 4, 2025' },
      { id: 'o1', name: 'Sarajevo workshop', hint: 'Jun 1, 2025' },
    ]);
    http.verify();
  });

  it('searches everything, newest first, without a city', () => {
    const { api, http } = setUp();
    let got: unknown;
    api.engagements('', null).subscribe((v) => (got = v));
    http.expectOne((r) => r.url.endsWith('/engagements') && !r.params.has('cityId')).flush({ items: [], total: 0, page: 1, pageSize: 20 });
    expect(got).toEqual([]);
    http.verify();
  });
});

describe('LookupsApi.people', () => {
  it('gives each person a hint with the role and the cities or hubs (hub names in the language), names isolated', () => {
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: LanguageService, useValue: { locale: signal('fr'), language: signal('fr') } },
      ],
    });
    const [api, http] = [TestBed.inject(LookupsApi), TestBed.inject(HttpTestingController)];
    let got: { name: string; hint: string }[] = [];
    api.people('a').subscribe((v) => (got = v));
    http
      .expectOne((r) => r.url.endsWith('/users/lookup') && r.params.get('q') === 'a')
      .flush([
        { id: 'u1', name: 'Grace Nakato', role: 'city_liaison', cityNames: ['Cape Town', 'Nansana'], hubIds: [] },
        { id: 'u2', name: 'Amani Otieno', role: 'hub_manager', cityNames: [], hubIds: ['h1'] },
        { id: 'u3', name: 'Lena', role: 'leadership', cityNames: [], hubIds: [] },
      ]);
    http
      .expectOne((r) => r.url.endsWith('/hubs'))
      .flush([{ id: 'h1', code: 'esa', name: 'East & Southern Africa', names: { fr: 'Afrique de l’Est et australe' }, version: 1 }]);
    expect(got.map((p) => [p.name, p.hint])).toEqual([
      ['Grace Nakato', 'Référent ville · \u2068Cape Town\u2069, \u2068Nansana\u2069'],
      ['Amani Otieno', 'Responsable de hub · \u2068Afrique de l’Est et australe\u2069'],
      ['Lena', 'Direction'],
    ]);
    http.verify();
  });
});
