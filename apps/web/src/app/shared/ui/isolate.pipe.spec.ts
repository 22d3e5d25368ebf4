import { IsolatePipe } from './isolate.pipe';

describe('IsolatePipe', () => {
  it('isolates a value so it keeps its own direction inside a sentence', () => {
    expect(new IsolatePipe().transform('Yasmine Benali')).toBe('\u2068Yasmine Benali\u2069');
    expect(new IsolatePipe().transform(null)).toBe('');
  });
});
