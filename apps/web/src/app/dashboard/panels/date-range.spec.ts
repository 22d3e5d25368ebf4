import { TestBed } from '@angular/core/testing';
import { Language } from '@impact/contracts';
import { LanguageService } from '../../core/i18n/language.service';
import { translocoTesting } from '../../testing/transloco-testing';
import { CompleteDayAdapter, isCompleteDay, rangeProblems, rangeToApply } from './date-range';

const day = (y: number, m: number, d: number) => new Date(y, m - 1, d);

describe('isCompleteDay', () => {
  it('takes a whole day in either order, with Western or Arabic-Indic digits', () => {
    for (const text of ['31/12/2025', '12/31/2025', '2025-12-31', '1.2.2025', '٣١/١٢/٢٠٢٥', '\u200f٣١/\u200f١٢/\u200f٢٠٢٥']) {
      expect({ text, complete: isCompleteDay(text) }).toEqual({ text, complete: true });
    }
  });

  it('refuses what is still being typed', () => {
    for (const text of ['3', '3/1', '3/1/', '3/1/20', '3/1/202', '2025-12', 'mars', '']) {
      expect({ text, complete: isCompleteDay(text) }).toEqual({ text, complete: false });
    }
  });
});

describe('CompleteDayAdapter', () => {
  afterEach(() => localStorage.clear());

  async function adapter(lang: Language): Promise<CompleteDayAdapter> {
    TestBed.configureTestingModule({ imports: [translocoTesting()], providers: [CompleteDayAdapter] });
    await TestBed.inject(LanguageService).choose(lang);
    const a = TestBed.inject(CompleteDayAdapter);
    TestBed.tick();
    return a;
  }

  it('reads a typed day in the order of the language', async () => {
    expect((await adapter('fr')).parse('03/01/2025', null)).toEqual(day(2025, 1, 3));
  });

  it('reads month first in English', async () => {
    expect((await adapter('en')).parse('03/01/2025', null)).toEqual(day(2025, 3, 1));
  });

  it('reads Arabic-Indic digits', async () => {
    expect((await adapter('ar')).parse('٠٣/٠١/٢٠٢٥', null)).toEqual(day(2025, 1, 3));
  });

  it('gives an invalid date for a half-typed day (never a guess such as 1 March 2001), and nothing for an empty field', async () => {
    const a = await adapter('en');
    const partial = a.parse('3/1', null) as Date;
    expect(a.isValid(partial)).toBe(false);
    expect(a.parse('   ', null)).toBeNull();
  });

  it('gives an invalid date for a day that does not exist', async () => {
    const a = await adapter('fr');
    expect(a.isValid(a.parse('31/02/2025', null) as Date)).toBe(false);
  });
});

describe('rangeProblems', () => {
  it('finds nothing wrong with an ordered range, an open end or a single day', () => {
    expect(rangeProblems(day(2025, 1, 1), day(2025, 12, 31))).toEqual({});
    expect(rangeProblems(null, day(2025, 12, 31))).toEqual({});
    expect(rangeProblems(day(2025, 3, 3), day(2025, 3, 3))).toEqual({});
  });

  it('names the end that is not a day, and an end before the start', () => {
    expect(rangeProblems(new Date(NaN), null)).toEqual({ from: 'date' });
    expect(rangeProblems(day(2025, 1, 1), new Date(NaN))).toEqual({ to: 'date' });
    expect(rangeProblems(day(2025, 5, 1), day(2025, 4, 30))).toEqual({ to: 'order' });
  });
});

describe('rangeToApply', () => {
  it('gives the new range as URL days', () => {
    expect(rangeToApply(day(2025, 1, 1), day(2025, 6, 30), {})).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    expect(rangeToApply(null, null, { from: '2025-01-01' })).toEqual({ from: null, to: null });
  });

  it('applies nothing while either end is wrong', () => {
    expect(rangeToApply(new Date(NaN), null, {})).toBeNull();
    expect(rangeToApply(day(2025, 6, 1), day(2025, 1, 1), {})).toBeNull();
  });

  it('applies nothing when the range is the one shown (no second request)', () => {
    expect(rangeToApply(day(2025, 1, 1), null, { from: '2025-01-01' })).toBeNull();
  });
});
