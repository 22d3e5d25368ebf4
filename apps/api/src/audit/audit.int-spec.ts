import { DataSource } from 'typeorm';
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
        changes: diffObjects(
          { status: 'pledged', progress: 0 },
          { status: 'in_progress', progress: 10 },
        ),
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
    await expect(
      owner.query(`UPDATE audit_log SET note = 'rewritten'`),
    ).rejects.toThrow(/append-only/);
    await expect(owner.query(`DELETE FROM audit_log`)).rejects.toThrow(
      /append-only/,
    );
    await expect(owner.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    await expect(ds.getRepository(AuditLogEntity).count()).resolves.toBe(1);
  });
});
