import type { ImportUndoResult } from '@impact/contracts';
import { demoSpec } from '../../test/demo-spec';
import { csvOf, edited, importClient, xlsxOf } from '../../test/import-files';
import { ImportsService } from './imports.service';

const t = demoSpec('admin', 'esa', 'balkans', 'nansana');
const { as, count } = t;
const { imported, exportOf } = importClient(t);

/** Rows of the tables these imports write, their versions and the audit trail: what "nothing written" compares. */
const written = async () => ({
  engagements: await count(`SELECT count(*)::int AS n FROM engagements`),
  commitments: await count(`SELECT count(*)::int AS n FROM commitments`),
  links: await count(`SELECT (SELECT count(*) FROM engagement_cities) + (SELECT count(*) FROM commitment_engagements)::int AS n`),
  audit: await count(`SELECT count(*)::int AS n FROM audit_log`),
  versions: await count(
    `SELECT ((SELECT coalesce(sum(version), 0) FROM engagements) + (SELECT coalesce(sum(version), 0) FROM commitments))::int AS n`,
  ),
});

describe('record imports: round trip', () => {
  it.each([
    ['engagements', 'admin'],
    ['commitments', 'admin'],
    ['engagements', 'esa'],
    ['commitments', 'esa'],
  ] as const)('imports an export of %s (as %s) back as unchanged, in CSV and .xlsx, writing nothing', async (entity, who) => {
    const exported = await exportOf(who, entity);
    const rows = exported.rows.length;
    expect(rows).toBeGreaterThan(5);
    const before = await written();
    const csv = await imported(who, entity, false, exported.text, `${entity}.csv`);
    expect(csv).toMatchObject({ status: 'done', message: null, total: rows, unchanged: rows, created: 0, updated: 0, errors: [] });
    const xlsx = await imported(who, entity, false, await xlsxOf(exported.text), `${entity}.xlsx`);
    expect(xlsx).toMatchObject({ status: 'done', message: null, total: rows, unchanged: rows, created: 0, updated: 0, errors: [] });
    expect(await written()).toEqual(before);
  });
});

const auditOf = (note: string) =>
  t.dataSource.query(`SELECT entity, entity_id, action FROM audit_log WHERE note = $1 ORDER BY action, entity_id`, [note]) as Promise<
    { entity: string; entity_id: string; action: string }[]
  >;

