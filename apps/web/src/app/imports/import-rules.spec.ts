import { IMPORT_ENTITIES, IMPORT_MAX_BYTES, ImportRecord } from '@impact/contracts';
import {
  errorsFileName,
  errorsToCsv,
  fileProblem,
  historyStatus,
  importableEntities,
  isCleanPreview,
  listPath,
  mayImport,
  mayPreview,
  progressPercent,
  resourceOf,
  type ImportState,
} from './import-rules';

function record(overrides: Partial<ImportRecord> = {}): ImportRecord {
  return {
    id: 'i1',
    entity: 'partners',
    dryRun: true,
    status: 'done',
    fileName: 'partners.csv',
    total: 3,
    processed: 3,
    created: 2,
    updated: 1,
    unchanged: 0,
    errors: [],
    message: null,
    createdById: 'u1',
    createdAt: '2026-11-29T05:00:00Z',
    finishedAt: '2026-11-29T05:00:01Z',
    ...overrides,
  };
}

const file = (name = 'partners.csv', size = 120) => new File(['x'.repeat(size)], name, { type: 'text/csv' });

describe('what a role may import', () => {
  it('reads the permission table: an entity the role may create or update', () => {
    expect(importableEntities('admin')).toEqual([...IMPORT_ENTITIES]);
    // Leadership reads everything and writes none of it.
    expect(importableEntities('leadership')).toEqual([]);
    expect(importableEntities('hub_manager')).toEqual(expect.arrayContaining(['cities', 'partners']));
    // A liaison may not write cities or partners.
    expect(importableEntities('city_liaison')).not.toContain('cities');
    expect(importableEntities('city_liaison')).not.toContain('partners');
    expect(importableEntities(null)).toEqual([]);
  });

  it('maps entity names onto the permission table, kebab-case included', () => {
    expect(resourceOf('follow-ups')).toBe('followUps');
    expect(resourceOf('cities')).toBe('cities');
    expect(resourceOf('spreadsheets')).toBeNull();
  });

  it('links to the list a record type has, and to none where there is no list', () => {
    expect(listPath('partners')).toBe('/partners');
    expect(listPath('follow-ups')).toBe('/follow-ups');
    expect(listPath('outcomes')).toBeNull();
  });
});

describe('progressPercent', () => {
  it('is unknown (indeterminate) until the total is known', () => {
    expect(progressPercent(null)).toBeNull();
    expect(progressPercent(record({ status: 'queued', total: null, processed: 0 }))).toBeNull();
    expect(progressPercent(record({ status: 'running', total: null, processed: 500 }))).toBeNull();
  });

  it('is processed out of total, rounded down and kept within 0–100', () => {
    expect(progressPercent(record({ status: 'running', total: 3, processed: 1 }))).toBe(33);
    expect(progressPercent(record({ status: 'running', total: 200_000, processed: 199_999 }))).toBe(99);
    expect(progressPercent(record({ status: 'running', total: 10, processed: 12 }))).toBe(100);
    expect(progressPercent(record({ status: 'running', total: 0, processed: 0 }))).toBe(0);
  });

  it('is 100 once finished, whatever the counts', () => {
    expect(progressPercent(record({ status: 'failed', total: null, processed: 0 }))).toBe(100);
    expect(progressPercent(record({ status: 'done', total: 10, processed: 4 }))).toBe(100);
  });
});

describe('file checks', () => {
  it('takes .csv and .xlsx of any case, nothing empty and nothing over the limit', () => {
    expect(fileProblem({ name: 'a.csv', size: 10 })).toBeNull();
    expect(fileProblem({ name: 'A.XLSX', size: 10 })).toBeNull();
    expect(fileProblem({ name: 'a.xls', size: 10 })).toBe('type');
    expect(fileProblem({ name: 'a.csv.exe', size: 10 })).toBe('type');
    expect(fileProblem({ name: 'a.csv', size: 0 })).toBe('empty');
    expect(fileProblem({ name: 'a.csv', size: IMPORT_MAX_BYTES })).toBeNull();
    expect(fileProblem({ name: 'a.csv', size: IMPORT_MAX_BYTES + 1 })).toBe('tooBig');
  });
});

