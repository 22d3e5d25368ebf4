import type { ImportUndoResult } from '@impact/contracts';
import { demoSpec, type DemoUser } from '../../test/demo-spec';
import { csvOf, edited, importClient, rowsOf, xlsxOf } from '../../test/import-files';

const t = demoSpec('admin', 'esa', 'balkans', 'nansana');
const { as, count } = t;
const { imported, exportOf } = importClient(t);

/** Rows of the tables these imports write, their versions and the audit trail: what "nothing written" compares. */
const written = async () => ({
  followUps: await count(`SELECT count(*)::int AS n FROM follow_ups`),
  outcomes: await count(`SELECT count(*)::int AS n FROM outcomes`),
  audit: await count(`SELECT count(*)::int AS n FROM audit_log`),
  versions: await count(
    `SELECT ((SELECT coalesce(sum(version), 0) FROM follow_ups) + (SELECT coalesce(sum(version), 0) FROM outcomes))::int AS n`,
  ),
});

const auditOf = (note: string) =>
  t.dataSource.query(`SELECT entity, entity_id, action FROM audit_log WHERE note = $1 ORDER BY action, entity_id`, [note]) as Promise<
    { entity: string; entity_id: string; action: string }[]
  >;

const get = async (who: DemoUser, path: string) => (await t.http.get(path).set(as(who)).expect(200)).body;

describe('follow-up and outcome imports: round trip', () => {
  it.each([
    ['follow-ups', 'admin'],
    ['outcomes', 'admin'],
    ['follow-ups', 'esa'],
    ['outcomes', 'esa'],
    ['follow-ups', 'nansana'],
    ['outcomes', 'nansana'],
  ] as const)('imports an export of %s (as %s) back as unchanged, in CSV and .xlsx, writing nothing', async (entity, who) => {
    const exported = await exportOf(who, entity);
    const rows = exported.rows.length;
    expect(rows).toBeGreaterThan(0);
    expect(exported.header[exported.header.length - 1]).toBe('version');
    const before = await written();
    const csv = await imported(who, entity, false, exported.text, `${entity}.csv`);
    expect(csv).toMatchObject({ status: 'done', message: null, total: rows, unchanged: rows, created: 0, updated: 0, errors: [] });
    const xlsx = await imported(who, entity, false, await xlsxOf(exported.text), `${entity}.xlsx`);
    expect(xlsx).toMatchObject({ status: 'done', message: null, total: rows, unchanged: rows, created: 0, updated: 0, errors: [] });
    expect(await written()).toEqual(before);
  });

  it.each(['follow-ups', 'outcomes'])('gives a template of %s: the export header and one example row', async (entity) => {
    const template = (await t.http.get(`/api/imports/templates/${entity}.csv`).set(as('esa')).expect(200)).text;
    const [header, example, ...rest] = rowsOf(template);
    expect(header).toEqual((await exportOf('esa', entity)).header);
    expect(example).toHaveLength(header.length);
    expect(rest).toEqual([]);
  });
});

