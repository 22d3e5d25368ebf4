import { BreakpointObserver } from '@angular/cdk/layout';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Page, Partner } from '@impact/contracts';
import { of } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { translocoTesting } from '../testing/transloco-testing';
import { PartnersPage } from './partners.page';

const page: Page<Partner> = {
  items: [
    { id: 'p1', name: 'International Organization for Migration', kind: 'international_organisation', countryCode: null, version: 1 },
    { id: 'p2', name: 'Université de Strasbourg', kind: 'academic', countryCode: 'FR', version: 1 },
  ],
  total: 2,
  page: 1,
  pageSize: 25,
};

async function open(url: string) {
  TestBed.configureTestingModule({
    imports: [translocoTesting()],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([{ path: 'partners', component: PartnersPage }]),
      { provide: BreakpointObserver, useValue: { observe: () => of({ matches: false, breakpoints: {} }) } },
      { provide: AuthService, useValue: { can: () => false } },
    ],
  });
  const harness = await RouterTestingHarness.create();
  const navigated = harness.navigateByUrl(url, PartnersPage);
  const http = TestBed.inject(HttpTestingController);
  return { harness, navigated, http };
}

describe('PartnersPage', () => {
  it('lists partners by name with their kind and country in words, filtered by kind from the URL', async () => {
    const { harness, navigated, http } = await open('/partners?kind=academic&q=Stras');
    await navigated;
    const req = http.expectOne((r) => r.url === '/api/partners');
    expect(req.request.params.get('kind')).toBe('academic');
    expect(req.request.params.get('q')).toBe('Stras');
    expect(req.request.params.get('sort')).toBe('name:asc');
    req.flush(page);
    await harness.fixture.whenStable();
    harness.detectChanges();
    const el = harness.routeNativeElement as HTMLElement;
    expect(el.querySelector('h1')?.textContent?.trim()).toBe('Partners');
    const rows = [...el.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()));
    expect(rows).toEqual([
      ['International Organization for Migration', 'International organisation', '—'],
      ['Université de Strasbourg', 'Academic', 'France'],
    ]);
  });
});
