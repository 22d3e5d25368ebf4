import type { DashboardSummary, LoginResponse } from '@impact/contracts';
import { DashboardRefresher } from '../src/dashboard/dashboard-refresher';
import { DashboardRollupsRepository } from '../src/dashboard/dashboard-rollups.repository';
import { demoSignIn } from './demo-sign-in';
import { createTestApp, type TestApp } from './test-app';

// Two API processes behind one proxy share nothing but the database: whatever one knows (sessions,
// records, versions, the dashboard's rollups) the other must know too. The limits and the jobs have
// their own two-instance cases (login-limit, jobs, reminders-schedule).

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

describe('two API instances on one database', () => {
  let a: TestApp;
  let b: TestApp;
  let session: LoginResponse;
  const bearer = () => ({ Authorization: `Bearer ${session.accessToken}` });

  beforeAll(async () => {
    a = await createTestApp({ demo: true });
    b = await createTestApp({ databaseUrl: a.databaseUrl, migrationUrl: a.ownerUrl });
    session = await demoSignIn(a.http, 'esa.manager@impact.test');
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('give the same answers to the same session: lists, a record, the dashboard and the search', async () => {
    const paths = [
      '/api/commitments?status=in_progress&sort=targetDate:asc&pageSize=50',
      '/api/engagements?pageSize=20',
      '/api/follow-ups?overdue=true',
      '/api/dashboard/summary',
      '/api/search?q=nansana',
    ];
    for (const path of paths) {
      const [onA, onB] = await Promise.all([a.http.get(path).set(bearer()), b.http.get(path).set(bearer())]);
      expect([path, onA.status]).toEqual([path, 200]);
      expect(onB.status).toBe(200);
      expect(onB.body).toEqual(onA.body);
    }
    const first = (await a.http.get('/api/commitments?pageSize=1').set(bearer()).expect(200)).body.items[0] as { id: string };
    const one = await b.http.get(`/api/commitments/${first.id}`).set(bearer()).expect(200);
    expect(one.body).toEqual((await a.http.get(`/api/commitments/${first.id}`).set(bearer()).expect(200)).body);
  });

  it('share sessions: a refresh token spent on one is spent on the other, and a sign-out ends the session on both', async () => {
    const mine = await demoSignIn(b.http, 'nansana.liaison@impact.test');
    const renewed = (await a.http.post('/api/auth/refresh').send({ refreshToken: mine.refreshToken }).expect(200)).body as LoginResponse;
    const token = renewed.accessToken;
    await b.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    await b.http.post('/api/auth/logout').set('Authorization', `Bearer ${token}`).send({}).expect(204);
    await a.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    // The spent token, presented to the instance that did not take it, is refused all the same.
    await b.http.post('/api/auth/refresh').send({ refreshToken: mine.refreshToken }).expect(401);
  });

  it('see each other’s writes at once, and a stale edit through one is refused by the other', async () => {
    const list = (
      await a.http.get(`/api/commitments?pageSize=1&status=in_progress&hubId=${session.user.hubIds[0]}`).set(bearer()).expect(200)
    ).body.items[0] as {
      id: string;
      version: number;
    };
    const saved = await a.http.patch(`/api/commitments/${list.id}`).set(bearer()).send({ version: list.version, progress: 61 }).expect(200);
    const seen = await b.http.get(`/api/commitments/${list.id}`).set(bearer()).expect(200);
    expect(seen.body).toMatchObject({ progress: 61, version: saved.body.version });
    const stale = await b.http.patch(`/api/commitments/${list.id}`).set(bearer()).send({ version: list.version, progress: 62 }).expect(409);
    expect(stale.body.message).toBeTruthy();
    expect((await a.http.get(`/api/commitments/${list.id}`).set(bearer()).expect(200)).body).toMatchObject({ progress: 61 });
  });

  it('fold a change into the dashboard once, not once per instance, and both show the new figures', async () => {
    const refreshers = [a, b].map((t) => t.app.get(DashboardRefresher));
    // Whatever the start-up passes and the earlier tests' writes left to fold is folded first.
    await Promise.all(refreshers.map((r) => r.idle()));
    await Promise.all(refreshers.map((r) => r.fold()));
    const folded: Record<string, number>[] = [];
    for (const t of [a, b]) {
      const rollups = t.app.get(DashboardRollupsRepository);
      const real = rollups.fold.bind(rollups);
      jest.spyOn(rollups, 'fold').mockImplementation(async (m) => {
        const result = await real(m);
        folded.push(result);
        return result;
      });
    }
    const lead = await demoSignIn(a.http, 'leadership@impact.test');
    const summary = async (t: TestApp) =>
      (
        await t.http
          .get('/api/dashboard/summary?from=2026-01-01&to=2026-12-31')
          .set('Authorization', `Bearer ${lead.accessToken}`)
          .expect(200)
      ).body as DashboardSummary;
    const before = await summary(b);
    const hubId = (await a.http.get('/api/hubs').set(bearer()).expect(200)).body.find((h: { code: string }) => h.code === 'esa').id;
    await a.http
      .post('/api/engagements')
      .set(bearer())
      .send({ title: 'Two-instance freshness check', type: 'webinar', hubId, startDate: '2026-06-01', online: true })
      .expect(201);

    let after = [before, before];
    for (let i = 0; i < 60 && after.some((s) => s.totals.engagements === before.totals.engagements); i++) {
      await sleep(250);
      after = await Promise.all([summary(a), summary(b)]);
    }
    expect(after.map((s) => s.totals.engagements)).toEqual([before.totals.engagements + 1, before.totals.engagements + 1]);
    // Both instances heard the change; let the slower one's quiet moment pass and its turn end.
    await sleep(3_000);
    await Promise.all(refreshers.map((r) => r.idle()));
    // Both instances folded after the change; the new engagement's day of its hub was folded exactly
    // once, by one or the other (the first fold takes the keys it folds).
    expect(folded.length).toBeGreaterThanOrEqual(2);
    expect(folded.reduce((n, f) => n + (f['dashboard_engagement_days'] ?? 0), 0)).toBe(1);
  }, 60_000);
});
