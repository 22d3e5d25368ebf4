import { TestBed } from '@angular/core/testing';
import { Language } from '@impact/contracts';
import { LanguageService } from '../../core/i18n/language.service';
import { translocoTesting } from '../../testing/transloco-testing';
import { LocaleDateAdapter } from './locale-date-adapter';
import { exampleDay, isCompleteDay, readTypedDay } from './strict-date';

const day = (y: number, m: number, d: number) => new Date(y, m - 1, d);
const invalid = (d: Date | null) => d instanceof Date && Number.isNaN(d.getTime());

describe('isCompleteDay', () => {
  it('takes a whole day in either order, with Western, Arabic-Indic or Persian digits', () => {
    for (const text of ['31/12/2025', '12/31/2025', '2025-12-31', '1.2.2025', '٣١/١٢/٢٠٢٥', '\u200f٣١/\u200f١٢/\u200f٢٠٢٥', '۳۱/۱۲/۲۰۲۵']) {
      expect({ text, complete: isCompleteDay(text) }).toEqual({ text, complete: true });
    }
  });

  it('refuses what is still being typed', () => {
    for (const text of ['3', '3/1', '3/1/', '3/1/20', '3/1/202', '2025-12', '2026-1', 'mars', '']) {
      expect({ text, complete: isCompleteDay(text) }).toEqual({ text, complete: false });
    }
  });
});

describe('readTypedDay', () => {
  it('reads a whole day in the order of the language', () => {
    expect(readTypedDay('03/01/2025', 'fr')).toEqual(day(2025, 1, 3));
    expect(readTypedDay('03/01/2025', 'es')).toEqual(day(2025, 1, 3));
    expect(readTypedDay('03/01/2025', 'en')).toEqual(day(2025, 3, 1));
    expect(readTypedDay('2025-01-03', 'en')).toEqual(day(2025, 1, 3));
  });

  it('reads Arabic-Indic digits with the direction marks a copied Arabic date carries, day first', () => {
    expect(readTypedDay('٠٣/٠١/٢٠٢٥', 'ar')).toEqual(day(2025, 1, 3));
    expect(readTypedDay('\u200f٣\u200f/١\u200f/٢٠٢٥', 'ar')).toEqual(day(2025, 1, 3));
  });

  it('gives an invalid date for half-typed text in every language (never a guess such as 1 March 2001)', () => {
    for (const locale of ['en', 'fr', 'ar', 'es']) {
      for (const text of ['3/1', '2026-1', '2026-01', '3/1/26', '٣/١', 'demain']) {
        expect({ locale, text, invalid: invalid(readTypedDay(text, locale)) }).toEqual({ locale, text, invalid: true });
      }
    }
  });

  it('gives an invalid date for a day that does not exist, and nothing for an empty field', () => {
    expect(invalid(readTypedDay('31/02/2025', 'fr'))).toBe(true);
    expect(invalid(readTypedDay('02/31/2025', 'en'))).toBe(true);
    expect(invalid(readTypedDay('2025-13-01', 'es'))).toBe(true);
    expect(invalid(readTypedDay('01/01/0999', 'fr'))).toBe(true);
    expect(readTypedDay('29/02/2024', 'fr')).toEqual(day(2024, 2, 29));
    expect(readTypedDay('   ', 'ar')).toBeNull();
  });

  it('reads back the example it gives, in every language', () => {
    for (const locale of ['en', 'fr', 'ar', 'es']) expect(readTypedDay(exampleDay(locale, 2026), locale)).toEqual(day(2026, 12, 31));
  });
});

describe('LocaleDateAdapter', () => {
  afterEach(() => localStorage.clear());

  async function adapter(lang: Language): Promise<LocaleDateAdapter> {
    TestBed.configureTestingModule({ imports: [translocoTesting()], providers: [LocaleDateAdapter] });
    await TestBed.inject(LanguageService).choose(lang);
    const a = TestBed.inject(LocaleDateAdapter);
    TestBed.tick();
    return a;
  }

  it('reads a typed day strictly, in the order of the active language', async () => {
    const fr = await adapter('fr');
    expect(fr.parse('03/01/2025', null)).toEqual(day(2025, 1, 3));
    expect(fr.isValid(fr.parse('3/1', null) as Date)).toBe(false);
    expect(fr.isValid(fr.parse('2026-1', null) as Date)).toBe(false);
    expect(fr.parse('', null)).toBeNull();
  });

  it('reads month first in English and Arabic-Indic digits in Arabic', async () => {
    expect((await adapter('en')).parse('03/01/2025', null)).toEqual(day(2025, 3, 1));
    TestBed.resetTestingModule();
    expect((await adapter('ar')).parse('٠٣/٠١/٢٠٢٥', null)).toEqual(day(2025, 1, 3));
  });
});
