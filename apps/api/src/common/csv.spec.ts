import { csvCell, toCsv } from './csv';
import { isRealDate } from './dto';
import { DataSource } from 'typeorm';
import { ValidationFailedError } from './errors';
import { applySort, likePattern, listSorts } from './list-query';

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

  // A query builder writes SQL without a connection, so the ORDER BY can be read as PostgreSQL gets it.
  const cities = () => new DataSource({ type: 'postgres' }).createQueryBuilder().select('c.id').from('cities', 'c');
  const sorts = listSorts({ name: 'c.name' }, [['c.created_at', 'DESC']], 'c.id');

  it('sorts only on the allow-list, the id breaking ties', () => {
    expect(applySort(cities(), 'name:desc', sorts).getSql()).toContain('ORDER BY c.name DESC NULLS LAST, c.id DESC');
    expect(applySort(cities(), undefined, sorts).getSql()).toContain('ORDER BY c.created_at DESC NULLS LAST, c.id DESC');
    expect(() => applySort(cities(), 'password:asc', sorts)).toThrow(ValidationFailedError);
    // Object.prototype's members are no sort fields.
    for (const name of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf']) {
      expect(() => applySort(cities(), name, sorts)).toThrow(
        expect.objectContaining({ fieldErrors: [expect.objectContaining({ field: 'sort' })] }),
      );
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
