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
 * liaison of one city, a liaison of two cities in two hubs), hubs and date ranges, on real PostgreSQL
 * with the rollups rebuilt after each data set.
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

const PRINCIPALS = ['leadership', 'managerHub0', 'liaisonOneCity', 'liaisonTwoCities'] as const;
type PrincipalName = (typeof PRINCIPALS)[number];
const queryArb = fc.record({
  who: fc.constantFrom(...PRINCIPALS),
  hub: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
  from: fc.option(fc.integer({ min: -10, max: 130 }), { nil: null }),
  length: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
});

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

  async function load(data: DataSet): Promise<{ engagementStart: Map<string, string>; achievedOn: Map<string, string> }> {
    const engagementStart = new Map<string, string>();
    const achievedOn = new Map<string, string>();
    // TRUNCATE is the owner's: the app role has row rights only.
    await (
      await t.ownerDataSource()
    ).transaction(async (m) => {
      await m.query(
        `TRUNCATE engagements, engagement_cities, commitments, commitment_engagements, commitment_status_changes, follow_ups CASCADE`,
      );
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
        engagementStart.set(id, dayIso(e.day));
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
          if (to === 'achieved') achievedOn.set(id, dayIso(day));
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
    await t.app.get(DashboardRefresher).refresh();
    return { engagementStart, achievedOn };
  }

  async function get<T>(who: PrincipalName, path: string, params: Record<string, string> = {}): Promise<T> {
    const qs = new URLSearchParams({ ...params }).toString();
    return getOk<T>(t.http, tokens[who], `${path}${qs ? `?${qs}` : ''}`, who);
  }

  /** The list a KPI drills down to, every row of it (the data sets are small). */
  const list = <T>(who: PrincipalName, id: KpiId, filters: DashboardFilters, status?: CommitmentStatus) =>
    get<Page<T>>(who, `/api/${KPIS[id].list}`, { ...KPIS[id].drillDown(filters, status), pageSize: '200' });

  it('holds for random data sets, callers, hubs and date ranges', async () => {
    await fc.assert(
      fc.asyncProperty(dataSetArb, fc.array(queryArb, { minLength: 1, maxLength: 3 }), async (data, queries) => {
        const { engagementStart, achievedOn } = await load(data);
        for (const q of queries) {
          const filters: DashboardFilters = {};
          if (q.hub !== null) filters.hubId = hubIds[q.hub];
          if (q.from !== null) filters.from = dayIso(q.from);
          if (q.length !== null) filters.to = dayIso((q.from ?? 0) + q.length);
          const summary = await get<DashboardSummary>(q.who, '/api/dashboard/summary', { ...(filters as Record<string, string>) });
          const s = summary.totals;
          const context = `${q.who} ${JSON.stringify(filters)}`;

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
          expect([context, s.engagementsLedToCommitment]).toEqual([
            context,
            (await list(q.who, 'engagementsLedToCommitment', filters)).total,
          ]);
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
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 40), endOnFailure: true },
    );
  }, 300_000);
});
