import { rangeProblems, rangeToApply } from './date-range';

const day = (y: number, m: number, d: number) => new Date(y, m - 1, d);

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