describe('follow-up and outcome imports: create, update, undo', () => {
  it('creates and updates follow-ups (commitment by title within its city), audited with the import; undo archives and restores', async () => {
    const ex = await exportOf('esa', 'follow-ups', `?hubId=${t.hub('esa')}`);
    const withCommitment = ex.rows.filter((r) => ex.cell(r, 'commitment'));
    expect(withCommitment.length).toBeGreaterThan(1);
    const [first, second] = withCommitment;
    const title = `Imported follow-up ${Date.now()}`;
    const created = edited(ex.header, first, { id: '', version: '', title, status: '', engagement: '', owner: 'esa.manager@impact.test' });
    const updated = edited(ex.header, second, { note: 'Imported note', status: 'done' });
    const preview = await imported('esa', 'follow-ups', true, csvOf([ex.header, created, updated]));
    expect(preview).toMatchObject({ status: 'done', dryRun: true, created: 1, updated: 1, errors: [] });
    const before = await written();
    const run = await imported('esa', 'follow-ups', false, csvOf([ex.header, created, updated]));
    expect(run).toMatchObject({ status: 'done', created: 1, updated: 1, unchanged: 0, errors: [] });
    expect((await written()).followUps).toBe(before.followUps + 1);

    const found = (await get('esa', `/api/follow-ups?q=${encodeURIComponent(title)}`)).items;
    expect(found).toHaveLength(1);
    const source = await get('esa', `/api/follow-ups/${ex.cell(first, 'id')}`);
    expect(found[0]).toMatchObject({
      commitmentId: source.commitmentId,
      engagementId: null,
      status: 'open',
      ownerName: expect.any(String),
    });
    const id = ex.cell(second, 'id');
    const after = await get('esa', `/api/follow-ups/${id}`);
    expect(after).toMatchObject({ note: 'Imported note', status: 'done', completedAt: expect.any(String) });
    expect(after.version).toBe(Number(ex.cell(second, 'version')) + 1);
    expect(await auditOf(`import ${run.id}`)).toEqual([
      { entity: 'followUp', entity_id: found[0].id, action: 'create' },
      { entity: 'followUp', entity_id: id, action: 'update' },
    ]);

    const undo = (await t.http.post(`/api/imports/${run.id}/undo`).set(as('esa')).expect(200)).body as ImportUndoResult;
    expect(undo).toMatchObject({ archived: 1, restored: 1, skipped: [] });
    await t.http.get(`/api/follow-ups/${found[0].id}`).set(as('esa')).expect(404);
    const restored = await get('esa', `/api/follow-ups/${id}`);
    expect(restored.note ?? '').toBe(ex.cell(second, 'note'));
    expect(restored.status).toBe(ex.cell(second, 'status'));
    expect((await auditOf(`undo of import ${run.id}`)).map((a) => a.action)).toEqual(['archive', 'update']);
  });

  it('creates and updates outcomes (city by name, commitment by title in that city), verified only as the importer; undo restores', async () => {
    const ex = await exportOf('esa', 'outcomes', `?hubId=${t.hub('esa')}`);
    const [first, second] = ex.rows.filter((r) => ex.cell(r, 'commitment'));
    expect(second).toBeDefined();
    const description = `Imported outcome ${Date.now()}`;
    const [{ name: me }] = (await t.dataSource.query(`SELECT name FROM users WHERE email = 'esa.manager@impact.test'`)) as {
      name: string;
    }[];
    const created = edited(ex.header, first, { id: '', version: '', description, verifiedBy: me, verifiedAt: '' });
    const updated = edited(ex.header, second, { evidenceUrl: 'https://example.org/imported-evidence' });
    const run = await imported('esa', 'outcomes', false, csvOf([ex.header, created, updated]));
    expect(run).toMatchObject({ status: 'done', created: 1, updated: 1, unchanged: 0, errors: [] });

    const found = (await get('esa', `/api/outcomes?q=${encodeURIComponent(description)}`)).items;
    expect(found).toHaveLength(1);
    const source = await get('esa', `/api/outcomes/${ex.cell(first, 'id')}`);
    expect(found[0]).toMatchObject({ cityId: source.cityId, commitmentId: source.commitmentId, verifiedByName: me });
    const id = ex.cell(second, 'id');
    const after = await get('esa', `/api/outcomes/${id}`);
    expect(after.evidenceUrl).toBe('https://example.org/imported-evidence');
    // Evidence is not the figure: the verification stays.
    expect(after.verifiedByName ?? '').toBe(ex.cell(second, 'verifiedBy'));
    expect(await auditOf(`import ${run.id}`)).toEqual([
      { entity: 'outcome', entity_id: found[0].id, action: 'create' },
      { entity: 'outcome', entity_id: id, action: 'update' },
    ]);

    const undo = (await t.http.post(`/api/imports/${run.id}/undo`).set(as('esa')).expect(200)).body as ImportUndoResult;
    expect(undo).toMatchObject({ archived: 1, restored: 1, skipped: [] });
    await t.http.get(`/api/outcomes/${found[0].id}`).set(as('esa')).expect(404);
    expect((await get('esa', `/api/outcomes/${id}`)).evidenceUrl ?? '').toBe(ex.cell(second, 'evidenceUrl'));
  });

  it("undo puts back a verification the import cleared in its verifier's name and time, audited as the undo by its user", async () => {
    const ex = await exportOf('esa', 'outcomes', `?hubId=${t.hub('esa')}`);
    // Not the first row (the next test edits it) and not verified yet (so it can be left as it was found).
    const row = ex.rows.find((r, i) => i > 0 && ex.cell(r, 'value') !== '' && ex.cell(r, 'verifiedBy') === '') as string[];
    const id = ex.cell(row, 'id');
    // The admin verifies it: the hub manager's import then changes its figure, which clears the verification.
    const live = await get('admin', `/api/outcomes/${id}`);
    const verified = (
      await t.http.patch(`/api/outcomes/${id}`).set(as('admin')).send({ verified: true, version: live.version }).expect(200)
    ).body as { verifiedById: string; verifiedByName: string; verifiedAt: string; version: number };
    const fresh = await exportOf('esa', 'outcomes', `?hubId=${t.hub('esa')}`);
    const mine = fresh.rows.find((r) => fresh.cell(r, 'id') === id) as string[];
    const run = await imported(
      'esa',
      'outcomes',
      false,
      csvOf([fresh.header, edited(fresh.header, mine, { value: String(Number(fresh.cell(mine, 'value')) + 7) })]),
    );
    expect(run).toMatchObject({ status: 'done', updated: 1, errors: [] });
    expect(await get('esa', `/api/outcomes/${id}`)).toMatchObject({ verifiedById: null, verifiedAt: null });

    const undo = (await t.http.post(`/api/imports/${run.id}/undo`).set(as('esa')).expect(200)).body as ImportUndoResult;
    expect(undo).toMatchObject({ archived: 0, restored: 1, skipped: [] });
    expect(await get('esa', `/api/outcomes/${id}`)).toMatchObject({
      value: live.value,
      verifiedById: verified.verifiedById,
      verifiedByName: verified.verifiedByName,
      verifiedAt: verified.verifiedAt,
    });
    const [esaId] = (await t.dataSource.query(`SELECT id FROM users WHERE email = 'esa.manager@impact.test'`)) as { id: string }[];
    expect(
      await t.dataSource.query(`SELECT actor_id AS "actorId", action FROM audit_log WHERE note = $1`, [`undo of import ${run.id}`]),
    ).toEqual([{ actorId: esaId.id, action: 'update' }]);
    const now = await get('admin', `/api/outcomes/${id}`);
    await t.http.patch(`/api/outcomes/${id}`).set(as('admin')).send({ verified: false, version: now.version }).expect(200);
  });

  it.each([
    ['follow-ups', 'note', 'follow-up'],
    ['outcomes', 'description', 'outcome'],
  ] as const)('reports %s changed since the export on its row and writes nothing', async (entity, field, noun) => {
    const ex = await exportOf('esa', entity, `?hubId=${t.hub('esa')}`);
    const id = ex.cell(ex.rows[0], 'id');
    const live = await get('esa', `/api/${entity}/${id}`);
    await t.http
      .patch(`/api/${entity}/${id}`)
      .set(as('esa'))
      .send({ version: live.version, [field]: 'Changed after the export' })
      .expect(200);
    const before = await written();
    const run = await imported('esa', entity, false, ex.text);
    expect(run.status).toBe('failed');
    expect(run.errors).toEqual([{ row: 2, column: 'id', message: `the ${noun} was changed since the file was exported` }]);
    expect(run.unchanged).toBe(ex.rows.length - 1);
    expect(await written()).toEqual(before);
    expect((await get('esa', `/api/${entity}/${id}`))[field]).toBe('Changed after the export');
  });
});

