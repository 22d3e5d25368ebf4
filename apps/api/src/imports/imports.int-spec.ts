import { parse } from 'csv-parse/sync';
import type { ImportRecord, ImportUndoResult } from '@impact/contracts';
import { readdir } from 'node:fs/promises';
import { demoSpec } from '../../test/demo-spec';
import { importClient, xlsxOf } from '../../test/import-files';
import { UPLOAD_DIR } from './upload.interceptor';
import { deflatedZeros, zipOf } from './zip-bomb.fixture';

const t = demoSpec('admin', 'esa', 'balkans', 'nansana');
const { as, count } = t;
const { post, imported } = importClient(t);
let esa: string, nansana: string;
beforeAll(() => ([esa, nansana] = [t.hub('esa'), t.city('Nansana')]));

const CITY_HEADER = 'id,name,countryCode,hub,kind,membershipStatus,memberSince,leadOfficial,latitude,longitude';

/** Rows of the tables an import may write, and of the audit trail: what "nothing written" compares. */
const written = async () => ({
  cities: await count(`SELECT count(*)::int AS n FROM cities`),
  partners: await count(`SELECT count(*)::int AS n FROM partners`),
  audit: await count(`SELECT count(*)::int AS n FROM audit_log`),
  versions: await count(`SELECT coalesce(sum(version), 0)::int AS n FROM cities`),
});

describe('imports: round trip', () => {
  it.each(['cities', 'partners'])('imports an export of %s back as unchanged, in CSV and .xlsx, writing nothing', async (entity) => {
    const exported = await t.http.get(`/api/${entity}/export.csv`).set(as('admin')).expect(200);
    const rows = (parse(exported.text.replace(/^\uFEFF/, '')) as string[][]).length - 1;
    expect(rows).toBeGreaterThan(5);
    const before = await written();
    const csv = await imported('admin', entity, false, exported.text, `${entity}.csv`);
    expect(csv).toMatchObject({
      status: 'done',
      message: null,
      total: rows,
      processed: rows,
      unchanged: rows,
      created: 0,
      updated: 0,
      errors: [],
    });
    const xlsx = await imported('admin', entity, false, await xlsxOf(exported.text), `${entity}.xlsx`);
    expect(xlsx).toMatchObject({ status: 'done', message: null, total: rows, unchanged: rows, created: 0, updated: 0, errors: [] });
    expect(await written()).toEqual(before);
  });
});

describe('imports: preview and run', () => {
  it('previews a file with row errors: reports each by row and column, counts what would change, writes nothing', async () => {
    const before = await written();
    const file = [
      CITY_HEADER,
      ',Mombasa,ke,east & southern AFRICA,city,member,2021-06-01,,-4.04,39.67',
      `${nansana},Nansana,UG,esa-by-name-unknown,city,member,,,,`,
      ',Kisumu,KE,East & Southern Africa,village,member,2024-02-30,,north,',
      `${nansana},Nansana,UG,East & Southern Africa,city,member,,"Mayor, acting",0.36,32.52`,
    ].join('\n');
    const preview = await imported('esa', 'cities', true, file);
    expect(preview).toMatchObject({ status: 'done', dryRun: true, total: 4, created: 1, updated: 1, unchanged: 0 });
    expect(preview.errors).toEqual(
      expect.arrayContaining([
        { row: 3, column: 'hub', message: 'no hub "esa-by-name-unknown"' },
        { row: 4, column: 'kind', message: expect.stringContaining('kind must be one of') },
        { row: 4, column: 'memberSince', message: expect.any(String) },
        { row: 4, column: 'latitude', message: expect.any(String) },
      ]),
    );
    expect(new Set(preview.errors.map((e) => e.row))).toEqual(new Set([3, 4]));
    expect(await written()).toEqual(before);
    // The same file for real: all or nothing, so nothing.
    const run = await imported('esa', 'cities', false, file);
    expect(run).toMatchObject({ status: 'failed', message: expect.stringContaining('nothing was written') });
    expect(await written()).toEqual(before);
  });

  it('creates and updates in one run through the services, each record audited with the import named', async () => {
    const nansanaNow = (await t.http.get(`/api/cities/${nansana}`).set(as('esa')).expect(200)).body;
    const file = [
      CITY_HEADER,
      ',Malindi,KE,East & Southern Africa,city,joining,,,,',
      `${nansana},Nansana,UG,East & Southern Africa,${nansanaNow.kind},${nansanaNow.membershipStatus},${nansanaNow.memberSince ?? ''},Imported official,${nansanaNow.latitude ?? ''},${nansanaNow.longitude ?? ''}`,
    ].join('\r\n');
    const run = await imported('esa', 'cities', false, file);
    expect(run).toMatchObject({ status: 'done', created: 1, updated: 1, unchanged: 0, errors: [] });
    const list = await t.http.get('/api/cities?q=Malindi').set(as('esa')).expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ name: 'Malindi', countryCode: 'KE', hubId: esa, membershipStatus: 'joining' }),
    ]);
    const after = (await t.http.get(`/api/cities/${nansana}`).set(as('esa')).expect(200)).body;
    expect(after).toMatchObject({ leadOfficial: 'Imported official', version: nansanaNow.version + 1 });
    const audit = await t.dataSource.query(`SELECT entity_id, action FROM audit_log WHERE note = $1 ORDER BY action`, [`import ${run.id}`]);
    expect(audit).toEqual([
      { entity_id: list.body.items[0].id, action: 'create' },
      { entity_id: nansana, action: 'update' },
    ]);
  });

  it('gives the template: the header and one example row, which previews as one city to create', async () => {
    const res = await t.http.get('/api/imports/templates/cities.csv').set(as('esa')).expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(CITY_HEADER);
    expect(await imported('esa', 'cities', true, res.text)).toMatchObject({ status: 'done', created: 1, errors: [] });
    await t.http.get('/api/imports/templates/stories.csv').set(as('esa')).expect(400);
  });
});

