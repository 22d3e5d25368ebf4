import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { LANGUAGE_STORAGE_KEY, startingLanguage } from './language.service';
import { TranslocoHttpLoader, fetchTranslationEarly } from './transloco-loader';

describe('TranslocoHttpLoader with the file fetched before the bootstrap', () => {
  let loader: TranslocoHttpLoader;
  let http: HttpTestingController;
  const fetchMock = jest.fn();

  beforeEach(() => {
    fetchMock.mockReset();
    (globalThis as { fetch?: unknown }).fetch = fetchMock;
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    loader = TestBed.inject(TranslocoHttpLoader);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  const answer = (status: number, body: unknown) => Promise.resolve({ ok: status < 400, status, json: () => Promise.resolve(body) });

  it('hands the early download to Transloco once, then loads the normal way', async () => {
    fetchMock.mockReturnValueOnce(answer(200, { hello: 'مرحبا' }));
    fetchTranslationEarly('ar');
    expect(fetchMock).toHaveBeenCalledWith('/i18n/ar.json', { credentials: 'same-origin' });
    await expect(firstValueFrom(loader.getTranslation('ar'))).resolves.toEqual({ hello: 'مرحبا' });

    const again = firstValueFrom(loader.getTranslation('ar'));
    http.expectOne('/i18n/ar.json').flush({ hello: 'again' });
    await expect(again).resolves.toEqual({ hello: 'again' });
  });

  it('takes over the download the start-up script began for the same language, and fetches its own for another', async () => {
    const scope = globalThis as { __itTranslation?: unknown };
    scope.__itTranslation = { lang: 'ar', body: Promise.resolve({ hello: 'مرحبا' }) };
    fetchTranslationEarly('ar');
    expect(fetchMock).not.toHaveBeenCalled();
    expect(scope.__itTranslation).toBeUndefined();
    await expect(firstValueFrom(loader.getTranslation('ar'))).resolves.toEqual({ hello: 'مرحبا' });

    scope.__itTranslation = { lang: 'ar', body: Promise.resolve({ hello: 'مرحبا' }) };
    fetchMock.mockReturnValueOnce(answer(200, { hello: 'bonjour' }));
    fetchTranslationEarly('fr');
    expect(fetchMock).toHaveBeenCalledWith('/i18n/fr.json', { credentials: 'same-origin' });
    await expect(firstValueFrom(loader.getTranslation('fr'))).resolves.toEqual({ hello: 'bonjour' });
  });

  it('loads another language than the early one the normal way', async () => {
    fetchMock.mockReturnValueOnce(answer(200, { hello: 'hello' }));
    fetchTranslationEarly('en');
    const fr = firstValueFrom(loader.getTranslation('fr'));
    http.expectOne('/i18n/fr.json').flush({ hello: 'bonjour' });
    await expect(fr).resolves.toEqual({ hello: 'bonjour' });
  });

  it('retries a failed early download through HttpClient', async () => {
    fetchMock.mockReturnValueOnce(answer(503, null));
    fetchTranslationEarly('es');
    const es = firstValueFrom(loader.getTranslation('es'));
    await new Promise((r) => setTimeout(r));
    http.expectOne('/i18n/es.json').flush({ hello: 'hola' });
    await expect(es).resolves.toEqual({ hello: 'hola' });
  });

  it('starts in the language chosen on this device, else the browser language, else English', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    expect(startingLanguage({ languages: ['ar-EG'] } as unknown as Navigator)).toBe('fr');
    localStorage.removeItem(LANGUAGE_STORAGE_KEY);
    expect(startingLanguage({ languages: ['de-DE', 'ar-EG'] } as unknown as Navigator)).toBe('ar');
    expect(startingLanguage({ languages: ['de-DE'] } as unknown as Navigator)).toBe('en');
  });
});
