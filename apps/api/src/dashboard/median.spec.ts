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
});