describe('follow-up and outcome imports: references', () => {
  it('names the column of an unknown or ambiguous reference, and previews without writing', async () => {
    // Two commitments of one title in two cities of the hub: the title alone is ambiguous, the city decides.
    const twin = `Twin commitment ${Date.now()}`;
    for (const city of ['Masaka', 'Cape Town'])
      await t.http
        .post('/api/commitments')
        .set(as('esa'))
        .send({ title: twin, kind: 'local_safety_council', cityId: t.city(city) })
        .expect(201);
    const ex = await exportOf('esa', 'follow-ups', `?hubId=${t.hub('esa')}`);
    const base = edited(ex.header, ex.rows[0], { id: '', version: '', status: '', engagement: '', title: 'Referenced' });
    const before = await written();
    const fu = await imported(
      'esa',
      'follow-ups',
      true,
      csvOf([
        ex.header,
        edited(ex.header, base, { commitment: 'No such commitment', owner: 'nobody@nowhere.test' }),
        edited(ex.header, base, { commitment: twin, city: '' }),
        edited(ex.header, base, { commitment: twin, city: 'Masaka' }),
        edited(ex.header, base, { commitment: '', engagement: 'No such engagement' }),
        edited(ex.header, base, { commitment: '', engagement: '' }),
      ]),
    );
    expect(fu).toMatchObject({ status: 'done', dryRun: true, created: 1 });
    expect(fu.errors).toEqual([
      { row: 2, column: 'commitment', message: 'no commitment "No such commitment"' },
      { row: 2, column: 'owner', message: 'no user "nobody@nowhere.test"' },
      { row: 3, column: 'commitment', message: `"${twin}" is ambiguous: 2 commitment names match` },
      { row: 5, column: 'engagement', message: 'no engagement "No such engagement"' },
      { row: 6, column: 'commitment', message: 'a follow-up belongs to a commitment or an engagement: name one' },
    ]);

    const o = await exportOf('esa', 'outcomes', `?hubId=${t.hub('esa')}`);
    const row = o.rows.find((r) => o.cell(r, 'commitment')) as string[];
    const otherCity = o.cell(row, 'city') === 'Masaka' ? 'Cape Town' : 'Masaka';
    const out = await imported(
      'esa',
      'outcomes',
      true,
      csvOf([
        o.header,
        edited(o.header, row, { id: '', version: '', verifiedBy: '', city: 'Atlantis' }),
        edited(o.header, row, { id: '', version: '', verifiedBy: '', commitment: twin, city: otherCity }),
        edited(o.header, row, { id: '', version: '', verifiedBy: '', commitment: o.cell(row, 'commitment'), city: otherCity }),
        edited(o.header, row, { id: '', version: '', verifiedBy: 'admin@impact.test' }),
      ]),
    );
    expect(out.errors).toEqual([
      { row: 2, column: 'city', message: 'no city "Atlantis"' },
      { row: 4, column: 'commitment', message: `no commitment "${o.cell(row, 'commitment')}"` },
      {
        row: 5,
        column: 'verifiedBy',
        message: 'an import records its own user as verifier: write your name, or leave the cell as exported',
      },
    ]);
    expect(out).toMatchObject({ dryRun: true, created: 1 });
    expect(await written()).toEqual(before);
  });
});