describe('record imports: create, update, undo', () => {
  it.each([
    ['engagements', 'summary', 'Imported summary'],
    ['commitments', 'progress', '42'],
  ] as const)(
    'creates and updates %s through the services, audited with the import; undo archives and restores',
    async (entity, column, value) => {
      const ex = await exportOf('esa', entity, `?hubId=${t.hub('esa')}`);
      const [first, second] = ex.rows;
      const title = `Imported ${entity} ${Date.now()}`;
      const created = edited(ex.header, first, { id: '', version: '', title, ...(entity === 'commitments' ? { status: '' } : {}) });
      const updated = edited(ex.header, second, { [column]: value });
      const run = await imported('esa', entity, false, csvOf([ex.header, created, updated]));
      expect(run).toMatchObject({ status: 'done', created: 1, updated: 1, unchanged: 0, errors: [] });

      const found = (
        await t.http
          .get(`/api/${entity}?q=${encodeURIComponent(title)}`)
          .set(as('esa'))
          .expect(200)
      ).body.items;
      expect(found).toHaveLength(1);
      const id = ex.cell(second, 'id');
      const after = (await t.http.get(`/api/${entity}/${id}`).set(as('esa')).expect(200)).body;
      expect(String(after[column])).toBe(value);
      expect(after.version).toBe(Number(ex.cell(second, 'version')) + 1);
      const noun = entity.slice(0, -1);
      expect(await auditOf(`import ${run.id}`)).toEqual([
        { entity: noun, entity_id: found[0].id, action: 'create' },
        { entity: noun, entity_id: id, action: 'update' },
      ]);

      const undo = (await t.http.post(`/api/imports/${run.id}/undo`).set(as('esa')).expect(200)).body as ImportUndoResult;
      expect(undo).toMatchObject({ archived: 1, restored: 1, skipped: [] });
      await t.http.get(`/api/${entity}/${found[0].id}`).set(as('esa')).expect(404);
      const restored = (await t.http.get(`/api/${entity}/${id}`).set(as('esa')).expect(200)).body;
      expect(String(restored[column])).toBe(ex.cell(second, column));
      expect((await auditOf(`undo of import ${run.id}`)).map((a) => a.action)).toEqual(['archive', 'update']);
    },
  );

  it('reports a record changed since the export on its row and writes nothing', async () => {
    const ex = await exportOf('esa', 'engagements', `?hubId=${t.hub('esa')}`);
    const id = ex.cell(ex.rows[0], 'id');
    const live = (await t.http.get(`/api/engagements/${id}`).set(as('esa')).expect(200)).body;
    await t.http
      .patch(`/api/engagements/${id}`)
      .set(as('esa'))
      .send({ version: live.version, summary: 'Changed after the export' })
      .expect(200);
    const before = await written();
    const run = await imported('esa', 'engagements', false, ex.text);
    expect(run.status).toBe('failed');
    expect(run.errors).toEqual([{ row: 2, column: 'id', message: 'the engagement was changed since the file was exported' }]);
    expect(run.unchanged).toBe(ex.rows.length - 1);
    expect(await written()).toEqual(before);
    expect((await t.http.get(`/api/engagements/${id}`).set(as('esa')).expect(200)).body.summary).toBe('Changed after the export');
  });

  it('names the column of an unknown reference or a status a file tries to move, and previews without writing', async () => {
    const before = await written();
    const e = await exportOf('esa', 'engagements', `?hubId=${t.hub('esa')}`);
    const eng = await imported(
      'esa',
      'engagements',
      true,
      csvOf([
        e.header,
        edited(e.header, e.rows[0], { id: '', version: '', hub: 'Nowhere hub', partners: 'No such partner' }),
        edited(e.header, e.rows[1], { participatingCities: 'Atlantis' }),
      ]),
    );
    expect(eng).toMatchObject({ status: 'done', dryRun: true, created: 0, updated: 0 });
    expect(eng.errors).toEqual([
      { row: 2, column: 'hub', message: 'no hub "Nowhere hub"' },
      { row: 2, column: 'partners', message: 'no partner "No such partner"' },
      { row: 3, column: 'participatingCities', message: 'no city "Atlantis"' },
    ]);
    const c = await exportOf('esa', 'commitments', '?status=pledged');
    const pledged = c.rows.find((r) => c.cell(r, 'status') === 'pledged') as string[];
    const com = await imported(
      'esa',
      'commitments',
      true,
      csvOf([
        c.header,
        edited(c.header, pledged, { status: 'achieved' }),
        edited(c.header, pledged, { id: '', owner: 'nobody@nowhere.test' }),
      ]),
    );
    expect(com.errors).toEqual([
      { row: 2, column: 'status', message: 'moves only by a status change (it is pledged)' },
      { row: 3, column: 'owner', message: 'no user "nobody@nowhere.test"' },
    ]);
    expect(await written()).toEqual(before);
  });
});

describe('record imports: engagements named by title, looked up as the rows name them', () => {
  it("finds a commitment's engagements by title whatever their accents and case, and reports two that share a name", async () => {
    const stamp = Date.now();
    const post = async (title: string) =>
      (
        await t.http
          .post('/api/engagements')
          .set(as('esa'))
          .send({ title, type: 'regional_workshop', hubId: t.hub('esa'), startDate: '2025-03-10' })
          .expect(201)
      ).body as { id: string };
    const only = await post(`Rabat à l'écoute ${stamp}`);
    await post(`Café dialogue ${stamp}`);
    await post(`CAFE  Dialogue ${stamp}`);
    // A new commitment from one of the hub's (as the create spec above makes one: blank status, it starts pledged).
    const c = await exportOf('esa', 'commitments', `?hubId=${t.hub('esa')}`);
    const pledged = edited(c.header, c.rows[0], { status: '' });
    const preview = await imported(
      'esa',
      'commitments',
      true,
      csvOf([
        c.header,
        edited(c.header, pledged, { id: '', version: '', inspiredBy: `RABAT A L'ECOUTE ${stamp}` }),
        edited(c.header, pledged, { id: '', version: '', inspiredBy: `cafe dialogue ${stamp}` }),
      ]),
    );
    expect(preview.errors).toEqual([
      { row: 3, column: 'inspiredBy', message: `"cafe dialogue ${stamp}" is ambiguous: 2 engagement names match` },
    ]);
    expect(preview).toMatchObject({ status: 'done', dryRun: true, created: 1 });
    const run = await imported(
      'esa',
      'commitments',
      false,
      csvOf([
        c.header,
        edited(c.header, pledged, { id: '', version: '', title: `By title ${stamp}`, inspiredBy: `rabat a l'ecoute ${stamp}` }),
      ]),
    );
    expect(run).toMatchObject({ status: 'done', created: 1, errors: [] });
    const found = (
      await t.http
        .get(`/api/commitments?q=${encodeURIComponent(`By title ${stamp}`)}`)
        .set(as('esa'))
        .expect(200)
    ).body;
    expect(found.items.map((x: { inspiredByEngagementIds: string[] }) => x.inspiredByEngagementIds)).toEqual([[only.id]]);
  });
});

