import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { EARLY_ANSWER_MAX_AGE_MS, EarlyAnswer, EarlyGet, earlyResponseInterceptor } from './early-response.interceptor';

describe('earlyResponseInterceptor', () => {
  const scope = globalThis as { __itEarlyGet?: Record<string, EarlyGet> };
  let http: HttpClient;
  let server: HttpTestingController;
  let token: string | null;

  const early = (answer: Promise<EarlyAnswer>, sentWith: string | null = null, at = performance.now()): EarlyGet => ({
    answer,
    token: sentWith,
    at,
  });
  const ok = (body: unknown) => Promise.resolve({ ok: true, status: 200, body });
  const tick = () => new Promise((r) => setTimeout(r));

  beforeEach(() => {
    token = null;
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([earlyResponseInterceptor])),
        provideHttpClientTesting(),
        { provide: AuthService, useValue: { accessToken: () => token } },
      ],
    });
    http = TestBed.inject(HttpClient);
    server = TestBed.inject(HttpTestingController);
  });
  afterEach(() => {
    delete scope.__itEarlyGet;
    server.verify();
  });

  it('answers the same address once from the early fetch, then asks the server', async () => {
    scope.__itEarlyGet = { '/api/public/stories?pageSize=12&page=1': early(ok({ total: 3 })) };
    const params = { pageSize: 12, page: 1 };
    await expect(firstValueFrom(http.get('/api/public/stories', { params }))).resolves.toEqual({ total: 3 });

    const again = firstValueFrom(http.get('/api/public/stories', { params }));
    server.expectOne('/api/public/stories?pageSize=12&page=1').flush({ total: 4 });
    await expect(again).resolves.toEqual({ total: 4 });
  });

  it('asks the server when the early fetch failed or the address differs', async () => {
    const offline = Promise.reject(new Error('offline'));
    offline.catch(() => undefined); // as the start-up script does
    scope.__itEarlyGet = {
      '/api/public/stories/facets': early(Promise.resolve({ ok: false, status: 503, body: null })),
      '/api/public/stories?page=1': early(offline),
    };
    const facets = firstValueFrom(http.get('/api/public/stories/facets'));
    await tick();
    server.expectOne('/api/public/stories/facets').flush({ stories: 1 });
    await expect(facets).resolves.toEqual({ stories: 1 });

    const other = firstValueFrom(http.get('/api/public/stories', { params: { page: 2 } }));
    server.expectOne('/api/public/stories?page=2').flush({ total: 0 });
    await expect(other).resolves.toEqual({ total: 0 });

    const failed = firstValueFrom(http.get('/api/public/stories', { params: { page: 1 } }));
    await tick();
    server.expectOne('/api/public/stories?page=1').flush({ total: 2 });
    await expect(failed).resolves.toEqual({ total: 2 });
  });

  it('uses a signed-in answer only with the token the app holds now, and no answer past its age', async () => {
    token = 'token-of-b';
    scope.__itEarlyGet = {
      '/api/dashboard/summary': early(ok({ who: 'a' }), 'token-of-a'),
      '/api/dashboard/trends': early(ok({ who: 'b' }), 'token-of-b'),
      '/api/dashboard/map': early(ok({ old: true }), 'token-of-b', performance.now() - EARLY_ANSWER_MAX_AGE_MS - 1),
    };
    const summary = firstValueFrom(http.get('/api/dashboard/summary'));
    server.expectOne('/api/dashboard/summary').flush({ who: 'server' });
    await expect(summary).resolves.toEqual({ who: 'server' });

    await expect(firstValueFrom(http.get('/api/dashboard/trends'))).resolves.toEqual({ who: 'b' });

    const map = firstValueFrom(http.get('/api/dashboard/map'));
    server.expectOne('/api/dashboard/map').flush({ old: false });
    await expect(map).resolves.toEqual({ old: false });
  });
});
