import { Directionality } from '@angular/cdk/bidi';
import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { translocoTesting } from '../../testing/transloco-testing';
import { LANGUAGE_STORAGE_KEY, LanguageService } from './language.service';

describe('LanguageService', () => {
  let service: LanguageService;

  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = 'en';
    document.documentElement.dir = 'ltr';
    TestBed.configureTestingModule({ imports: [translocoTesting()] });
    service = TestBed.inject(LanguageService);
  });

  it('sets <html lang dir> and Material directionality for Arabic, and remembers the choice', async () => {
    const dir = TestBed.inject(Directionality);
    const changes: string[] = [];
    dir.change.subscribe((d) => changes.push(d));

    await service.choose('ar');

    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(dir.value).toBe('rtl');
    expect(changes).toEqual(['rtl']);
    expect(service.direction()).toBe('rtl');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ar');
    expect(TestBed.inject(TranslocoService).translate('nav.users')).toBe('المستخدمون');
  });

  it('goes back to left-to-right for French', async () => {
    await service.choose('ar');
    await service.choose('fr');
    expect(document.documentElement.dir).toBe('ltr');
    expect(document.documentElement.lang).toBe('fr');
    expect(TestBed.inject(Directionality).value).toBe('ltr');
  });

  it('starts in the remembered language', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'es');
    await service.init();
    expect(service.language()).toBe('es');
    expect(document.documentElement.lang).toBe('es');
  });

  it('ignores a remembered value that is not a language', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'xx');
    await service.init();
    expect(['en', 'fr', 'ar', 'es']).toContain(service.language());
  });

  it("uses the signed-in user's preferred language when nothing was chosen on this device", async () => {
    await service.init();
    await service.useUserPreference('fr');
    expect(service.language()).toBe('fr');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBeNull();
  });

  it('keeps a language chosen on this device over the user preference', async () => {
    await service.choose('es');
    await service.useUserPreference('ar');
    expect(service.language()).toBe('es');
  });
});
