import { medianOf } from './dashboard.service';
import { commitmentAchievedInRangeSql, inRange, statusOfRank, statusRankSql } from './kpi-sql';

describe('dashboard SQL helpers', () => {
  it('reads the median from a histogram as percentile_cont(0.5) does', () => {
    expect(medianOf([])).toBeNull();
    expect(medianOf([{ days: 5, n: 1 }])).toBe(5);
    expect(medianOf([{ days: 10, n: 1 }, { days: 2, n: 1 }])).toBe(6);
    expect(medianOf([{ days: 3, n: 2 }, { days: 1, n: 1 }, { days: 100, n: 1 }])).toBe(3);
    expect(medianOf([{ days: 1, n: 2 }, { days: 9, n: 2 }])).toBe(5);
  });

  it('leaves out a missing bound of a range', () => {
    expect(inRange('d', null, null)).toBe('TRUE');
    expect(inRange('d', '$1', null)).toBe('d >= $1::date');
    expect(inRange('d', '$1', '$2')).toBe('d >= $1::date AND d <= $2::date');
    expect(commitmentAchievedInRangeSql('c', null, null)).toBe(`c.status = 'achieved'`);
  });

  it('ranks statuses as the contract does and reads a rank back', () => {
    expect(statusRankSql('s')).toContain(`WHEN 'achieved' THEN 4`);
    expect(statusOfRank(4)).toBe('achieved');
    expect(statusOfRank(0)).toBe('cancelled');
    expect(statusOfRank(null)).toBeNull();
  });
});
