import fc from 'fast-check';
import {
  COMMITMENT_STATUSES,
  FOLLOW_UP_STATUSES,
  KPIS,
  type CommitmentListItem,
  type CommitmentStatus,
  type DashboardFilters,
  type DashboardSummary,
  type EngagementListItem,
  type FollowUpStatus,
  type KpiId,
  type Page,
} from '@impact/contracts';
import { getOk } from '../../test/demo-sign-in';
import { createTestApp, type TestApp } from '../../test/test-app';
import { hashPassword } from '../auth/passwords';
import { DashboardRefresher } from './dashboard-refresher';

/**
 * The dashboard's promise: every figure equals the total of the list its drill-down opens (the same
 * filters, the same caller). Checked on random data sets, callers (leadership, a hub manager, a
 * liaison of one city, a liaison of two cities in two hubs), hubs and date ranges, on real PostgreSQL,
 * and again after a random sequence of writes (create, edit, transition, archive, delete of
 * engagements, commitments and follow-ups; a city moving hub). The rollups are never rebuilt whole:
 * each data set replaces the previous one by deletes and inserts, and only the keys the writes touched
 * are folded, as after any write in production.
 */

const DAY = 86_400_000;
const BASE = Date.UTC(2024, 0, 1);
const dayIso = (offset: number) => new Date(BASE + offset * DAY).toISOString().slice(0, 10);
const TODAY = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
/** A date relative to today (for target and due dates: overdue and at risk are judged against today). */
const fromToday = (offset: number) => new Date(TODAY + offset * DAY).toISOString().slice(0, 10);

const CITY_COUNT = 6; // two per hub
const PASSWORD = 'property-test-password-2026';

interface EngagementSpec {
  hub: number;
  day: number;
  host: number | null;
  location: number | null;
  participating: number[];
  people: [number, number, number, number, number, number];
  archived: boolean;
}
interface CommitmentSpec {
  city: number;
  status: CommitmentStatus;
  target: number | null;
  created: number;
  inspiredBy: number[];
  /** Days of status changes (the last one to the current status), relative to BASE. */
  changes: number[];
  withAchievedHistory: boolean;
  archived: boolean;
}
interface FollowUpSpec {
  commitment: number | null;
  engagement: number | null;
  status: FollowUpStatus;
  due: number | null;
  archived: boolean;
}
interface DataSet {
  engagements: EngagementSpec[];
  commitments: CommitmentSpec[];
  followUps: FollowUpSpec[];
}

const city = fc.integer({ min: 0, max: CITY_COUNT - 1 });
const engagementArb: fc.Arbitrary<EngagementSpec> = fc.record({
  hub: fc.integer({ min: 0, max: 2 }),
  day: fc.integer({ min: 0, max: 120 }),
  host: fc.option(city, { nil: null }),
  location: fc.option(city, { nil: null }),
  participating: fc.uniqueArray(city, { maxLength: 3 }),
  people: fc.tuple(
    fc.nat({ max: 200 }),
    fc.nat({ max: 9 }),
    fc.nat({ max: 30 }),
    fc.nat({ max: 30 }),
    fc.nat({ max: 30 }),
    fc.nat({ max: 9 }),
  ),
  archived: fc.integer({ min: 0, max: 9 }).map((n) => n < 3),
});
const commitmentArb: fc.Arbitrary<CommitmentSpec> = fc.record({
  city,
  status: fc.constantFrom(...COMMITMENT_STATUSES),
  target: fc.option(fc.integer({ min: -60, max: 60 }), { nil: null }),
  created: fc.integer({ min: 0, max: 120 }),
  inspiredBy: fc.uniqueArray(fc.nat({ max: 29 }), { maxLength: 3 }),
  changes: fc.array(fc.integer({ min: 0, max: 150 }), { minLength: 0, maxLength: 3 }),
  withAchievedHistory: fc.boolean(),
  archived: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
});
const followUpArb: fc.Arbitrary<FollowUpSpec> = fc.record({
  commitment: fc.option(fc.nat({ max: 19 }), { nil: null }),
  engagement: fc.option(fc.nat({ max: 29 }), { nil: null }),
  status: fc.constantFrom(...FOLLOW_UP_STATUSES),
  due: fc.option(fc.integer({ min: -40, max: 40 }), { nil: null }),
  archived: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
});
const dataSetArb: fc.Arbitrary<DataSet> = fc.record({
  engagements: fc.array(engagementArb, { maxLength: 30 }),
  commitments: fc.array(commitmentArb, { maxLength: 20 }),
  followUps: fc.array(followUpArb, { maxLength: 20 }),
});

