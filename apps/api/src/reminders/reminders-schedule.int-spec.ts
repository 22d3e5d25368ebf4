import { createTestApp, type TestApp } from '../../test/test-app';
import { JobsService } from '../jobs/jobs.service';
import { JOBS_SCHEMA } from '../jobs/queues';
import type { DailyRunOutcome } from './reminders.service';

const DAY = '2031-07-01';
let first: TestApp;
let second: TestApp;

beforeAll(async () => {
  first = await createTestApp({ demo: true, env: { REMINDER_HOUR: '4' } });
  second = await createTestApp({ databaseUrl: first.databaseUrl, migrationUrl: first.ownerUrl, env: { REMINDER_HOUR: '4' } });
}, 120_000);

afterAll(async () => {
  await second?.close();
  await first?.close();
});

const until = async (check: () => Promise<boolean>, ms = 40_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
};

describe('the daily run with two app instances on one database', () => {
  it('both register the same schedule, once, at REMINDER_HOUR UTC', async () => {
    const rows = (await first.dataSource.query(
      `SELECT name, cron, options->>'tz' AS tz FROM ${JOBS_SCHEMA}.schedule WHERE name = 'reminders-daily'`,
    )) as unknown[];
    expect(rows).toEqual([{ name: 'reminders-daily', cron: '0 4 * * *', tz: 'UTC' }]);
  });

  it('runs the day once when both instances fire it', async () => {
    // Each instance's tick of the schedule sends the day's job; whichever workers take them, one runs it.
    const a = (await first.app.get(JobsService).send('reminders-daily', { asOf: DAY })) as string;
    const b = (await second.app.get(JobsService).send('reminders-daily', { asOf: DAY })) as string;
    const outcome = async (id: string) =>
      (await first.app.get(JobsService).getJob<object>('reminders-daily', id))?.output as DailyRunOutcome | undefined;
    await until(async () => (await outcome(a))?.asOf === DAY && (await outcome(b))?.asOf === DAY);
    const outcomes = [await outcome(a), await outcome(b)] as DailyRunOutcome[];
    expect(outcomes.map((o) => o.ran).sort()).toEqual([false, true]);
    const ran = outcomes.find((o) => o.ran) as DailyRunOutcome;
    const made = Object.values(ran.result?.notifications ?? {}).reduce((x, y) => x + y, 0);
    expect(made).toBeGreaterThan(0); // the demo data has overdue work on that day
    const runs = (await first.dataSource.query(
      `SELECT day::text AS day, trigger, finished_at IS NOT NULL AS finished FROM reminder_runs`,
    )) as unknown[];
    expect(runs).toEqual([{ day: DAY, trigger: 'schedule', finished: true }]);
    const [{ n }] = (await first.dataSource.query(`SELECT count(*)::int AS n FROM notifications`)) as { n: number }[];
    expect(n).toBe(made);
  }, 60_000);
});
