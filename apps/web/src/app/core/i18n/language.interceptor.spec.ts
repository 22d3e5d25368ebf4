import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { effect } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { translocoTesting } from '../../testing/transloco-testing';
import { languageInterceptor } from './language.interceptor';
import { LanguageService } from './language.service';

describe('languageInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [provideHttpClient(withInterceptors([languageInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('sends the language chosen on this device to the API, and follows a switch', async () => {
    const language = TestBed.inject(LanguageService);
    await language.choose('ar');
    http.get('/api/notifications').subscribe();
    expect(backend.expectOne('/api/notifications').request.headers.get('Accept-Language')).toBe('ar');
    await language.choose('fr');
    http.get('/api/notifications').subscribe();
    expect(backend.expectOne('/api/notifications').request.headers.get('Accept-Language')).toBe('fr');
  });

  it('does not make an effect that sends a request run again on a language switch', async () => {
    const language = TestBed.inject(LanguageService);
    let runs = 0;
    TestBed.runInInjectionContext(() =>
      effect(() => {
        runs++;
        http.get('/api/stories/1').subscribe();
      }),
    );
    TestBed.tick();
    backend.expectOne('/api/stories/1').flush({});
    await language.choose('ar');
    TestBed.tick();
    expect(runs).toBe(1);
    backend.expectNone('/api/stories/1');
  });

  it('leaves other requests alone', () => {
    http.get('/i18n/en.json').subscribe();
    expect(backend.expectOne('/i18n/en.json').request.headers.has('Accept-Language')).toBe(false);
  });
});