describe('imports: any instance runs the job', () => {
  it('keeps the uploaded file in the database, not on the disk of the instance that took it, and removes it once run', async () => {
    const onDisk = async () => (await readdir(UPLOAD_DIR).catch(() => [] as string[])).sort();
    const before = await onDisk();
    const template = (await t.http.get('/api/imports/templates/cities.csv').set(as('esa')).expect(200)).text;
    const queued = await post('esa', 'cities', true, template).expect(202);
    const id = (queued.body as ImportRecord).id;
    // The upload left this instance's disk with the 202; only a job's own working copy (named by the import) may be there.
    expect((await onDisk()).filter((f) => !before.includes(f) && !f.startsWith(id))).toEqual([]);
    const end = Date.now() + 60_000;
    let record = queued.body as ImportRecord;
    while (record.status === 'queued' || record.status === 'running') {
      if (Date.now() > end) throw new Error(`import ${id} still ${record.status}`);
      await new Promise((r) => setTimeout(r, 200));
      record = (await t.http.get(`/api/imports/${id}`).set(as('esa')).expect(200)).body as ImportRecord;
    }
    expect(record).toMatchObject({ status: 'done', created: 1, errors: [] });
    expect(await count(`SELECT count(*)::int AS n FROM import_files WHERE import_id = '${id}'`)).toBe(0);
    expect((await onDisk()).filter((f) => f.startsWith(id))).toEqual([]);
  });
});

describe('imports: hostile files', () => {
  const tenThousand = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',') + '\n';
  it.each([
    ['broken quoting', 'id,name,kind,countryCode\n,"Open quote,academic,\n'],
    ['a NUL byte', 'id,name,kind,countryCode\n,Bad\u0000name,academic,\n'],
    ['a UTF-16 file', Buffer.from('\uFEFFid,name,kind,countryCode\r\n,Partner,academic,\r\n', 'utf16le')],
    ['10,000 columns', tenThousand],
    ['a 0-byte file', Buffer.alloc(0)],
    ['a .xlsx that is not a workbook', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 1)])],
    // A few kB whose sheet inflates to 600 MB, beyond what any 50 MB workbook holds.
    ['a .xlsx that is really a zip bomb', zipOf([{ name: 'xl/worksheets/sheet1.xml', data: deflatedZeros(600), size: 1000 }])],
  ])('refuses %s with a clear message and writes nothing', async (_what, file) => {
    const before = await written();
    const run = await imported('admin', 'partners', false, file);
    expect(run.status).toBe('failed');
    expect(run.message).toMatch(/^The file |^Row \d+ holds a NUL/);
    expect(await written()).toEqual(before);
  });

  it('keeps a formula as text', async () => {
    const run = await imported(
      'admin',
      'partners',
      false,
      'id,name,kind,countryCode\n,"=HYPERLINK(""http://evil.test"",""x"")",academic,\n',
    );
    expect(run).toMatchObject({ status: 'done', created: 1, errors: [] });
    const [row] = await t.dataSource.query(`SELECT name FROM partners WHERE name LIKE '=HYPERLINK%'`);
    expect(row.name).toBe('=HYPERLINK("http://evil.test","x")');
  });

  it('answers 413 above 50 MB and 400 without a file or with a bad query, writing nothing', async () => {
    const before = await written();
    const imports = await count(`SELECT count(*)::int AS n FROM imports`);
    const big = await post('admin', 'partners', true, Buffer.alloc(50 * 1024 * 1024 + 1, 'a')).expect(413);
    expect(big.body).toMatchObject({ statusCode: 413, message: expect.stringContaining('50 MB') });
    const none = await t.http.post('/api/imports?entity=partners&dryRun=true').set(as('admin')).send({}).expect(400);
    expect(JSON.stringify(none.body)).toContain('file');
    const bad = await post('admin', 'stories', true, 'x').expect(400);
    expect(JSON.stringify(bad.body)).toContain('entity');
    expect(await written()).toEqual(before);
    expect(await count(`SELECT count(*)::int AS n FROM imports`)).toBe(imports);
  });
});

