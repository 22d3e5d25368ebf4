import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { loginResponse } from '../../testing/auth-fixtures';
import { translocoTesting } from '../../testing/transloco-testing';
import { authInterceptor } from './auth.interceptor';
import { AUTH_URLS, AuthService } from './auth.service';

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let auth: AuthService;
  let router: Router;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigate').mockResolvedValue(true);
    auth.login('a@example.org', 'x').subscribe();
    backend.expectOne(AUTH_URLS.login).flush(loginResponse('admin', Date.now(), 900, '1'));
  });

  afterEach(() => backend.verify());

  it('adds the bearer token to API calls only', () => {
    http.get('/api/cities').subscribe();
    http.get('/i18n/en.json').subscribe();
    expect(backend.expectOne('/api/cities').request.headers.get('Authorization')).toBe(`Bearer ${auth.accessToken()}`);
    expect(backend.expectOne('/i18n/en.json').request.headers.has('Authorization')).toBe(false);
  });

  it('refreshes once on a 401 and retries the request with the new token', async () => {
    const result = firstValueFrom(http.get<{ ok: boolean }>('/api/cities'));
    backend.expectOne('/api/cities').flush({}, { status: 401, statusText: 'Unauthorized' });
    await Promise.resolve();
    const next = loginResponse('admin', Date.now(), 900, '2');
    const refresh = backend.expectOne(AUTH_URLS.refresh);
    expect(refresh.request.headers.has('Authorization')).toBe(false);
    refresh.flush(next);
    await new Promise((r) => setTimeout(r));
    const retry = backend.expectOne('/api/cities');
    expect(retry.request.headers.get('Authorization')).toBe(`Bearer ${next.accessToken}`);
    retry.flush({ ok: true });
    await expect(result).resolves.toEqual({ ok: true });
  });

  it('signs out and sends the person to sign-in with a return URL when the refresh is refused', async () => {
    const result = firstValueFrom(http.get('/api/users'));
    backend.expectOne('/api/users').flush({}, { status: 401, statusText: 'Unauthorized' });
    await Promise.resolve();
    backend.expectOne(AUTH_URLS.refresh).flush({}, { status: 401, statusText: 'Unauthorized' });
    await expect(result).rejects.toBeInstanceOf(HttpErrorResponse);
    expect(auth.signedIn()).toBe(false);
    expect(router.navigate).toHaveBeenCalledWith(['/sign-in'], expect.anything());
  });

  it('does not refresh when the login itself answers 401', async () => {
    const result = firstValueFrom(http.post(AUTH_URLS.login, {}));
    backend.expectOne(AUTH_URLS.login).flush({}, { status: 401, statusText: 'Unauthorized' });
    await expect(result).rejects.toMatchObject({ status: 401 });
    backend.expectNone(AUTH_URLS.refresh);
  });

  it('passes other errors through untouched', async () => {
    const result = firstValueFrom(http.get('/api/cities/1'));
    backend.expectOne('/api/cities/1').flush({}, { status: 404, statusText: 'Not Found' });
    await expect(result).rejects.toMatchObject({ status: 404 });
    backend.expectNone(AUTH_URLS.refresh);
  });
});
