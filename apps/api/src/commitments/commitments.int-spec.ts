import { demoSpec, type DemoUser } from '../../test/demo-spec';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { updateVersioned } from '../common/records';
import { CommitmentEntity } from './commitment.entity';

const t = demoSpec('admin', 'esa', 'balkans', 'nansana', 'danilovgrad');
const { as, count } = t;
let nansana: string, danilovgrad: string, esa: string;
beforeAll(() => ([nansana, danilovgrad, esa] = [t.city('Nansana'), t.city('Danilovgrad'), t.hub('esa')]));

async function create(body: Record<string, unknown> = {}, who: DemoUser = 'esa') {
  const res = await t.http
    .post('/api/commitments')
    .set(as(who))
    .send({ title: 'Neighbourhood Watch pilot', kind: 'neighbourhood_watch', cityId: nansana, ...body });
  expect(res.status).toBe(201);
  return res.body;
}

describe('commitments', () => {
  it('creates a pledged commitment in its city’s hub, with names resolved, and audits it', async () => {
    const engagement = (await t.dataSource.query(`SELECT id, title FROM engagements ORDER BY start_date LIMIT 1`))[0];
    const partner = (await t.dataSource.query(`SELECT id, name FROM partners ORDER BY name LIMIT 1`))[0];
    const c = await create({ inspiredByEngagementIds: [engagement.id], partnerIds: [partner.id], targetDate: '2030-01-31', progress: 10 });
    expect(c).toMatchObject({
      status: 'pledged',
      hubId: esa,
      cityName: 'Nansana',
      progress: 10,
      version: 1,
      atRisk: false,
      inspiredBy: [{ id: engagement.id, name: engagement.title }],
      partners: [{ id: partner.id, name: partner.name }],
    });
    expect(
      await count(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'commitment' AND entity_id = $1 AND action = 'create'`, [c.id]),
    ).toBe(1);
  });

  it('refuses invalid input with every field named, and writes nothing', async () => {
    const before = await count(`SELECT count(*)::int AS n FROM commitments`);
    const res = await t.http
      .post('/api/commitments')
      .set(as('esa'))
      .send({ title: '', kind: 'wish', cityId: 'nope', targetDate: '2023-02-30', progress: 101, colour: 'red' })
      .expect(400);
    const fields = (res.body.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'kind', 'cityId', 'targetDate', 'progress', 'colour']));
    expect(await count(`SELECT count(*)::int AS n FROM commitments`)).toBe(before);
  });

  it('rolls the whole write back when a later part fails (unknown partner → 400, no row, no audit)', async () => {
    const before = await count(`SELECT count(*)::int AS n FROM commitments`);
    const audits = await count(`SELECT count(*)::int AS n FROM audit_log`);
    const res = await t.http
      .post('/api/commitments')
      .set(as('esa'))
      .send({ title: 'Rollback', kind: 'other', cityId: nansana, partnerIds: ['00000000-0000-4000-8000-000000000000'] })
      .expect(400);
    expect(res.body.details).toEqual([{ field: 'partnerIds', message: expect.any(String) }]);
    expect(await count(`SELECT count(*)::int AS n FROM commitments`)).toBe(before);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log`)).toBe(audits);
  });

  it('keeps scope: another hub’s manager gets 403, another city’s liaison 404', async () => {
    const c = await create();
    await t.http.get(`/api/commitments/${c.id}`).set(as('danilovgrad')).expect(404);
    await t.http.get(`/api/commitments/${c.id}`).set(as('nansana')).expect(200);
    await t.http.patch(`/api/commitments/${c.id}`).set(as('balkans')).send({ version: 1, progress: 5 }).expect(403);
    await t.http.post('/api/commitments').set(as('balkans')).send({ title: 'x', kind: 'other', cityId: nansana }).expect(403);
    // Exactly the live commitments of the liaison's city, and some: an empty list (or one with
    // another city's commitments) fails here.
    const own: { id: string }[] = await t.dataSource.query(`SELECT id FROM commitments WHERE city_id = $1 AND archived_at IS NULL`, [
      nansana,
    ]);
    expect(own.map((r) => r.id)).toContain(c.id);
    const list = await t.http.get('/api/commitments?pageSize=200').set(as('nansana')).expect(200);
    expect(list.body.total).toBe(own.length);
    expect(list.body.items.map((i: { id: string }) => i.id).sort()).toEqual(own.map((r) => r.id).sort());
    expect(list.body.items).toEqual(own.map(() => expect.objectContaining({ cityId: nansana })));
  });

  it('lets a liaison change progress and owner only', async () => {
    const c = await create();
    const ok = await t.http.patch(`/api/commitments/${c.id}`).set(as('nansana')).send({ version: 1, progress: 40 }).expect(200);
    expect(ok.body).toMatchObject({ progress: 40, version: 2 });
    const refused = await t.http.patch(`/api/commitments/${c.id}`).set(as('nansana')).send({ version: 2, title: 'Renamed' }).expect(403);
    expect(refused.body.message).toMatch(/title/);
  });

  it('answers a stale version with 409 and the current record, writing nothing', async () => {
    const c = await create();
    await t.http.patch(`/api/commitments/${c.id}`).set(as('esa')).send({ version: 1, title: 'First' }).expect(200);
    const res = await t.http.patch(`/api/commitments/${c.id}`).set(as('esa')).send({ version: 1, title: 'Second' }).expect(409);
    expect(res.body.details.current).toMatchObject({ id: c.id, title: 'First', version: 2 });
  });

  it('guards in the UPDATE itself: a stale version changes no row', async () => {
    const c = await create();
    const m = t.dataSource.manager;
    expect(await updateVersioned(m, CommitmentEntity, c.id, 1, { progress: 30 })).toBe(true);
    expect(await updateVersioned(m, CommitmentEntity, c.id, 1, { progress: 60 })).toBe(false);
    const [row] = await m.query(`SELECT progress, version FROM commitments WHERE id = $1`, [c.id]);
    expect(row).toEqual({ progress: 30, version: 2 });
  });

  it('lets exactly one of 200 simultaneous PATCHes of one version win', async () => {
    const c = await create();
    // One listening server for all 200 (supertest would otherwise open a listener per request).
    const server = t.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        request(base)
          .patch(`/api/commitments/${c.id}`)
          .set(as('esa'))
          .send({ version: 1, progress: i % 100 }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(199);
    const [row] = await t.dataSource.query(`SELECT version FROM commitments WHERE id = $1`, [c.id]);
    expect(row.version).toBe(2);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'update'`, [c.id])).toBe(1);
    console.log(`200 parallel PATCHes: ${Date.now() - started} ms`);
  }, 60_000);

  it('moves along the workflow only: 422 on an illegal step, and on achieving without an outcome', async () => {
    const c = await create();
    const illegal = await t.http
      .post(`/api/commitments/${c.id}/transitions`)
      .set(as('esa'))
      .send({ to: 'achieved', note: 'Done' })
      .expect(422);
    expect(illegal.body.details).toEqual({ from: 'pledged', to: 'achieved' });
    await t.http.post(`/api/commitments/${c.id}/transitions`).set(as('esa')).send({ to: 'in_progress' }).expect(400);
    await t.http
      .post(`/api/commitments/${c.id}/transitions`)
      .set(as('nansana'))
      .send({ to: 'in_progress', note: 'Pilot began in Gombe' })
      .expect(200);
    const noOutcome = await t.http
      .post(`/api/commitments/${c.id}/transitions`)
      .set(as('esa'))
      .send({ to: 'achieved', note: 'Done' })
      .expect(422);
    expect(noOutcome.body.message).toMatch(/outcome/);
    await t.http
      .post('/api/outcomes')
      .set(as('nansana'))
      .send({ cityId: nansana, commitmentId: c.id, date: '2024-05-01', type: 'people_trained', value: 150, unit: 'people' })
      .expect(201);
    const achieved = await t.http
      .post(`/api/commitments/${c.id}/transitions`)
      .set(as('esa'))
      .send({ to: 'achieved', note: 'Watch running citywide' })
      .expect(200);
    expect(achieved.body).toMatchObject({ status: 'achieved', progress: 100 });
    await t.http.post(`/api/commitments/${c.id}/transitions`).set(as('esa')).send({ to: 'stalled', note: 'x' }).expect(422);
    expect(await count(`SELECT count(*)::int AS n FROM commitment_status_changes WHERE commitment_id = $1`, [c.id])).toBe(3);

    const history = await t.http.get(`/api/commitments/${c.id}/history`).set(as('nansana')).expect(200);
    expect(history.body.map((h: { action: string }) => h.action)).toEqual(['create', 'transition', 'transition']);
    expect(history.body[1]).toMatchObject({ from: 'pledged', to: 'in_progress', note: 'Pilot began in Gombe', actorName: 'Grace Nakato' });
    expect(history.body[2]).toMatchObject({
      from: 'in_progress',
      to: 'achieved',
      note: 'Watch running citywide',
      actorName: 'Amani Otieno',
    });
  });

  it('reopens an achieved commitment (how "Achieved" is undone): in progress again with its old progress, with a note, audited', async () => {
    const c = await create({ progress: 40 });
    const step = (to: string, note: string, who: DemoUser = 'esa') =>
      t.http.post(`/api/commitments/${c.id}/transitions`).set(as(who)).send({ to, note });
    await step('in_progress', 'Started').expect(200);
    await t.http
      .post('/api/outcomes')
      .set(as('nansana'))
      .send({ cityId: nansana, commitmentId: c.id, date: '2024-05-01', type: 'people_trained', value: 20, unit: 'people' })
      .expect(201);
    expect((await step('achieved', 'All done').expect(200)).body).toMatchObject({ status: 'achieved', progress: 100 });

    // Nothing but in progress follows achieved, and the note is still required.
    await step('cancelled', 'x').expect(422);
    await t.http.post(`/api/commitments/${c.id}/transitions`).set(as('esa')).send({ to: 'in_progress' }).expect(400);
    // Out of scope as everywhere: another hub's manager may not reopen it.
    await step('in_progress', 'Not mine', 'balkans').expect(403);

    const reopened = await step('in_progress', 'Undo: marked achieved by mistake', 'nansana').expect(200);
    expect(reopened.body).toMatchObject({ status: 'in_progress', progress: 40 });
    const history = await t.http.get(`/api/commitments/${c.id}/history`).set(as('esa')).expect(200);
    expect(history.body.at(-1)).toMatchObject({
      action: 'transition',
      from: 'achieved',
      to: 'in_progress',
      note: 'Undo: marked achieved by mistake',
      actorName: 'Grace Nakato',
    });
    expect(
      await count(`SELECT count(*)::int AS n FROM commitment_status_changes WHERE commitment_id = $1 AND from_status = 'achieved'`, [c.id]),
    ).toBe(1);

    // Achieved again (it keeps its outcome), and reopened again: the progress before the latest achievement comes back.
    await t.http.patch(`/api/commitments/${c.id}`).set(as('esa')).send({ version: reopened.body.version, progress: 70 }).expect(200);
    await step('achieved', 'Done now').expect(200);
    expect((await step('in_progress', 'Undo again').expect(200)).body).toMatchObject({ status: 'in_progress', progress: 70 });
  });

  it('filters, sorts and pages with a true total, and finds an Arabic title', async () => {
    const arabic = await create({ title: 'مجلس الشباب في المدينة', kind: 'youth_council', targetDate: '2020-01-01' });
    const found = await t.http
      .get(`/api/commitments?q=${encodeURIComponent('الشباب')}`)
      .set(as('esa'))
      .expect(200);
    expect(found.body.items.map((i: { id: string }) => i.id)).toContain(arabic.id);
    const atRisk = await t.http.get(`/api/commitments?atRisk=true&cityId=${nansana}&pageSize=200`).set(as('esa')).expect(200);
    expect(atRisk.body.items.map((i: { id: string }) => i.id)).toContain(arabic.id);
    expect(atRisk.body.items.every((i: { atRisk: boolean }) => i.atRisk)).toBe(true);
    const expected = await count(`SELECT count(*)::int AS n FROM commitments WHERE hub_id = $1 AND archived_at IS NULL`, [esa]);
    const page = await t.http.get(`/api/commitments?hubId=${esa}&pageSize=2&page=2&sort=title:asc`).set(as('esa')).expect(200);
    expect(page.body).toMatchObject({ total: expected, page: 2, pageSize: 2 });
    expect(page.body.items.length).toBeLessThanOrEqual(2);
    const far = await t.http.get(`/api/commitments?hubId=${esa}&page=999`).set(as('esa')).expect(200);
    expect(far.body).toMatchObject({ items: [], total: expected });
    await t.http.get('/api/commitments?sort=secret:asc').set(as('esa')).expect(400);
    await t.http.get('/api/commitments?pageSize=201').set(as('esa')).expect(400);
    await t.http.get(`/api/commitments?cityId=${danilovgrad}`).set(as('nansana')).expect(200);
  });

  it('opens on what needs attention: open ones by target date, achieved and cancelled last, pages without overlap', async () => {
    const all = await t.http.get(`/api/commitments?hubId=${esa}&pageSize=200`).set(as('esa')).expect(200);
    const statuses: string[] = all.body.items.map((i: { status: string }) => i.status);
    const closed = (s: string) => s === 'achieved' || s === 'cancelled';
    const firstClosed = statuses.findIndex(closed);
    expect(firstClosed).toBeGreaterThan(0);
    expect(statuses.slice(firstClosed).every(closed)).toBe(true);
    const open = all.body.items.slice(0, firstClosed).map((i: { targetDate: string | null }) => i.targetDate ?? '9999');
    expect(open).toEqual([...open].sort());
    // Paging walks the same order: pages of 3 put together are the whole list, each row once.
    const pages: string[] = [];
    for (let page = 1; page <= Math.ceil(all.body.total / 3); page++) {
      const res = await t.http.get(`/api/commitments?hubId=${esa}&pageSize=3&page=${page}`).set(as('esa')).expect(200);
      pages.push(...res.body.items.map((i: { id: string }) => i.id));
    }
    expect(pages).toEqual(all.body.items.map((i: { id: string }) => i.id));
  });

  it('one owner’s commitments (what My work asks for) come in the same order: open work first, however early the achieved one was due', async () => {
    const [{ id: owner }] = await t.dataSource.query(`SELECT id FROM users WHERE email = 'nansana.liaison@impact.test'`);
    const done = await create({ title: 'Owned, achieved, due long ago', ownerId: owner, targetDate: '2025-01-31' });
    await t.http.post(`/api/commitments/${done.id}/transitions`).set(as('esa')).send({ to: 'in_progress', note: 'Started' }).expect(200);
    await t.http
      .post('/api/outcomes')
      .set(as('nansana'))
      .send({ cityId: nansana, commitmentId: done.id, date: '2025-01-10', type: 'people_trained', value: 20, unit: 'people' })
      .expect(201);
    await t.http.post(`/api/commitments/${done.id}/transitions`).set(as('esa')).send({ to: 'achieved', note: 'Done' }).expect(200);
    const open = await create({ title: 'Owned, pledged, due later', ownerId: owner, targetDate: '2032-12-31' });

    const mine = await t.http.get(`/api/commitments?ownerId=${owner}&pageSize=100`).set(as('nansana')).expect(200);
    const ids: string[] = mine.body.items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([done.id, open.id]));
    expect(ids.indexOf(open.id)).toBeLessThan(ids.indexOf(done.id));
    const statuses: string[] = mine.body.items.map((i: { status: string }) => i.status);
    const closed = (s: string) => s === 'achieved' || s === 'cancelled';
    expect(statuses.slice(statuses.findIndex(closed)).every(closed)).toBe(true);
  });

  it('exports the filtered list as CSV with a BOM, and Arabic round-trips', async () => {
    const c = await create({ title: '=مرصد الحي', description: 'منع التطرف' });
    const res = await t.http
      .get(`/api/commitments/export.csv?cityId=${nansana}`)
      .set(as('esa'))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (d: Buffer) => chunks.push(d));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="commitments-\d{4}-\d{2}-\d{2}\.csv"$/);
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toMatch(/^id,title,kind,city,/);
    const line = text.split('\r\n').find((l) => l.startsWith(c.id));
    expect(line).toContain(`'=مرصد الحي`);
    expect(line).toContain('منع التطرف');
  });

  it('lists each commitment exactly as it answers it alone (the page is written as JSON by the database), byte for byte', async () => {
    const engagements: { id: string }[] = await t.dataSource.query(`SELECT id FROM engagements ORDER BY start_date DESC LIMIT 3`);
    const partners: { id: string }[] = await t.dataSource.query(`SELECT id FROM partners ORDER BY name DESC LIMIT 3`);
    const odd = await create({
      title: 'Quotes " and \\ backslash, مجلس 🌍 café',
      description: 'Line one\nLine two\twith a tab <b>&amp;</b> \\ "quoted"',
      targetDate: '2020-02-29',
      progress: 7,
      inspiredByEngagementIds: engagements.map((e) => e.id),
      partnerIds: partners.map((p) => p.id),
    });
    await create({ title: 'No links, no date' });
    const page = await t.http.get(`/api/commitments?cityId=${nansana}&pageSize=200`).set(as('esa')).expect(200);
    expect(page.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(page.body.items.map((i: { id: string }) => i.id)).toContain(odd.id);
    // Each item's text (keys in order, escapes, dates) is its own GET's, which is still built object by object.
    for (const item of page.body.items.slice(0, 25)) {
      const alone = await t.http.get(`/api/commitments/${item.id}`).set(as('esa')).expect(200);
      expect(JSON.stringify(item)).toBe(JSON.stringify(alone.body));
    }
    const found = page.body.items.find((i: { id: string }) => i.id === odd.id);
    expect(JSON.stringify(found)).toBe(JSON.stringify((await t.http.get(`/api/commitments/${odd.id}`).set(as('esa'))).body));
    expect(found).toMatchObject({ atRisk: true, inspiredByEngagementIds: expect.any(Array), partnerIds: expect.any(Array) });
    expect(found.partners).toHaveLength(3);
    expect(found.inspiredBy).toHaveLength(3);
    // The page's own fields after the items, in the order they always came.
    expect(Object.keys(page.body)).toEqual(['items', 'total', 'page', 'pageSize', 'nextCursor']);
  });

  it('archives: 204, leaves the list, the audit keeps it', async () => {
    const c = await create();
    await t.http.delete(`/api/commitments/${c.id}`).set(as('esa')).expect(204);
    await t.http.get(`/api/commitments/${c.id}`).set(as('esa')).expect(404);
    const list = await t.http.get(`/api/commitments?pageSize=200&cityId=${nansana}`).set(as('esa')).expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
    const audit = await t.http.get(`/api/audit?entity=commitment&entityId=${c.id}`).set(as('esa')).expect(200);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['archive', 'create']);
    await t.http.get(`/api/audit?entity=commitment&entityId=${c.id}`).set(as('balkans')).expect(403);
    await t.http.get(`/api/audit`).set(as('esa')).expect(400);
  });
});