describe('record imports: scope', () => {
  it.each([
    ['engagements', 'hub'],
    ['commitments', 'city'],
  ] as const)("another hub's manager imports no %s into this hub: row errors, nothing written", async (entity, column) => {
    const ex = await exportOf('esa', entity, `?hubId=${t.hub('esa')}`);
    const before = await written();
    const file = csvOf([
      ex.header,
      edited(ex.header, ex.rows[0], { id: '', version: '', ...(entity === 'commitments' ? { status: '' } : {}) }),
      edited(ex.header, ex.rows[1], { title: 'Taken over' }),
    ]);
    const run = await imported('balkans', entity, false, file);
    expect(run.status).toBe('failed');
    expect(run.errors).toEqual([
      { row: 2, column, message: expect.stringMatching(/^you may not add/) },
      { row: 3, column: 'id', message: `you may not change this ${entity.slice(0, -1)}` },
    ]);
    expect(await written()).toEqual(before);
  });

  it("a liaison imports only what a liaison may write: progress and owner of its own cities' commitments", async () => {
    await t.http
      .post('/api/imports?entity=engagements&dryRun=true')
      .set(as('nansana'))
      .attach('file', Buffer.from('title\nx\n'), 'e.csv')
      .expect(403);
    const ex = await exportOf('nansana', 'commitments');
    expect(ex.rows.length).toBeGreaterThan(1);
    const before = await written();
    const refused = await imported(
      'nansana',
      'commitments',
      false,
      csvOf([
        ex.header,
        edited(ex.header, ex.rows[0], { id: '', version: '', status: '' }),
        edited(ex.header, ex.rows[1], { title: 'Renamed by a liaison' }),
      ]),
    );
    expect(refused.status).toBe('failed');
    expect(refused.errors).toEqual([
      { row: 2, column: 'city', message: 'you may not add commitments to this city' },
      { row: 3, column: 'title', message: 'a city liaison may change only progress and owner' },
    ]);
    expect(await written()).toEqual(before);

    const progress = String((Number(ex.cell(ex.rows[1], 'progress')) + 5) % 100);
    const run = await imported('nansana', 'commitments', false, csvOf([ex.header, edited(ex.header, ex.rows[1], { progress })]));
    expect(run).toMatchObject({ status: 'done', updated: 1, unchanged: 0, errors: [] });
    const after = (
      await t.http
        .get(`/api/commitments/${ex.cell(ex.rows[1], 'id')}`)
        .set(as('nansana'))
        .expect(200)
    ).body;
    expect(String(after.progress)).toBe(progress);
  });
});

/**
 * What an import created, as stored: each record's columns (ids and timestamps aside), its links, its
 * status rows and its audit rows, keyed by title with the file's own prefix removed, so two imports of
 * the same rows compare equal whichever path wrote them.
 */
async function createdBy(entity: 'engagements' | 'commitments', importId: string, prefix: string) {
  const links =
    entity === 'engagements'
      ? `(SELECT array_agg(city_id::text ORDER BY city_id) FROM engagement_cities WHERE engagement_id = r.id) AS cities,
         (SELECT array_agg(partner_id::text ORDER BY partner_id) FROM engagement_partners WHERE engagement_id = r.id) AS partners,
         NULL AS statuses`
      : `(SELECT array_agg(engagement_id::text ORDER BY engagement_id) FROM commitment_engagements WHERE commitment_id = r.id) AS cities,
         (SELECT array_agg(partner_id::text ORDER BY partner_id) FROM commitment_partners WHERE commitment_id = r.id) AS partners,
         (SELECT json_agg(json_build_object('from', from_status, 'to', to_status, 'actor', actor_id, 'note', note))
            FROM commitment_status_changes WHERE commitment_id = r.id) AS statuses`;
  const rows = (await t.dataSource.query(
    `SELECT to_jsonb(r) AS record, ${links},
            (SELECT json_agg(json_build_object('actor', a.actor_id, 'entity', a.entity, 'action', a.action, 'changes', a.changes, 'note', a.note))
               FROM audit_log a WHERE a.entity_id = r.id) AS audit
       FROM ${entity} r WHERE r.id IN (SELECT entity_id FROM audit_log WHERE note = $1)`,
    [`import ${importId}`],
  )) as {
    record: Record<string, unknown>;
    cities: string[] | null;
    partners: string[] | null;
    statuses: unknown[] | null;
    audit: { changes: Record<string, { new: unknown }>; note: string }[];
  }[];
  const key = (text: unknown) => String(text).replace(prefix, '');
  return rows
    .map((r) => {
      const { id, created_at, updated_at, title, ...record } = r.record;
      return {
        ...r,
        record: { ...record, title: key(title) },
        audit: r.audit.map((a) => ({
          ...a,
          note: a.note === `import ${importId}` ? 'the import' : a.note,
          changes: {
            ...a.changes,
            id: { ...a.changes['id'], new: a.changes['id'].new === id ? 'its id' : 'another id' },
            title: { ...a.changes['title'], new: key(a.changes['title'].new) },
          },
        })),
        stamped: [created_at, updated_at].every(Boolean),
      };
    })
    .sort((a, b) => String(a.record['title']).localeCompare(String(b.record['title'])));
}