/** One write of the random sequence; `pick`s choose among the rows there are, modulo their number. */
type Mutation =
  | { kind: 'engagementArchive'; pick: number }
  | { kind: 'engagementMove'; pick: number; day: number; hub: number }
  | { kind: 'engagementCities'; pick: number; host: number | null; location: number | null; participant: number }
  | { kind: 'engagementNew'; spec: EngagementSpec }
  | { kind: 'engagementDelete'; pick: number }
  | { kind: 'commitmentNew'; city: number; created: number; target: number | null }
  | { kind: 'commitmentTransition'; pick: number; status: CommitmentStatus; day: number }
  | { kind: 'commitmentEdit'; pick: number; target: number | null; city: number }
  | { kind: 'commitmentArchive'; pick: number }
  | { kind: 'commitmentInspire'; pick: number; engagement: number }
  | { kind: 'commitmentDelete'; pick: number }
  | { kind: 'followUpEdit'; pick: number; status: FollowUpStatus; due: number | null; archive: boolean }
  | { kind: 'followUpNew'; commitment: number | null; engagement: number; due: number | null }
  | { kind: 'followUpDelete'; pick: number }
  | { kind: 'cityHub'; city: number; hub: number };

const pick = fc.nat({ max: 1_000 });
const hub = fc.integer({ min: 0, max: 2 });
const day = fc.integer({ min: 0, max: 150 });
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('engagementArchive' as const), pick }),
  fc.record({ kind: fc.constant('engagementMove' as const), pick, day, hub }),
  fc.record({
    kind: fc.constant('engagementCities' as const),
    pick,
    host: fc.option(city, { nil: null }),
    location: fc.option(city, { nil: null }),
    participant: city,
  }),
  fc.record({ kind: fc.constant('engagementNew' as const), spec: engagementArb }),
  fc.record({ kind: fc.constant('engagementDelete' as const), pick }),
  fc.record({
    kind: fc.constant('commitmentNew' as const),
    city,
    created: fc.integer({ min: 0, max: 120 }),
    target: fc.option(fc.integer({ min: -60, max: 60 }), { nil: null }),
  }),
  fc.record({ kind: fc.constant('commitmentTransition' as const), pick, status: fc.constantFrom(...COMMITMENT_STATUSES), day }),
  fc.record({
    kind: fc.constant('commitmentEdit' as const),
    pick,
    target: fc.option(fc.integer({ min: -60, max: 60 }), { nil: null }),
    city,
  }),
  fc.record({ kind: fc.constant('commitmentArchive' as const), pick }),
  fc.record({ kind: fc.constant('commitmentInspire' as const), pick, engagement: pick }),
  fc.record({ kind: fc.constant('commitmentDelete' as const), pick }),
  fc.record({
    kind: fc.constant('followUpEdit' as const),
    pick,
    status: fc.constantFrom(...FOLLOW_UP_STATUSES),
    due: fc.option(fc.integer({ min: -40, max: 40 }), { nil: null }),
    archive: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('followUpNew' as const),
    commitment: fc.option(pick, { nil: null }),
    engagement: pick,
    due: fc.option(fc.integer({ min: -40, max: 40 }), { nil: null }),
  }),
  fc.record({ kind: fc.constant('followUpDelete' as const), pick }),
  fc.record({ kind: fc.constant('cityHub' as const), city, hub }),
);