describe('when Preview and Import are enabled', () => {
  const f = file();
  const base: ImportState = { entity: 'partners', file: f, preview: null, busy: false };

  it('Preview needs an entity and an acceptable file, and nothing running', () => {
    expect(mayPreview(base)).toBe(true);
    expect(mayPreview({ ...base, file: null })).toBe(false);
    expect(mayPreview({ ...base, entity: null })).toBe(false);
    expect(mayPreview({ ...base, busy: true })).toBe(false);
    expect(mayPreview({ ...base, file: file('notes.txt') })).toBe(false);
  });

  it('Import needs a clean, finished preview of this very file and entity', () => {
    expect(mayImport(base)).toBe(false);
    const clean = { record: record(), file: f, entity: 'partners' };
    expect(mayImport({ ...base, preview: clean })).toBe(true);
    // Another file (even with the same name) or another entity needs its own preview.
    expect(mayImport({ ...base, file: file(), preview: clean })).toBe(false);
    expect(mayImport({ ...base, entity: 'cities', preview: clean })).toBe(false);
    expect(mayImport({ ...base, busy: true, preview: clean })).toBe(false);
    const withErrors = { ...clean, record: record({ errors: [{ row: 3, column: 'name', message: 'name is required' }] }) };
    expect(mayImport({ ...base, preview: withErrors })).toBe(false);
    const unreadable = { ...clean, record: record({ status: 'failed', message: 'The file is not UTF-8.' }) };
    expect(mayImport({ ...base, preview: unreadable })).toBe(false);
    const running = { ...clean, record: record({ status: 'running' }) };
    expect(mayImport({ ...base, preview: running })).toBe(false);
  });

  it('a real run is never a preview to import from', () => {
    expect(isCleanPreview(record({ dryRun: false }))).toBe(false);
    expect(isCleanPreview(record())).toBe(true);
  });
});

describe('historyStatus', () => {
  it('says what a finished preview found, and a real run its status', () => {
    expect(historyStatus(record())).toBe('checked');
    expect(historyStatus(record({ errors: [{ row: 2, column: 'kind', message: 'bad' }] }))).toBe('problems');
    expect(historyStatus(record({ status: 'running' }))).toBe('running');
    expect(historyStatus(record({ dryRun: false }))).toBe('done');
    expect(historyStatus(record({ dryRun: false, status: 'undone' }))).toBe('undone');
  });
});

describe('errorsToCsv', () => {
  it('writes a header and one line per error in row order, quoting what needs it', () => {
    const csv = errorsToCsv(
      [
        { row: 7, column: 'hub', message: 'Unknown hub "Nowhere", check the name' },
        { row: 3, column: 'name', message: 'name is required' },
      ],
      ['Row', 'Column', 'Problem'],
    );
    expect(csv).toBe('Row,Column,Problem\r\n3,name,name is required\r\n7,hub,"Unknown hub ""Nowhere"", check the name"\r\n');
  });

  it('defuses cells a spreadsheet would run as formulas, and keeps line breaks and Arabic inside quotes', () => {
    const csv = errorsToCsv(
      [
        { row: 2, column: '=HYPERLINK("x")', message: '+1 too many' },
        { row: 4, column: 'الاسم', message: 'line one\nline two' },
      ],
      ['الصف', 'العمود', 'المشكلة'],
    );
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('الصف,العمود,المشكلة');
    expect(lines[1]).toBe(`2,"'=HYPERLINK(""x"")",'+1 too many`);
    expect(lines[2]).toBe('4,الاسم,"line one\nline two"');
  });

  it('names the download after the uploaded file', () => {
    expect(errorsFileName('Hub partners 2025.xlsx')).toBe('Hub partners 2025-errors.csv');
    expect(errorsFileName('.csv')).toBe('import-errors.csv');
  });
});