describe('record imports: batched writes', () => {
  const service = () => t.app.get(ImportsService);
  afterEach(() => {
    service().batchRows = 500;
  });

  /**
   * Twelve new records from the export of ESA's hub, titled `prefix` and a number; references by id
   * (the export names them, and a name two records share is a row error in a file of new records).
   */
  async function newRows(entity: 'engagements' | 'commitments', ...prefixes: string[]) {
    const ex = await exportOf('esa', entity, `?hubId=${t.hub('esa')}`);
    expect(ex.rows.length).toBeGreaterThanOrEqual(6);
    const byId = async (r: string[]): Promise<Record<string, string>> => {
      const live = (
        await t.http
          .get(`/api/${entity}/${ex.cell(r, 'id')}`)
          .set(as('esa'))
          .expect(200)
      ).body;
      return entity === 'engagements'
        ? {
            location: live.locationCityId ?? '',
            host: live.hostCityId ?? '',
            participatingCities: live.participatingCityIds.join('; '),
            partners: live.partnerIds.join('; '),
          }
        : { city: live.cityId, status: '', inspiredBy: live.inspiredByEngagementIds.join('; '), partners: live.partnerIds.join('; ') };
    };
    // One at a time: supertest opens and closes a listener per request, and parallel ones race it (ECONNRESET).
    const refs: Record<string, string>[] = [];
    for (const r of ex.rows.slice(0, 6)) refs.push(await byId(r));
    const rows = (prefix: string) =>
      Array.from({ length: 12 }, (_, i) =>
        edited(ex.header, ex.rows[i % 6], { id: '', version: '', title: `${prefix} ${String(i).padStart(2, '0')}`, ...refs[i % 6] }),
      );
    return { header: ex.header, files: prefixes.map(rows) };
  }

  it.each(['engagements', 'commitments'] as const)(
    'writes %s in batches exactly as row by row: same records, links, status rows and audit rows',
    async (entity) => {
      const [pa, pb] = [`Batched ${entity} ${Date.now()}`, `Row by row ${entity} ${Date.now()}`];
      // The same rows twice (the export read once: the first import adds to it), under two titles.
      const { header, files } = await newRows(entity, pa, pb);
      // Batches of 5 over 12 rows: two whole batches and a part one.
      service().batchRows = 5;
      const batched = await imported('esa', entity, false, csvOf([header, ...files[0]]));
      expect(batched).toMatchObject({ status: 'done', created: 12, errors: [] });
      service().batchRows = 0;
      const rowByRow = await imported('esa', entity, false, csvOf([header, ...files[1]]));
      expect(rowByRow).toMatchObject({ status: 'done', created: 12, errors: [] });

      const x = await createdBy(entity, batched.id, pa);
      const y = await createdBy(entity, rowByRow.id, pb);
      expect(x).toHaveLength(12);
      expect(x.every((r) => r.stamped && r.audit.length === 1)).toBe(true);
      expect(x).toEqual(y);

      // Undo archives what a batched import created, each with its audit row.
      const undo = (await t.http.post(`/api/imports/${batched.id}/undo`).set(as('esa')).expect(200)).body as ImportUndoResult;
      expect(undo).toMatchObject({ archived: 12, restored: 0, skipped: [] });
    },
  );

  it('a row error after batches were written writes nothing of the file', async () => {
    service().batchRows = 5;
    for (const entity of ['engagements', 'commitments'] as const) {
      const {
        header,
        files: [rows],
      } = await newRows(entity, `Failing ${entity} ${Date.now()}`);
      const bad: Record<string, string> = entity === 'engagements' ? { hub: 'Nowhere hub' } : { city: 'Atlantis' };
      rows[10] = edited(header, rows[10], bad);
      const before = await written();
      const run = await imported('esa', entity, false, csvOf([header, ...rows]));
      expect(run).toMatchObject({ status: 'failed', created: 11, message: 'Some rows have errors: nothing was written.' });
      expect(run.errors).toEqual([{ row: 12, column: Object.keys(bad)[0], message: expect.stringMatching(/^no (hub|city)/) }]);
      expect(await written()).toEqual(before);
    }
  });
});
