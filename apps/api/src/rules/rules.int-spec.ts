import {
  COMMITMENT_STATUSES,
  COMMITMENT_STATUS_RANK,
  isCommitmentAtRisk,
  isFollowUpOverdue,
  todayIso,
  type CommitmentStatus,
  type FollowUpStatus,
} from '@impact/contracts';
import { createTestApp, type TestApp } from '../../test/test-app';
import {
  commitmentAtRiskSql,
  commitmentOverdueSql,
  engagementConcernsCities,
  engagementInCitiesSql,
  followUpOverdueSql,
  inRange,
  statusOfRank,
  statusRankSql,
} from './derived.sql';

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

describe('rules: the SQL says what libs/contracts says', () => {
  it('follow-up overdue agrees on every status × due date', async () => {
    const cases = (['open', 'done', 'cancelled'] as FollowUpStatus[]).flatMap((status) => DATES.map((dueDate) => ({ status, dueDate })));
    const rows: { status: FollowUpStatus; due: string | null; overdue: boolean }[] = await t.dataSource.query(
      `SELECT f.status, to_char(f.due_date, 'YYYY-MM-DD') AS due, ${followUpOverdueSql('f')} AS overdue
         FROM unnest($1::text[], $2::date[]) AS f(status, due_date)`,
      [cases.map((c) => c.status), cases.map((c) => c.dueDate)],
    );
    expect(rows).toHaveLength(cases.length);
    for (const r of rows)
      expect({ ...r, overdue: r.overdue }).toEqual({ ...r, overdue: isFollowUpOverdue({ status: r.status, dueDate: r.due }) });
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

  it('commitment overdue is open work past its target date, on every status × target date', async () => {
    const cases = COMMITMENT_STATUSES.flatMap((status) => DATES.map((targetDate) => ({ status, targetDate })));
    const rows: { status: CommitmentStatus; target: string | null; overdue: boolean }[] = await t.dataSource.query(
      `SELECT c.status, to_char(c.target_date, 'YYYY-MM-DD') AS target, ${commitmentOverdueSql('c')} AS overdue
         FROM unnest($1::text[], $2::date[]) AS c(status, target_date)`,
      [cases.map((c) => c.status), cases.map((c) => c.targetDate)],
    );
    expect(rows).toHaveLength(cases.length);
    const open = (s: CommitmentStatus) => s === 'pledged' || s === 'in_progress' || s === 'stalled';
    for (const r of rows) expect(r).toEqual({ ...r, overdue: open(r.status) && r.target !== null && r.target < todayIso() });
  });

  it('a range keeps exactly the days between its bounds, each bound optional', async () => {
    const days = [shift(-3), shift(-2), shift(-1), shift(0), shift(1)];
    const bounds: [string | null, string | null][] = [
      [null, null],
      [shift(-2), null],
      [null, shift(-1)],
      [shift(-2), shift(0)],
      [shift(1), shift(-1)],
    ];
    for (const [from, to] of bounds) {
      const params: unknown[] = [days];
      const bind = (v: string | null) => (v === null ? null : `$${params.push(v)}`);
      const condition = inRange('d', bind(from), bind(to));
      const rows: { d: string }[] = await t.dataSource.query(
        `SELECT to_char(d, 'YYYY-MM-DD') AS d FROM unnest($1::date[]) AS d WHERE ${condition} ORDER BY d`,
        params,
      );
      expect(rows.map((r) => r.d)).toEqual(days.filter((d) => (from === null || d >= from) && (to === null || d <= to)));
    }
  });

  it('ranks every status as the contract does, and reads each rank back', async () => {
    const rows: { s: CommitmentStatus; rank: number }[] = await t.dataSource.query(
      `SELECT s, ${statusRankSql('s')} AS rank FROM unnest($1::text[]) AS s`,
      [COMMITMENT_STATUSES],
    );
    expect(rows).toHaveLength(COMMITMENT_STATUSES.length);
    for (const r of rows) {
      expect(r.rank).toBe(COMMITMENT_STATUS_RANK[r.s]);
      expect(statusOfRank(r.rank)).toBe(r.s);
    }
    expect(statusOfRank(null)).toBeNull();
  });

  it('an engagement concerns cities (host, place or participant) alike in the row-by-row and the semi-join form', async () => {
    // As filters (unknown counts as false: the row-by-row form says null where a city column is null).
    const runner = t.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      const [{ id: hub }] = await runner.query(`INSERT INTO hubs (code, name) VALUES ('rules-hub', 'Rules hub') RETURNING id`);
      const cities: string[] = [];
      for (const n of [0, 1, 2]) {
        const [{ id }] = await runner.query(`INSERT INTO cities (name, country_code, hub_id) VALUES ($1, 'FR', $2) RETURNING id`, [
          `R${n}`,
          hub,
        ]);
        cities.push(id);
      }
      // Every host × place × participants combination over cities 0, 1 and none.
      const picks: (number | null)[] = [null, 0, 1];
      const participantSets: number[][] = [[], [0], [1], [0, 1]];
      const expected = new Map<string, (p: number[]) => boolean>();
      for (const host of picks)
        for (const place of picks)
          for (const participants of participantSets) {
            const [{ id }] = await runner.query(
              `INSERT INTO engagements (title, type, hub_id, start_date, host_city_id, location_city_id) VALUES ('e', 'summit', $1, '2026-01-01', $2, $3) RETURNING id`,
              [hub, host === null ? null : cities[host], place === null ? null : cities[place]],
            );
            for (const c of participants)
              await runner.query(`INSERT INTO engagement_cities (engagement_id, city_id) VALUES ($1, $2)`, [id, cities[c]]);
            expected.set(id, (p) => [host, place, ...participants].some((c) => c !== null && p.includes(c)));
          }
      for (const p of [[], [0], [1], [2], [0, 1], [1, 2]]) {
        const rows: { id: string; row_wise: boolean; semi_join: boolean }[] = await runner.query(
          `SELECT e.id, (${engagementConcernsCities('e', '$1')}) IS TRUE AS row_wise, (${engagementInCitiesSql('e', '$1')}) IS TRUE AS semi_join
             FROM engagements e WHERE e.hub_id = $2`,
          [p.map((c) => cities[c]), hub],
        );
        expect(rows).toHaveLength(expected.size);
        for (const r of rows) expect(r).toEqual({ id: r.id, row_wise: expected.get(r.id)?.(p), semi_join: expected.get(r.id)?.(p) });
      }
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