const PRINCIPALS = ['leadership', 'managerHub0', 'liaisonOneCity', 'liaisonTwoCities'] as const;
type PrincipalName = (typeof PRINCIPALS)[number];
const queryArb = fc.record({
  who: fc.constantFrom(...PRINCIPALS),
  hub: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
  from: fc.option(fc.integer({ min: -10, max: 130 }), { nil: null }),
  length: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
});
type Query = typeof queryArb extends fc.Arbitrary<infer Q> ? Q : never;

describe('dashboard figures equal their drill-down lists (property)', () => {
  let t: TestApp;
  let hubIds: string[];
  let cityIds: string[];
  const tokens = {} as Record<PrincipalName, string>;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.dataSource;
    hubIds = [];
    for (let h = 0; h < 3; h++) {
      const [{ id }] = await db.query(`INSERT INTO hubs (code, name) VALUES ($1, $2) RETURNING id`, [`h${h}`, `Hub ${h}`]);
      hubIds.push(id);
    }
    cityIds = [];
    for (let c = 0; c < CITY_COUNT; c++) {
      const [{ id }] = await db.query(
        `INSERT INTO cities (name, country_code, hub_id, latitude, longitude) VALUES ($1, 'KE', $2, 1, 36) RETURNING id`,
        [`City ${c}`, hubIds[Math.floor(c / 2)]],
      );
      cityIds.push(id);
    }
    const hash = await hashPassword(PASSWORD);
    const user = async (name: PrincipalName, role: string, hubs: string[], cities: string[]) => {
      const [{ id }] = await db.query(`INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id`, [
        `${name}@property.test`,
        name,
        role,
        hash,
      ]);
      for (const h of hubs) await db.query(`INSERT INTO user_hubs (user_id, hub_id) VALUES ($1, $2)`, [id, h]);
      for (const c of cities) await db.query(`INSERT INTO city_liaisons (user_id, city_id) VALUES ($1, $2)`, [id, c]);
      const res = await t.http.post('/api/auth/login').send({ email: `${name}@property.test`, password: PASSWORD });
      tokens[name] = res.body.accessToken;
    };
    await user('leadership', 'leadership', [], []);
    await user('managerHub0', 'hub_manager', [hubIds[0]], []);
    await user('liaisonOneCity', 'city_liaison', [], [cityIds[0]]);
    await user('liaisonTwoCities', 'city_liaison', [], [cityIds[1], cityIds[2]]);
  });
  afterAll(() => t?.close());

  /** Replaces the records by the data set's (deletes, not TRUNCATE: the rollups follow row by row). */
  async function load(data: DataSet): Promise<void> {
    await t.dataSource.transaction(async (m) => {
      for (const table of [
        'follow_ups',
        'commitment_status_changes',
        'commitment_engagements',
        'commitments',
        'engagement_cities',
        'engagements',
      ])
        await m.query(`DELETE FROM ${table}`);
      for (const [c, id] of cityIds.entries())
        await m.query(`UPDATE cities SET hub_id = $1 WHERE id = $2`, [hubIds[Math.floor(c / 2)], id]);
      const engagementIds: string[] = [];
      for (const [i, e] of data.engagements.entries()) {
        const [{ id }] = await m.query(
          `INSERT INTO engagements (title, type, hub_id, start_date, host_city_id, location_city_id, online, participants_total, participants_mayors,
             participants_officials, participants_youth, participants_women, participants_community_leaders, archived_at)
           VALUES ($1, 'regional_workshop', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
          [
            `E${i}`,
            hubIds[e.hub],
            dayIso(e.day),
            e.host === null ? null : cityIds[e.host],
            e.location === null ? null : cityIds[e.location],
            e.location === null,
            ...e.people,
            e.archived ? new Date() : null,
          ],
        );
        engagementIds.push(id);
        for (const c of e.participating)
          await m.query(`INSERT INTO engagement_cities (engagement_id, city_id) VALUES ($1, $2)`, [id, cityIds[c]]);
      }
      const commitmentIds: string[] = [];
      for (const [i, c] of data.commitments.entries()) {
        const [{ id }] = await m.query(
          `INSERT INTO commitments (title, kind, city_id, hub_id, target_date, status, created_at, archived_at)
           VALUES ($1, 'other', $2, $3, $4, $5, $6, $7) RETURNING id`,
          [
            `C${i}`,
            cityIds[c.city],
            hubIds[Math.floor(c.city / 2)],
            c.target === null ? null : fromToday(c.target),
            c.status,
            new Date(BASE + c.created * DAY + 3_600_000),
            c.archived ? new Date() : null,
          ],
        );
        commitmentIds.push(id);
        for (const k of c.inspiredBy) {
          if (engagementIds[k])
            await m.query(`INSERT INTO commitment_engagements (commitment_id, engagement_id) VALUES ($1, $2)`, [id, engagementIds[k]]);
        }
        await m.query(
          `INSERT INTO commitment_status_changes (commitment_id, from_status, to_status, at) VALUES ($1, NULL, 'pledged', $2)`,
          [
            id,
            new Date(BASE + c.created * DAY + 23 * 3_600_000), // late in the UTC day: the UTC calendar day decides
          ],
        );
        const changes = c.status === 'achieved' && !c.withAchievedHistory ? [] : c.changes;
        for (const [j, day] of changes.entries()) {
          const to = j === changes.length - 1 ? c.status : 'in_progress';
          await m.query(
            `INSERT INTO commitment_status_changes (commitment_id, from_status, to_status, at) VALUES ($1, 'pledged', $2, $3)`,
            [id, to, new Date(BASE + day * DAY + 60_000)],
          );
        }
      }
      for (const [i, f] of data.followUps.entries()) {
        const commitmentId = f.commitment === null ? null : (commitmentIds[f.commitment] ?? null);
        const engagementId = f.engagement === null ? null : (engagementIds[f.engagement] ?? null);
        if (!commitmentId && !engagementId) continue;
        await m.query(
          `INSERT INTO follow_ups (commitment_id, engagement_id, title, kind, due_date, status, archived_at) VALUES ($1, $2, $3, 'check_in', $4, $5, $6)`,
          [commitmentId, engagementId, `F${i}`, f.due === null ? null : fromToday(f.due), f.status, f.archived ? new Date() : null],
        );
      }
    });
  }

  /** The ids of a table's rows in a stable order, and the one `n` picks (null when there is none). */
  async function pickId(table: string, n: number): Promise<string | null> {
    const rows: { id: string }[] = await t.dataSource.query(`SELECT id FROM ${table} ORDER BY id`);
    return rows.length ? rows[n % rows.length].id : null;
  }

  /** One write, as the app role, in its own transaction (as a request would). */
  async function mutate(w: Mutation): Promise<void> {
    await t.dataSource.transaction(async (m) => {
      const q = (sql: string, params: unknown[] = []) => m.query(sql, params);
      const cityOrNull = (c: number | null) => (c === null ? null : cityIds[c]);
      /** Archives the picked row of `table`, or brings it back when it is archived (nothing when the table is empty). */
      const toggleArchived = async (table: 'engagements' | 'commitments', pick: number) => {
        const id = await pickId(table, pick);
        if (id) await q(`UPDATE ${table} SET archived_at = CASE WHEN archived_at IS NULL THEN now() END WHERE id = $1`, [id]);
      };
      /** Deletes the picked row of `table` (nothing when the table is empty). */
      const deletePicked = async (table: 'engagements' | 'commitments' | 'follow_ups', pick: number) => {
        const id = await pickId(table, pick);
        if (id) await q(`DELETE FROM ${table} WHERE id = $1`, [id]);
      };
      switch (w.kind) {
        case 'engagementArchive':
          return toggleArchived('engagements', w.pick);
        case 'engagementMove': {
          const id = await pickId('engagements', w.pick);
          if (id) await q(`UPDATE engagements SET start_date = $2, hub_id = $3 WHERE id = $1`, [id, dayIso(w.day), hubIds[w.hub]]);
          return;
        }
        case 'engagementCities': {
          const id = await pickId('engagements', w.pick);
          if (!id) return;
          await q(`UPDATE engagements SET host_city_id = $2, location_city_id = $3, online = $4 WHERE id = $1`, [
            id,
            cityOrNull(w.host),
            cityOrNull(w.location),
            w.location === null,
          ]);
          const [{ n }] = await q(`SELECT count(*)::int AS n FROM engagement_cities WHERE engagement_id = $1 AND city_id = $2`, [
            id,
            cityIds[w.participant],
          ]);
          if (n) await q(`DELETE FROM engagement_cities WHERE engagement_id = $1 AND city_id = $2`, [id, cityIds[w.participant]]);
          else await q(`INSERT INTO engagement_cities (engagement_id, city_id) VALUES ($1, $2)`, [id, cityIds[w.participant]]);
          return;
        }
        case 'engagementNew': {
          const e = w.spec;
          const [{ id }] = await q(
            `INSERT INTO engagements (title, type, hub_id, start_date, host_city_id, location_city_id, online, participants_total, participants_mayors,
               participants_officials, participants_youth, participants_women, participants_community_leaders)
             VALUES ('New', 'regional_workshop', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
            [hubIds[e.hub], dayIso(e.day), cityOrNull(e.host), cityOrNull(e.location), e.location === null, ...e.people],
          );
          for (const c of e.participating)
            await q(`INSERT INTO engagement_cities (engagement_id, city_id) VALUES ($1, $2)`, [id, cityIds[c]]);
          return;
        }
        case 'engagementDelete':
          return deletePicked('engagements', w.pick);
        case 'commitmentNew': {
          const [{ id }] = await q(
            `INSERT INTO commitments (title, kind, city_id, hub_id, target_date, status, created_at)
             VALUES ('New', 'other', $1, (SELECT hub_id FROM cities WHERE id = $1), $2, 'pledged', $3) RETURNING id`,
            [cityIds[w.city], w.target === null ? null : fromToday(w.target), new Date(BASE + w.created * DAY + 3_600_000)],
          );
          await q(`INSERT INTO commitment_status_changes (commitment_id, from_status, to_status, at) VALUES ($1, NULL, 'pledged', $2)`, [
            id,
            new Date(BASE + w.created * DAY + 23 * 3_600_000),
          ]);
          return;
        }
        case 'commitmentTransition': {
          const id = await pickId('commitments', w.pick);
          if (!id) return;
          await q(
            `INSERT INTO commitment_status_changes (commitment_id, from_status, to_status, at)
                   SELECT id, status, $2, $3 FROM commitments WHERE id = $1`,
            [id, w.status, new Date(BASE + w.day * DAY + 60_000)],
          );
          await q(`UPDATE commitments SET status = $2, version = version + 1 WHERE id = $1`, [id, w.status]);
          return;
        }
        case 'commitmentEdit': {
          const id = await pickId('commitments', w.pick);
          if (id)
            await q(
              `UPDATE commitments SET target_date = $2, city_id = $3, hub_id = (SELECT hub_id FROM cities WHERE id = $3) WHERE id = $1`,
              [id, w.target === null ? null : fromToday(w.target), cityIds[w.city]],
            );
          return;
        }
        case 'commitmentArchive':
          return toggleArchived('commitments', w.pick);
        case 'commitmentInspire': {
          const id = await pickId('commitments', w.pick);
          const engagement = await pickId('engagements', w.engagement);
          if (!id || !engagement) return;
          const [{ n }] = await q(`SELECT count(*)::int AS n FROM commitment_engagements WHERE commitment_id = $1 AND engagement_id = $2`, [
            id,
            engagement,
          ]);
          if (n) await q(`DELETE FROM commitment_engagements WHERE commitment_id = $1 AND engagement_id = $2`, [id, engagement]);
          else await q(`INSERT INTO commitment_engagements (commitment_id, engagement_id) VALUES ($1, $2)`, [id, engagement]);
          return;
        }
        case 'commitmentDelete':
          return deletePicked('commitments', w.pick);
        case 'followUpEdit': {
          const id = await pickId('follow_ups', w.pick);
          if (id)
            await q(
              `UPDATE follow_ups SET status = $2, due_date = $3,
                 archived_at = CASE WHEN $4::boolean THEN (CASE WHEN archived_at IS NULL THEN now() END) ELSE archived_at END WHERE id = $1`,
              [id, w.status, w.due === null ? null : fromToday(w.due), w.archive],
            );
          return;
        }
        case 'followUpNew': {
          const commitment = w.commitment === null ? null : await pickId('commitments', w.commitment);
          const engagement = commitment ? null : await pickId('engagements', w.engagement);
          if (!commitment && !engagement) return;
          await q(
            `INSERT INTO follow_ups (commitment_id, engagement_id, title, kind, due_date, status) VALUES ($1, $2, 'New', 'check_in', $3, 'open')`,
            [commitment, engagement, w.due === null ? null : fromToday(w.due)],
          );
          return;
        }
        case 'followUpDelete':
          return deletePicked('follow_ups', w.pick);
        case 'cityHub':
          // As the cities service moves a city: its commitments (and their follow-ups) go with it.
          await q(`UPDATE cities SET hub_id = $2 WHERE id = $1`, [cityIds[w.city], hubIds[w.hub]]);
          await q(`UPDATE commitments SET hub_id = $2 WHERE city_id = $1`, [cityIds[w.city], hubIds[w.hub]]);
          return;
      }
    });
  }

  /** Each engagement's start day and each commitment's day of achievement, read from the records. */
  async function recordDays(): Promise<{ engagementStart: Map<string, string>; achievedOn: Map<string, string> }> {
    const starts: { id: string; day: string }[] = await t.dataSource.query(
      `SELECT id, to_char(start_date, 'YYYY-MM-DD') AS day FROM engagements`,
    );
    const achieved: { id: string; day: string }[] = await t.dataSource.query(
      `SELECT commitment_id AS id, to_char(max((at AT TIME ZONE 'UTC')::date), 'YYYY-MM-DD') AS day
         FROM commitment_status_changes WHERE to_status = 'achieved' GROUP BY commitment_id`,
    );
    return { engagementStart: new Map(starts.map((r) => [r.id, r.day])), achievedOn: new Map(achieved.map((r) => [r.id, r.day])) };
  }

  async function get<T>(who: PrincipalName, path: string, params: Record<string, string> = {}): Promise<T> {
    const qs = new URLSearchParams({ ...params }).toString();
    return getOk<T>(t.http, tokens[who], `${path}${qs ? `?${qs}` : ''}`, who);
  }

  /** The list a KPI drills down to, every row of it (the data sets are small). */
  const list = <T>(who: PrincipalName, id: KpiId, filters: DashboardFilters, status?: CommitmentStatus) =>
    get<Page<T>>(who, `/api/${KPIS[id].list}`, { ...KPIS[id].drillDown(filters, status), pageSize: '200' });

  /** Every figure of the queries against its drill-down list, the rollups folded first. */
  async function check(queries: Query[], stage: string): Promise<void> {
    await t.app.get(DashboardRefresher).fold();
    const { engagementStart, achievedOn } = await recordDays();
    for (const q of queries) {
      const filters: DashboardFilters = {};
      if (q.hub !== null) filters.hubId = hubIds[q.hub];
      if (q.from !== null) filters.from = dayIso(q.from);
      if (q.length !== null) filters.to = dayIso((q.from ?? 0) + q.length);
      const summary = await get<DashboardSummary>(q.who, '/api/dashboard/summary', { ...(filters as Record<string, string>) });
      const s = summary.totals;
      const context = `${stage}: ${q.who} ${JSON.stringify(filters)}`;

      expect([context, s.activeCities]).toEqual([context, (await list(q.who, 'activeCities', filters)).total]);
      const engagements = await list<EngagementListItem>(q.who, 'engagements', filters);
      expect([context, s.engagements]).toEqual([context, engagements.total]);
      const sum = (k: keyof EngagementListItem['participants']) => engagements.items.reduce((n, e) => n + e.participants[k], 0);
      expect([context, s.participants]).toEqual([
        context,
        {
          total: sum('total'),
          mayors: sum('mayors'),
          officials: sum('officials'),
          youth: sum('youth'),
          women: sum('women'),
          communityLeaders: sum('communityLeaders'),
        },
      ]);
      expect([context, s.engagementsLedToCommitment]).toEqual([context, (await list(q.who, 'engagementsLedToCommitment', filters)).total]);
      for (const status of COMMITMENT_STATUSES) {
        expect([context, status, s.commitmentsByStatus[status]]).toEqual([
          context,
          status,
          (await list(q.who, 'commitmentsByStatus', filters, status)).total,
        ]);
      }
      const achieved = await list<CommitmentListItem>(q.who, 'commitmentsAchieved', filters);
      expect([context, s.commitmentsAchieved]).toEqual([context, achieved.total]);
      expect([context, s.commitmentsAtRisk]).toEqual([context, (await list(q.who, 'commitmentsAtRisk', filters)).total]);
      expect([context, s.followUpsOverdue]).toEqual([context, (await list(q.who, 'followUpsOverdue', filters)).total]);

      // The median, recomputed from the drill-down list and the data set.
      const days = achieved.items
        .map((c) => {
          const starts = c.inspiredByEngagementIds
            .map((id) => engagementStart.get(id))
            .filter((d): d is string => !!d)
            .sort();
          const on = achievedOn.get(c.id);
          return starts.length && on ? (Date.parse(on) - Date.parse(starts[0])) / DAY : null;
        })
        .filter((d): d is number => d !== null)
        .sort((a, b) => a - b);
      const median = days.length
        ? days.length % 2
          ? days[(days.length - 1) / 2]
          : (days[days.length / 2 - 1] + days[days.length / 2]) / 2
        : null;
      expect([context, s.medianDaysToAchievement]).toEqual([context, median]);

      // Per hub, side by side: the hubs' figures add up to the network's.
      if (!filters.hubId) {
        const add = (k: 'engagements' | 'activeCities' | 'followUpsOverdue' | 'commitmentsAtRisk') =>
          summary.byHub.reduce((n, h) => n + h[k], 0);
        expect([context, add('engagements'), add('activeCities'), add('followUpsOverdue'), add('commitmentsAtRisk')]).toEqual([
          context,
          s.engagements,
          s.activeCities,
          s.followUpsOverdue,
          s.commitmentsAtRisk,
        ]);
      }
    }
  }

  it('holds for random data sets and write sequences, callers, hubs and date ranges, without a whole rebuild', async () => {
    const refresher = t.app.get(DashboardRefresher);
    const rebuild = jest.spyOn(refresher, 'refresh');
    await fc.assert(
      fc.asyncProperty(
        dataSetArb,
        fc.array(mutationArb, { minLength: 1, maxLength: 8 }),
        fc.array(queryArb, { minLength: 1, maxLength: 3 }),
        async (data, writes, queries) => {
          await load(data);
          await check(queries, 'data set');
          for (const w of writes) await mutate(w);
          await check(queries, `after ${writes.map((w) => w.kind).join(', ')}`);
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 40), endOnFailure: true },
    );
    expect(rebuild).not.toHaveBeenCalled();
  }, 600_000);
});
