import { isCommitmentAtRisk, isFollowUpOverdue, todayIso, type CommitmentStatus, type FollowUpStatus } from '@impact/contracts';
import { createTestApp, type TestApp } from '../../test/test-app';
import { commitmentAtRiskSql, followUpOverdueSql } from './derived-sql';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const shift = (days: number) => {
  const d = new Date(`${todayIso()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const DATES = [null, shift(-400), shift(-1), shift(0), shift(1), shift(365)];

describe('derived facts: the SQL says what libs/contracts says', () => {
  it('follow-up overdue agrees on every status × due date', async () => {
    const cases = (['open', 'done', 'cancelled'] as FollowUpStatus[]).flatMap((status) => DATES.map((dueDate) => ({ status, dueDate })));
    const rows: { status: FollowUpStatus; due: string | null; overdue: boolean }[] = await t.dataSource.query(
      `SELECT f.status, to_char(f.due_date, 'YYYY-MM-DD') AS due, ${followUpOverdueSql('f')} AS overdue
         FROM unnest($1::text[], $2::date[]) AS f(status, due_date)`,
      [cases.map((c) => c.status), cases.map((c) => c.dueDate)],
    );
    expect(rows).toHaveLength(cases.length);
    for (const r of rows) expect({ ...r, overdue: r.overdue }).toEqual({ ...r, overdue: isFollowUpOverdue({ status: r.status, dueDate: r.due }) });
  });

  it('commitment at risk agrees on every status × target date', async () => {
    const statuses: CommitmentStatus[] = ['pledged', 'in_progress', 'stalled', 'achieved', 'cancelled'];
    const cases = statuses.flatMap((status) => DATES.map((targetDate) => ({ status, targetDate })));
    const rows: { status: CommitmentStatus; target: string | null; at_risk: boolean }[] = await t.dataSource.query(
      `SELECT c.status, to_char(c.target_date, 'YYYY-MM-DD') AS target, ${commitmentAtRiskSql('c')} AS at_risk
         FROM unnest($1::text[], $2::date[]) AS c(status, target_date)`,
      [cases.map((c) => c.status), cases.map((c) => c.targetDate)],
    );
    expect(rows).toHaveLength(cases.length);
    for (const r of rows) expect(r).toEqual({ ...r, at_risk: isCommitmentAtRisk({ status: r.status, targetDate: r.target }) });
  });
});
