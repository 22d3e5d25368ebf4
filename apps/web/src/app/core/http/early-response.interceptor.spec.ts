import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { EarlyAnswer, earlyResponseInterceptor } from './early-response.interceptor';

describe('earlyResponseInterceptor', () => {
  const scope = globalThis as { __itEarlyGet?: Record<string, Promise<EarlyAnswer>> };
  let http: HttpClient;
  let server: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([earlyResponseInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    server = TestBed.inject(HttpTestingController);
  });
  afterEach(() => {
    delete scope.__itEarlyGet;
    server.verify();
  });

  it('answers the same address once from the early fetch, then asks the server', async () => {
    scope.__itEarlyGet = { '/api/public/stories?pageSize=12&page=1': Promise.resolve({ ok: true, status: 200, body: { total: 3 } }) };
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
      '/api/public/stories/facets': Promise.resolve({ ok: false, status: 503, body: null }),
      '/api/public/stories?page=1': offline,
    };
    const facets = firstValueFrom(http.get('/api/public/stories/facets'));
    await new Promise((r) => setTimeout(r));
    server.expectOne('/api/public/stories/facets').flush({ stories: 1 });
    await expect(facets).resolves.toEqual({ stories: 1 });

    const other = firstValueFrom(http.get('/api/public/stories', { params: { page: 2 } }));
    server.expectOne('/api/public/stories?page=2').flush({ total: 0 });
    await expect(other).resolves.toEqual({ total: 0 });

    const failed = firstValueFrom(http.get('/api/public/stories', { params: { page: 1 } }));
    await new Promise((r) => setTimeout(r));
    server.expectOne('/api/public/stories?page=1').flush({ total: 2 });
    await expect(failed).resolves.toEqual({ total: 2 });
  });
});
