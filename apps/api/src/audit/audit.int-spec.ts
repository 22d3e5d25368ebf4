import { FOLLOW_UP_KINDS } from '@impact/contracts';
import { DataSource } from 'typeorm';
import { demoSignIn } from '../../test/demo-sign-in';
import { createTestApp, type TestApp } from '../../test/test-app';
import { AuditLogEntity } from './audit-log.entity';
import { AuditService } from './audit.service';
import { diffObjects } from './diff';

describe('audit log', () => {
  let t: TestApp;
  let audit: AuditService;
  let ds: DataSource;
  const entityId = '00000000-0000-4000-8000-000000000001';

  beforeAll(async () => {
    t = await createTestApp({ docs: false });
    audit = t.app.get(AuditService);
    ds = t.dataSource;
  });
  afterAll(() => t?.close());

  it('records in the caller transaction, and rolls back with it', async () => {
    await ds.transaction((m) =>
      audit.record(m, {
        actorId: null,
        entity: 'commitment',
        entityId,
        action: 'update',
        changes: diffObjects({ status: 'pledged', progress: 0 }, { status: 'in_progress', progress: 10 }),
        note: 'started',
      }),
    );
    await expect(
      ds.transaction(async (m) => {
        await audit.record(m, {
          actorId: null,
          entity: 'commitment',
          entityId,
          action: 'archive',
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');

    const rows = await audit.historyOf(ds.manager, 'commitment', entityId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'update',
      note: 'started',
      changes: {
        status: { old: 'pledged', new: 'in_progress' },
        progress: { old: 0, new: 10 },
      },
    });
  });

  it('refuses UPDATE, DELETE and TRUNCATE: the app role lacks the right, and the trigger stops even the owner', async () => {
    for (const sql of [`UPDATE audit_log SET note = 'rewritten'`, `DELETE FROM audit_log`, `TRUNCATE audit_log`]) {
      await expect(ds.query(sql)).rejects.toThrow(/permission denied/);
    }
    const owner = await t.ownerDataSource();
    await expect(owner.query(`UPDATE audit_log SET note = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(owner.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(owner.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    await expect(ds.getRepository(AuditLogEntity).count()).resolves.toBe(1);
  });
});

describe('GET /api/audit for a hub manager: one record at a time, of its hubs', () => {
  let t: TestApp;
  let token: string;
  /** Per kind, SQL giving a record's id and its hub's code (`$1`: the code, `$2`: true for inside the hub). */
  const RECORDS: [kind: string, sql: string][] = [
    ['hub', `SELECT h.id FROM hubs h WHERE (h.code = $1) = $2`],
    ['city', `SELECT c.id FROM cities c JOIN hubs h ON h.id = c.hub_id WHERE (h.code = $1) = $2`],
    ['engagement', `SELECT e.id FROM engagements e JOIN hubs h ON h.id = e.hub_id WHERE e.archived_at IS NULL AND (h.code = $1) = $2`],
    ['commitment', `SELECT c.id FROM commitments c JOIN hubs h ON h.id = c.hub_id WHERE (h.code = $1) = $2`],
    [
      'followUp',
      `SELECT f.id FROM follow_ups f JOIN commitments c ON c.id = f.commitment_id JOIN hubs h ON h.id = c.hub_id WHERE (h.code = $1) = $2`,
    ],
    [
      'followUp',
      `SELECT f.id FROM follow_ups f JOIN engagements e ON e.id = f.engagement_id JOIN hubs h ON h.id = e.hub_id
                   WHERE f.commitment_id IS NULL AND (h.code = $1) = $2`,
    ],
    ['outcome', `SELECT o.id FROM outcomes o JOIN cities c ON c.id = o.city_id JOIN hubs h ON h.id = c.hub_id WHERE (h.code = $1) = $2`],
    ['story', `SELECT s.id FROM stories s JOIN hubs h ON h.id = s.hub_id WHERE (h.code = $1) = $2`],
  ];

  async function recordOf(sql: string, inside: boolean): Promise<string> {
    const [row] = await t.dataSource.query<{ id: string }[]>(`${sql} ORDER BY 1 LIMIT 1`, ['esa', inside]);
    if (!row) throw new Error(`the demo data has no record for: ${sql} (inside: ${inside})`);
    return row.id;
  }

  beforeAll(async () => {
    t = await createTestApp({ demo: true, docs: false });
    token = (await demoSignIn(t.http, 'esa.manager@impact.test')).accessToken;
    // A follow-up of an engagement alone, in the hub and outside it: its hub is the engagement's.
    const admin = (await demoSignIn(t.http, 'admin@impact.test')).accessToken;
    for (const inside of [true, false]) {
      const engagementId = await recordOf(RECORDS[2][1], inside);
      await t.http
        .post('/api/follow-ups')
        .set('Authorization', `Bearer ${admin}`)
        .send({ engagementId, title: 'Send the workshop notes', kind: FOLLOW_UP_KINDS[0] })
        .expect(201);
    }
  });
  afterAll(() => t?.close());

  const audit = (query: string) => t.http.get(`/api/audit?${query}`).set('Authorization', `Bearer ${token}`);

  it.each(RECORDS)('reads the history of a %s in its hub, and is refused one of another hub', async (kind, sql) => {
    const inside = await recordOf(sql, true);
    const res = await audit(`entity=${kind}&entityId=${inside}`).expect(200);
    expect(res.body.total).toBe(res.body.items.length);
    for (const entry of res.body.items) expect(entry).toMatchObject({ entity: kind, entityId: inside });
    const outside = await recordOf(sql, false);
    await audit(`entity=${kind}&entityId=${outside}`).expect(403);
  });

  it('answers 404 for a record that does not exist, 403 for records of no hub, 400 naming what is missing', async () => {
    await audit('entity=commitment&entityId=00000000-0000-4000-8000-00000000abcd').expect(404);
    const [partner] = await t.dataSource.query<{ id: string }[]>('SELECT id FROM partners LIMIT 1');
    await audit(`entity=partner&entityId=${partner.id}`).expect(403);
    const res = await audit('entity=commitment').expect(400);
    expect(JSON.stringify(res.body)).toContain('entityId');
  });
});