describe('imports: scope', () => {
  it("another hub's manager imports nothing into this hub; a liaison may not import cities or partners", async () => {
    const before = await written();
    const file = [
      CITY_HEADER,
      ',Lamu,KE,East & Southern Africa,city,member,,,,',
      `${nansana},Nansana,UG,East & Southern Africa,city,member,,Someone,,`,
    ].join('\n');
    const run = await imported('balkans', 'cities', false, file);
    expect(run.status).toBe('failed');
    expect(run.errors).toEqual([
      { row: 2, column: 'hub', message: 'you may not add cities to this hub' },
      { row: 3, column: 'id', message: 'you may not change this city' },
    ]);
    await post('nansana', 'cities', true, file).expect(403);
    await post('nansana', 'partners', true, 'id,name,kind,countryCode\n,X,academic,\n').expect(403);
    // Someone else's import is not found; the list holds the caller's own (admins see all).
    await t.http.get(`/api/imports/${run.id}`).set(as('esa')).expect(404);
    const mine = (await t.http.get('/api/imports?pageSize=200').set(as('balkans')).expect(200)).body;
    expect(mine.items.map((i: ImportRecord) => i.id)).toEqual([run.id]);
    const all = (await t.http.get('/api/imports?pageSize=200').set(as('admin')).expect(200)).body;
    expect(all.total).toBeGreaterThan(mine.total);
    expect(await written()).toEqual(before);
  });
});

describe('imports: undo', () => {
  it('archives what the import created and restores what it updated, leaving records changed since alone; audited', async () => {
    const nansanaBefore = (await t.http.get(`/api/cities/${nansana}`).set(as('esa')).expect(200)).body;
    const file = [
      CITY_HEADER,
      ',Voi,KE,East & Southern Africa,city,joining,,,,',
      ',Kitui,KE,East & Southern Africa,city,joining,,,,',
      `${nansana},Nansana,UG,East & Southern Africa,${nansanaBefore.kind},${nansanaBefore.membershipStatus},${nansanaBefore.memberSince ?? ''},Before undo,${nansanaBefore.latitude ?? ''},${nansanaBefore.longitude ?? ''}`,
    ].join('\n');
    const run = await imported('esa', 'cities', false, file);
    expect(run).toMatchObject({ status: 'done', created: 2, updated: 1 });
    const kitui = (await t.http.get('/api/cities?q=Kitui').set(as('esa')).expect(200)).body.items[0];
    const voi = (await t.http.get('/api/cities?q=Voi').set(as('esa')).expect(200)).body.items[0];
    // Someone changes Kitui after the import: undo must leave it alone and say so.
    await t.http
      .patch(`/api/cities/${kitui.id}`)
      .set(as('esa'))
      .send({ version: kitui.version, leadOfficial: 'Changed since' })
      .expect(200);

    await t.http.post(`/api/imports/${run.id}/undo`).set(as('balkans')).expect(404);
    const undo = (await t.http.post(`/api/imports/${run.id}/undo`).set(as('esa')).expect(200)).body as ImportUndoResult;
    expect(undo).toMatchObject({ archived: 1, restored: 1, skipped: [{ id: kitui.id, message: 'changed since the import' }] });
    expect(undo.import.status).toBe('undone');
    await t.http.get(`/api/cities/${voi.id}`).set(as('esa')).expect(404);
    await t.http.get(`/api/cities/${kitui.id}`).set(as('esa')).expect(200);
    const restored = (await t.http.get(`/api/cities/${nansana}`).set(as('esa')).expect(200)).body;
    expect(restored.leadOfficial).toBe(nansanaBefore.leadOfficial);
    const audit = await t.dataSource.query(`SELECT entity_id, action FROM audit_log WHERE note = $1 ORDER BY action`, [
      `undo of import ${run.id}`,
    ]);
    expect(audit).toEqual([
      { entity_id: voi.id, action: 'archive' },
      { entity_id: nansana, action: 'update' },
    ]);
    await t.http.post(`/api/imports/${run.id}/undo`).set(as('esa')).expect(409);
    expect((await t.http.get(`/api/imports/${run.id}`).set(as('esa')).expect(200)).body.status).toBe('undone');
  });
});