describe('follow-up and outcome imports: scope', () => {
  it("another hub's manager changes no follow-up or outcome of this hub: row errors, nothing written", async () => {
    const before = await written();
    for (const [entity, noun] of [
      ['follow-ups', 'follow-up'],
      ['outcomes', 'outcome'],
    ] as const) {
      const ex = await exportOf('esa', entity, `?hubId=${t.hub('esa')}`);
      const text = entity === 'follow-ups' ? 'note' : 'description';
      const run = await imported('balkans', entity, false, csvOf([ex.header, edited(ex.header, ex.rows[0], { [text]: 'Taken over' })]));
      expect(run.status).toBe('failed');
      expect(run.errors).toEqual([{ row: 2, column: 'id', message: `you may not change this ${noun}` }]);
    }
    expect(await written()).toEqual(before);
  });

  it('a liaison imports only into its own cities, and verifies nothing', async () => {
    const fu = await exportOf('esa', 'follow-ups', `?hubId=${t.hub('esa')}`);
    const outsideFollowUp = fu.rows.find((r) => fu.cell(r, 'commitment') && fu.cell(r, 'city') !== 'Nansana') as string[];
    const o = await exportOf('nansana', 'outcomes');
    const own = o.rows[0];
    const before = await written();
    const followUps = await imported(
      'nansana',
      'follow-ups',
      false,
      csvOf([fu.header, edited(fu.header, outsideFollowUp, { id: '', version: '', status: '', engagement: '', title: 'Not mine' })]),
    );
    expect(followUps.status).toBe('failed');
    // The liaison cannot read another city's commitments: to the liaison there is no such commitment.
    expect(followUps.errors).toEqual([
      { row: 2, column: 'commitment', message: `no commitment "${fu.cell(outsideFollowUp, 'commitment')}"` },
    ]);
    const outcomes = await imported(
      'nansana',
      'outcomes',
      false,
      csvOf([
        o.header,
        edited(o.header, own, { id: '', version: '', commitment: '', verifiedBy: '', city: 'Masaka' }),
        edited(o.header, own, { verifiedBy: o.cell(own, 'verifiedBy') ? '' : 'nansana.liaison@impact.test' }),
      ]),
    );
    expect(outcomes.status).toBe('failed');
    expect(outcomes.errors).toEqual([
      { row: 2, column: 'city', message: 'you may not add outcomes to this city' },
      { row: 3, column: 'verifiedBy', message: 'only a hub manager or an admin verifies an outcome' },
    ]);
    expect(await written()).toEqual(before);

    // Within its city, a liaison's outcome and follow-up land.
    const mine = await exportOf('nansana', 'follow-ups');
    const run = await imported(
      'nansana',
      'follow-ups',
      false,
      csvOf([mine.header, edited(mine.header, mine.rows[0], { id: '', version: '', status: '', title: 'A liaison’s own follow-up' })]),
    );
    expect(run).toMatchObject({ status: 'done', created: 1, errors: [] });
  });
});
