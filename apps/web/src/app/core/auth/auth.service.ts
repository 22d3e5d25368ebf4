import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, OnDestroy, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { Action, LoginResponse, RecordPlace, Resource, TokenPair, UserSummary, may, mayOnRecord } from '@impact/contracts';
import { Observable, catchError, finalize, firstValueFrom, from, map, of, shareReplay, switchMap, tap, throwError } from 'rxjs';
import { LanguageService } from '../i18n/language.service';
import { SESSION_STORAGE_KEY, StoredSession, clearSession, expiryOf, readSession, writeSession } from './session-storage';

export const AUTH_URLS = {
  login: '/api/auth/login',
  refresh: '/api/auth/refresh',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
} as const;

/** Refresh this long before the access token expires. */
export const REFRESH_LEAD_MS = 60_000;
/** Spread of the refresh moment, so two tabs of the same session rarely refresh at once. */
export const REFRESH_JITTER_MS = 15_000;

/**
 * The signed-in user and the token pair. Tokens live in localStorage so a reload keeps the session;
 * the access token is refreshed about a minute before it expires, and once more when a request
 * answers 401. A refresh the server refuses ends the session.
 */
@Injectable({ providedIn: 'root' })
export class AuthService implements OnDestroy {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService);

  private session: StoredSession | null = readSession();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshInFlight: Observable<string> | null = null;

  private readonly currentUser = signal<UserSummary | null>(this.session?.user ?? null);
  readonly user = this.currentUser.asReadonly();
  readonly signedIn = computed(() => this.currentUser() !== null);
  readonly role = computed(() => this.currentUser()?.role ?? null);

  private readonly onStorage = (event: StorageEvent) => {
    if (event.key === SESSION_STORAGE_KEY) this.adoptFromOtherTab();
  };

  constructor() {
    globalThis.addEventListener?.('storage', this.onStorage);
  }

  ngOnDestroy(): void {
    this.cancelRefresh();
    globalThis.removeEventListener?.('storage', this.onStorage);
  }

  /** The access token to send, if any. */
  accessToken(): string | null {
    return this.session?.accessToken ?? null;
  }

  /**
   * At start-up: with stored tokens, ask who we are (the interceptor refreshes an expired token).
   * When this device remembers the user, the first page starts at once with that user and the answer
   * updates it when it comes (a changed role or language, or the end of a session the server no longer
   * knows); the server checks every request anyway. Without a remembered user, the start waits for it.
   */
  async boot(): Promise<void> {
    if (!this.session) return;
    this.scheduleRefresh();
    const checked = this.checkSession(this.session.user !== null);
    if (this.session.user === null) await checked;
  }

  private async checkSession(pageMayHaveStarted: boolean): Promise<void> {
    try {
      const me = await firstValueFrom(this.http.get<UserSummary>(AUTH_URLS.me));
      this.setUser(me);
      await this.language.useUserPreference(me.language);
    } catch (error) {
      // 401s are handled by the interceptor (refresh or sign-out). Offline: keep the stored user.
      if (error instanceof HttpErrorResponse && (error.status === 401 || error.status === 403) && this.session) {
        if (pageMayHaveStarted) this.expire();
        else this.clear();
      }
    }
  }

  login(email: string, password: string): Observable<UserSummary> {
    return this.http.post<LoginResponse>(AUTH_URLS.login, { email, password }).pipe(
      tap((response) => this.store(response, response.user)),
      switchMap((response) => from(this.language.useUserPreference(response.user.language)).pipe(map(() => response.user))),
    );
  }

  /**
   * A fresh access token. Concurrent callers share one request; across tabs a Web Lock makes
   * sure only one tab spends the refresh token (a spent one re-used revokes the whole family).
   */
  refresh(): Observable<string> {
    if (!this.session) return throwError(() => new HttpErrorResponse({ status: 401, url: AUTH_URLS.refresh }));
    this.refreshInFlight ??= from(this.withLock(() => this.refreshOnce())).pipe(
      finalize(() => (this.refreshInFlight = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshInFlight;
  }

  /** Sign-out asked for by the person: revoke on the server (best effort), then forget everything. */
  async signOut(): Promise<void> {
    const refreshToken = this.session?.refreshToken;
    if (refreshToken) {
      await firstValueFrom(this.http.post(AUTH_URLS.logout, { refreshToken }).pipe(catchError(() => of(null))));
    }
    this.clear();
    await this.router.navigate(['/sign-in']);
  }

  /** The session ended on its own (refresh refused): back to sign-in, then back here. */
  expire(returnUrl = this.router.url): void {
    this.clear();
    const queryParams = returnUrl && returnUrl !== '/' && !returnUrl.startsWith('/sign-in') ? { returnUrl } : {};
    void this.router.navigate(['/sign-in'], { queryParams });
  }

  /** Keeps the signed-in user's preferred language on the server too (best effort: offline keeps it local). */
  async savePreferredLanguage(language: UserSummary['language']): Promise<void> {
    const user = this.currentUser();
    if (!user || user.language === language) return;
    try {
      this.setUser(await firstValueFrom(this.http.patch<UserSummary>(AUTH_URLS.me, { language })));
    } catch {
      // The choice still holds on this device.
    }
  }

  /** Whether the permission table lets the current user take this action on some (or this) record. */
  can(resource: Resource, action: Action, place?: RecordPlace): boolean {
    const user = this.currentUser();
    if (!user) return false;
    return place ? mayOnRecord(user, resource, action, place) : may(user.role, resource, action);
  }

  private async refreshOnce(): Promise<string> {
    // Another tab may already have refreshed while we waited for the lock.
    const stored = readSession();
    if (stored && this.session && stored.refreshToken !== this.session.refreshToken && stored.expiresAt > Date.now() + REFRESH_LEAD_MS) {
      this.session = stored;
      this.scheduleRefresh();
      return stored.accessToken;
    }
    const refreshToken = this.session?.refreshToken;
    if (!refreshToken) throw new HttpErrorResponse({ status: 401, url: AUTH_URLS.refresh });
    const pair = await firstValueFrom(this.http.post<TokenPair>(AUTH_URLS.refresh, { refreshToken }));
    this.store(pair, this.currentUser());
    return pair.accessToken;
  }

  private async withLock<T>(work: () => Promise<T>): Promise<T> {
    const locks = globalThis.navigator?.locks;
    return locks ? locks.request('impact.auth.refresh', work) : work();
  }

  private store(pair: TokenPair, user: UserSummary | null): void {
    this.session = {
      accessToken: pair.accessToken,
      refreshToken: pair.refreshToken,
      expiresAt: expiryOf(pair.accessToken, pair.expiresIn),
      user,
    };
    writeSession(this.session);
    this.currentUser.set(user);
    this.scheduleRefresh();
  }

  private setUser(user: UserSummary): void {
    this.currentUser.set(user);
    if (this.session) {
      this.session = { ...this.session, user };
      writeSession(this.session);
    }
  }

  private adoptFromOtherTab(): void {
    const stored = readSession();
    if (!stored) {
      // Signed out in another tab.
      if (this.session) this.expire();
      return;
    }
    this.session = stored;
    if (stored.user) this.currentUser.set(stored.user);
    this.scheduleRefresh();
  }

  private scheduleRefresh(): void {
    this.cancelRefresh();
    if (!this.session) return;
    const jitter = Math.random() * REFRESH_JITTER_MS;
    const delay = Math.max(0, this.session.expiresAt - REFRESH_LEAD_MS - jitter - Date.now());
    this.refreshTimer = setTimeout(() => {
      this.refresh().subscribe({
        error: (error: unknown) => {
          // Unreachable server: try again shortly rather than throwing the person out.
          if (error instanceof HttpErrorResponse && error.status === 0) {
            this.refreshTimer = setTimeout(() => this.scheduleRefresh(), 30_000);
          } else {
            this.expire();
          }
        },
      });
    }, delay);
  }

  private cancelRefresh(): void {
    if (this.refreshTimer !== undefined) clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
  }

  private clear(): void {
    this.cancelRefresh();
    this.session = null;
    clearSession();
    this.currentUser.set(null);
  }
}
