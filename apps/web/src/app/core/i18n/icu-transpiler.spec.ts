import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { translocoTesting } from '../../testing/transloco-testing';
import { isIcuMessage } from './icu-transpiler';

describe('ICU messages', () => {
  let transloco: TranslocoService;
  const say = (lang: string, key: string, params: Record<string, unknown>) => {
    transloco.setActiveLang(lang);
    return transloco.translate(key, params);
  };

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [translocoTesting()] });
    transloco = TestBed.inject(TranslocoService);
  });

  it('tells ICU messages from plain ones', () => {
    expect(isIcuMessage('{n, plural, one {# day} other {# days}}')).toBe(true);
    expect(isIcuMessage('{n, number} of {total, plural, other {#}}')).toBe(true);
    expect(isIcuMessage('Edit {{name}}')).toBe(false);
  });

  it('makes an English count agree with its number', () => {
    expect(say('en', 'signIn.errors.tooMany', { minutes: 1 })).toBe('Too many attempts — try again in 1 minute.');
    expect(say('en', 'signIn.errors.tooMany', { minutes: 5 })).toBe('Too many attempts — try again in 5 minutes.');
    expect(say('en', 'dashboard.shareOf', { n: 1234, total: 2000 })).toBe('1,234 of 2,000 engagements');
  });

  it('takes 0 and 1 as singular in French, only 1 in Spanish', () => {
    expect(say('fr', 'cities.countsValue', { engagements: 0, commitments: 1, outcomes: 2 })).toBe(
      '0 activité · 1 engagement · 2 résultats',
    );
    expect(say('es', 'cities.countsValue', { engagements: 0, commitments: 1, outcomes: 2 })).toBe(
      '0 actividades · 1 compromiso · 2 resultados',
    );
    expect(say('fr', 'dashboard.days', { n: 1.5 })).toBe('1,5 jour');
  });

  it('writes the six Arabic forms', () => {
    const days = (n: number) => say('ar', 'dashboard.days', { n });
    expect([0, 1, 2, 3, 11, 100].map(days)).toEqual(['0 يوم', 'يوم واحد', 'يومان', '3 أيام', '11 يومًا', '100 يوم']);
    expect(say('ar', 'signIn.errors.tooMany', { minutes: 2 })).toBe('محاولات كثيرة جدًا — حاول مرة أخرى بعد دقيقتين.');
  });

  it('leaves plain messages to Transloco, so a value with braces or quotes shows as typed', () => {
    expect(say('en', 'common.editNamed', { name: "Youth {pilot} O'Brien" })).toBe("Edit Youth {pilot} O'Brien");
    expect(say('fr', 'form.saved', { name: '{x}' })).toBe('« {x} » a été enregistré.');
  });
});
