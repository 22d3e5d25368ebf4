import { medianOf } from './figures';

describe('median days to achievement', () => {
  it('reads the median from a histogram as percentile_cont(0.5) does', () => {
    expect(medianOf([])).toBeNull();
    expect(medianOf([{ days: 5, n: 1 }])).toBe(5);
    expect(
      medianOf([
        { days: 10, n: 1 },
        { days: 2, n: 1 },
      ]),
    ).toBe(6);
    expect(
      medianOf([
        { days: 3, n: 2 },
        { days: 1, n: 1 },
        { days: 100, n: 1 },
      ]),
    ).toBe(3);
    expect(
      medianOf([
        { days: 1, n: 2 },
        { days: 9, n: 2 },
      ]),
    ).toBe(5);
  });

  it('gives the same median counted or sorted (days spread too far for an array)', () => {
    const spread = [
      { days: -3, n: 2 },
      { days: 4_000_000, n: 1 },
      { days: 7, n: 2 },
    ];
    expect(medianOf(spread)).toBe(7);
    expect(
      medianOf([
        { days: -3, n: 2 },
        { days: 8, n: 1 },
        { days: 7, n: 1 },
        { days: 4_000_000, n: 2 },
      ]),
    ).toBe(7.5);
    expect(
      medianOf([
        { days: -2, n: 1 },
        { days: 0, n: 0 },
        { days: 2, n: 1 },
      ]),
    ).toBe(0);
  });
});
