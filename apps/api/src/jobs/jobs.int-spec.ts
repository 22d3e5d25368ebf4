import { createTestApp, type TestApp } from '../../test/test-app';
import { JobsService } from './jobs.service';
import { JOBS_SCHEMA } from './queues';

let first: TestApp;
let second: TestApp;

beforeAll(async () => {
  first = await createTestApp();
  second = await createTestApp({ databaseUrl: first.databaseUrl, migrationUrl: first.ownerUrl });
}, 120_000);

afterAll(async () => {
  await second?.close();
  await first?.close();
});

const until = async (check: () => boolean | Promise<boolean>, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('jobs on PostgreSQL (pg-boss), run as the app role', () => {
  it('the app connects as a role that may use the job tables but not create a queue table', async () => {
    const [me] = await first.dataSource.query(`SELECT current_user AS role, has_schema_privilege($1, 'CREATE') AS can_create`, [
      JOBS_SCHEMA,
    ]);
    expect(me).toEqual({ role: 'impact_app', can_create: false });
    await expect(first.dataSource.query(`SELECT ${JOBS_SCHEMA}.create_queue('sneaky', '{}'::json)`)).rejects.toThrow(/permission denied/);
  });

  it('works each of many jobs exactly once when two app instances share the database', async () => {
    const seen: string[] = [];
    const probe = (who: string) => async (job: { data: { n: number } }) => {
      seen.push(`${job.data.n}`);
      return who;
    };
    await first.app.get(JobsService).work<{ n: number }>('jobs-probe', probe('first'));
    await second.app.get(JobsService).work<{ n: number }>('jobs-probe', probe('second'));
    const jobs = first.app.get(JobsService);
    for (let n = 0; n < 20; n++) await jobs.send('jobs-probe', { n });
    await until(() => seen.length >= 20);
    await new Promise((r) => setTimeout(r, 1_500)); // time for a double delivery to show, if any
    expect([...seen].sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 20 }, (_, n) => `${n}`));
  });

  it('sends a job inside a transaction only if the transaction commits', async () => {
    const jobs = first.app.get(JobsService);
    let kept: string | null = null;
    await first.dataSource.transaction(async (m) => {
      kept = await jobs.send('jobs-probe', { n: 1000 }, {}, m);
    });
    let dropped: string | null = null;
    await expect(
      first.dataSource.transaction(async (m) => {
        dropped = await jobs.send('jobs-probe', { n: 1001 }, {}, m);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(kept).toEqual(expect.any(String));
    expect(dropped).toEqual(expect.any(String));
    const [{ n }] = await first.dataSource.query(`SELECT count(*)::int AS n FROM ${JOBS_SCHEMA}.job WHERE id = ANY($1::uuid[])`, [
      [kept, dropped],
    ]);
    expect(n).toBe(1);
  });
});
