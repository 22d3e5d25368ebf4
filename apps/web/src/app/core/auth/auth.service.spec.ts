import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { loginResponse, user } from '../../testing/auth-fixtures';
import { translocoTesting } from '../../testing/transloco-testing';
import { authInterceptor } from './auth.interceptor';
import { AUTH_URLS, AuthService, REFRESH_LEAD_MS } from './auth.service';
import { SESSION_STORAGE_KEY, StoredSession, expiryOf } from './session-storage';

function setup() {
  TestBed.configureTestingModule({
    imports: [translocoTesting()],
    providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
  });
  const router = TestBed.inject(Router);
  jest.spyOn(router, 'navigate').mockResolvedValue(true);
  return { auth: TestBed.inject(AuthService), http: TestBed.inject(HttpTestingController), router };
}

function stored(): StoredSession | null {
  const raw = localStorage.getItem(SESSION_STORAGE_KEY);
  return raw ? (JSON.parse(raw) as StoredSession) : null;
}

describe('AuthService', () => {
  beforeEach(() => {
    localStorage.clear();
    jest.useFakeTimers({ now: new Date('2026-11-25T10:00:00Z'), doNotFake: ['queueMicrotask', 'nextTick'] });
    jest.spyOn(Math, 'random').mockReturnValue(0);
  });

  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('stores the token pair and the user after sign-in, and keeps them across a reload', async () => {
    const { auth, http } = setup();
    const answer = loginResponse('hub_manager');
    const done = new Promise((resolve) => auth.login('hub_manager@example.org', 'correct horse battery').subscribe(resolve));
    const req = http.expectOne(AUTH_URLS.login);
    expect(req.request.body).toEqual({ email: 'hub_manager@example.org', password: 'correct horse battery' });
    expect(req.request.headers.has('Authorization')).toBe(false);
    req.flush(answer);
    await done;

    expect(auth.user()?.role).toBe('hub_manager');
    expect(auth.signedIn()).toBe(true);
    expect(stored()).toMatchObject({
      accessToken: answer.accessToken,
      refreshToken: answer.refreshToken,
      expiresAt: Date.now() + 900_000,
    });
  });

  it('asks who it is at boot when tokens are stored', async () => {
    const answer = loginResponse('city_liaison');
    localStorage.setItem(
      SESSION_STORAGE_KEY,
      JSON.stringify({ ...answer, expiresAt: expiryOf(answer.accessToken, answer.expiresIn), user: null }),
    );
    const { auth, http } = setup();
    expect(auth.signedIn()).toBe(false);
    const booted = auth.boot();
    const me = http.expectOne(AUTH_URLS.me);
    expect(me.request.headers.get('Authorization')).toBe(`Bearer ${answer.accessToken}`);
    me.flush(user('city_liaison'));
    await booted;
    expect(auth.user()?.role).toBe('city_liaison');
  });

  it('starts at once with the user this device remembers, then takes the answer of who it is', async () => {
    const answer = loginResponse('city_liaison');
    localStorage.setItem(
      SESSION_STORAGE_KEY,
      JSON.stringify({ ...answer, expiresAt: expiryOf(answer.accessToken, answer.expiresIn), user: user('city_liaison') }),
    );
    const { auth, http } = setup();
    let booted = false;
    void auth.boot().then(() => (booted = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(booted).toBe(true);
    expect(auth.role()).toBe('city_liaison');

    http.expectOne(AUTH_URLS.me).flush(user('hub_manager'));
    await jest.advanceTimersByTimeAsync(0);
    expect(auth.role()).toBe('hub_manager');
  });

  it('ends a remembered session the server no longer knows, and goes to sign-in', async () => {
    const answer = loginResponse('city_liaison');
    localStorage.setItem(
      SESSION_STORAGE_KEY,
      JSON.stringify({ ...answer, expiresAt: expiryOf(answer.accessToken, answer.expiresIn), user: user('city_liaison') }),
    );
    const { auth, http, router } = setup();
    await auth.boot();
    http.expectOne(AUTH_URLS.me).flush({ statusCode: 401 }, { status: 401, statusText: 'Unauthorized' });
    await jest.advanceTimersByTimeAsync(0);
    http.expectOne(AUTH_URLS.refresh).flush({ statusCode: 401 }, { status: 401, statusText: 'Unauthorized' });
    await jest.advanceTimersByTimeAsync(0);

    expect(auth.signedIn()).toBe(false);
    expect(stored()).toBeNull();
    expect(router.navigate).toHaveBeenCalledWith(['/sign-in'], expect.anything());
  });

  it('does not call the API at boot without tokens', async () => {
    const { auth, http } = setup();
    await auth.boot();
    http.expectNone(AUTH_URLS.me);
    expect(auth.signedIn()).toBe(false);
  });

  it('refreshes about a minute before the access token expires', async () => {
    const { auth, http } = setup();
    auth.login('a@example.org', 'x').subscribe();
    http.expectOne(AUTH_URLS.login).flush(loginResponse('admin', Date.now(), 900, '1'));
    await jest.advanceTimersByTimeAsync(0);

    await jest.advanceTimersByTimeAsync(900_000 - REFRESH_LEAD_MS - 1_000);
    http.expectNone(AUTH_URLS.refresh);

    await jest.advanceTimersByTimeAsync(1_000);
    const refresh = http.expectOne(AUTH_URLS.refresh);
    expect(refresh.request.body).toEqual({ refreshToken: 'refresh-1' });
    const next = loginResponse('admin', Date.now(), 900, '2');
    refresh.flush({ accessToken: next.accessToken, refreshToken: next.refreshToken, expiresIn: 900 });
    await jest.advanceTimersByTimeAsync(0);

    expect(auth.accessToken()).toBe(next.accessToken);
    expect(stored()?.refreshToken).toBe('refresh-2');
    expect(auth.user()?.role).toBe('admin');
  });

  it('ends the session and returns to sign-in when the refresh is refused', async () => {
    const { auth, http, router } = setup();
    auth.login('a@example.org', 'x').subscribe();
    http.expectOne(AUTH_URLS.login).flush(loginResponse());
    await jest.advanceTimersByTimeAsync(900_000 - REFRESH_LEAD_MS);
    http.expectOne(AUTH_URLS.refresh).flush({ statusCode: 401 }, { status: 401, statusText: 'Unauthorized' });
    await jest.advanceTimersByTimeAsync(0);

    expect(auth.signedIn()).toBe(false);
    expect(stored()).toBeNull();
    expect(router.navigate).toHaveBeenCalledWith(['/sign-in'], expect.anything());
  });

  it('shares one refresh between concurrent callers', async () => {
    const { auth, http } = setup();
    auth.login('a@example.org', 'x').subscribe();
    http.expectOne(AUTH_URLS.login).flush(loginResponse());
    const tokens: string[] = [];
    auth.refresh().subscribe((t) => tokens.push(t));
    auth.refresh().subscribe((t) => tokens.push(t));
    await jest.advanceTimersByTimeAsync(0);
    const next = loginResponse('admin', Date.now(), 900, '2');
    http.expectOne(AUTH_URLS.refresh).flush(next);
    await jest.advanceTimersByTimeAsync(0);
    expect(tokens).toEqual([next.accessToken, next.accessToken]);
  });

  it('signs out: revokes the refresh token on the server, then clears what is stored', async () => {
    const { auth, http, router } = setup();
    auth.login('a@example.org', 'x').subscribe();
    http.expectOne(AUTH_URLS.login).flush(loginResponse());

    const out = auth.signOut();
    const logout = http.expectOne(AUTH_URLS.logout);
    expect(logout.request.body).toEqual({ refreshToken: 'refresh-1' });
    expect(logout.request.headers.get('Authorization')).toMatch(/^Bearer /);
    logout.flush(null, { status: 204, statusText: 'No Content' });
    await out;

    expect(stored()).toBeNull();
    expect(auth.signedIn()).toBe(false);
    expect(auth.accessToken()).toBeNull();
    expect(router.navigate).toHaveBeenCalledWith(['/sign-in']);
    // No refresh is left scheduled.
    await jest.advanceTimersByTimeAsync(3_600_000);
    http.expectNone(AUTH_URLS.refresh);
  });

  it('still clears the session when the logout call fails', async () => {
    const { auth, http } = setup();
    auth.login('a@example.org', 'x').subscribe();
    http.expectOne(AUTH_URLS.login).flush(loginResponse());
    const out = auth.signOut();
    http.expectOne(AUTH_URLS.logout).error(new ProgressEvent('error'));
    await out;
    expect(stored()).toBeNull();
  });

  it('answers permission questions from the matrix', async () => {
    const { auth, http } = setup();
    auth.login('a@example.org', 'x').subscribe();
    http.expectOne(AUTH_URLS.login).flush(loginResponse('city_liaison'));
    expect(auth.can('users', 'read')).toBe(false);
    expect(auth.can('followUps', 'create')).toBe(true);
    expect(auth.can('commitments', 'update', { hubIds: [], cityIds: ['city-1'] })).toBe(true);
    expect(auth.can('commitments', 'update', { hubIds: [], cityIds: ['city-2'] })).toBe(false);
  });
});

describe('AuthService preferred language', () => {
  beforeEach(() => localStorage.clear());

  it("saves a signed-in user's language choice on the server and keeps the answer", async () => {
    const { auth, http } = setup();
    const answer = loginResponse('city_liaison');
    const signedIn = new Promise((resolve) => auth.login('x@example.org', 'correct horse battery').subscribe(resolve));
    http.expectOne(AUTH_URLS.login).flush(answer);
    await signedIn;

    const saved = auth.savePreferredLanguage('ar');
    const req = http.expectOne((r) => r.url === AUTH_URLS.me && r.method === 'PATCH');
    expect(req.request.body).toEqual({ language: 'ar' });
    req.flush({ ...answer.user, language: 'ar' });
    await saved;
    expect(auth.user()?.language).toBe('ar');
  });

  it('does not call the server when nobody is signed in', async () => {
    const { auth, http } = setup();
    await auth.savePreferredLanguage('fr');
    http.expectNone(AUTH_URLS.me);
  });
});

describe('expiryOf', () => {
  it('reads exp from a JWT and falls back to expiresIn', () => {
    expect(expiryOf(loginResponse('admin', 1_000_000_000_000, 900).accessToken, 5)).toBe(1_000_000_900_000);
    expect(expiryOf('opaque-token', 60, 1_000)).toBe(61_000);
  });
});
