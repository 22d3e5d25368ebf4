import { medianOf, type Histogram } from './figures';

/** A histogram from `[days, count]` pairs, in the two arrays the summary's statement returns. */
const hist = (...buckets: [number | null, number][]): Histogram => ({
  days: buckets.map(([d]) => d),
  n: buckets.map(([, n]) => n),
});

describe('median days to achievement', () => {
  it('reads the median from a histogram as percentile_cont(0.5) does', () => {
    expect(medianOf([])).toBeNull();
    expect(medianOf([hist()])).toBeNull();
    expect(medianOf([hist([5, 1])])).toBe(5);
    expect(medianOf([hist([10, 1], [2, 1])])).toBe(6);
    expect(medianOf([hist([3, 2], [1, 1], [100, 1])])).toBe(3);
    expect(medianOf([hist([1, 2], [9, 2])])).toBe(5);
  });

  it('takes several hubs together, and leaves out commitments with no inspiring engagement', () => {
    expect(medianOf([hist([1, 1], [null, 5]), hist([9, 1]), hist([4, 1])])).toBe(4);
    expect(medianOf([hist([null, 3])])).toBeNull();
    expect(medianOf([hist([2, 1]), hist([2, 1], [8, 2])])).toBe(5);
  });

  it('gives the same median counted or sorted (days spread too far for an array)', () => {
    expect(medianOf([hist([-3, 2], [4_000_000, 1], [7, 2])])).toBe(7);
    expect(medianOf([hist([-3, 2], [8, 1]), hist([7, 1], [4_000_000, 2], [null, 9])])).toBe(7.5);
    expect(medianOf([hist([-2, 1], [0, 0], [2, 1])])).toBe(0);
  });
});
