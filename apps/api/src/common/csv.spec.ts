import { csvCell, toCsv } from './csv';
import { isRealDate } from './dto';
import { likePattern, orderBy, sortFields } from './list';

describe('csv', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(-3.5)).toBe('-3.5');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('starts with a BOM and a header row, ends lines with CRLF', () => {
    const out = toCsv([{ header: 'name', value: (r: { n: string }) => r.n }], [{ n: 'نانسانا' }]);
    expect(out).toBe('\uFEFFname\r\nنانسانا\r\n');
  });
});

describe('list helpers', () => {
  it('escapes LIKE wildcards', () => {
    expect(likePattern(' 50%_a\\ ')).toBe('%50\\%\\_a\\\\%');
    expect(likePattern('  ')).toBeNull();
  });

  it('sorts only on the allow-list', () => {
    const sorts = sortFields({ name: 'c.name' });
    expect(orderBy('name:desc', sorts, 'c.name', 'c.id')).toBe('c.name DESC NULLS LAST, c.id DESC');
    expect(() => orderBy('password:asc', sorts, 'c.name', 'c.id')).toThrow();
    // Object.prototype's members are no sort fields.
    for (const name of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf']) {
      expect(() => orderBy(name, sorts, 'c.name', 'c.id')).toThrow(expect.objectContaining({ fieldErrors: [expect.objectContaining({ field: 'sort' })] }));
    }
  });
});

describe('isRealDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-1-01', false],
    ['2024-01-01T00:00:00Z', false],
  ])('%s → %s', (value, ok) => expect(isRealDate(value)).toBe(ok));
});
