import { createTestApp, type TestApp } from '../../../test/test-app';
import { DEMO_CITIES, DEMO_COMMITMENTS, DEMO_FOLLOW_UPS, DEMO_HUBS, DEMO_OUTCOMES } from './demo-data';
import { DEMO_USERS } from './demo-sign-ins';

describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: true, docs: false });
  });
  afterAll(() => t?.close());

  const count = async (table: string) => Number((await t.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('loads every record of the demo set', async () => {
    expect(await count('hubs')).toBe(DEMO_HUBS.length);
    expect(await count('cities')).toBe(DEMO_CITIES.length);
    expect(await count('users')).toBe(DEMO_USERS.length);
    expect(await count('commitments')).toBe(DEMO_COMMITMENTS.length);
    expect(await count('follow_ups')).toBe(DEMO_FOLLOW_UPS.length);
    expect(await count('outcomes')).toBe(DEMO_OUTCOMES.length);
    expect(await count('engagements')).toBeGreaterThan(100);
  });

  it('has engagements in every month of 2023 for the trend charts', async () => {
    const rows = await t.dataSource.query(
      `SELECT count(DISTINCT date_trunc('month', start_date)) AS n FROM engagements WHERE start_date BETWEEN '2023-01-01' AND '2023-12-31'`,
    );
    expect(Number(rows[0].n)).toBe(12);
  });

  const peerEdges = () =>
    t.dataSource.query(
      `SELECT DISTINCT host.name AS "from", c.name AS "to"
         FROM commitments cm
         JOIN cities c ON c.id = cm.city_id
         JOIN commitment_engagements ce ON ce.commitment_id = cm.id
         JOIN engagements e ON e.id = ce.engagement_id
         JOIN cities host ON host.id = e.host_city_id
        WHERE host.id <> c.id`,
    );

  it('links Cape Town to Nansana and Kumanovo to Danilovgrad through inspired-by engagements', async () => {
    const edges = await peerEdges();
    expect(edges).toEqual(
      expect.arrayContaining([
        { from: 'Cape Town', to: 'Nansana' },
        { from: 'Kumanovo', to: 'Danilovgrad' },
      ]),
    );
  });

  it('tells Nansana trained 150 people, with overdue and done follow-ups relative to 2026-11-25', async () => {
    const [trained] = await t.dataSource.query(
      `SELECT o.value FROM outcomes o JOIN cities c ON c.id = o.city_id WHERE c.name = 'Nansana' AND o.type = 'people_trained'`,
    );
    expect(trained.value).toBe(150);
    const [f] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'open' AND due_date < '2026-11-25') AS overdue,
              count(*) FILTER (WHERE status = 'done') AS done FROM follow_ups`,
    );
    expect(Number(f.overdue)).toBeGreaterThanOrEqual(3);
    expect(Number(f.done)).toBeGreaterThanOrEqual(3);
  });

  it('stores only argon2id hashes and gives liaisons and managers their scope', async () => {
    const users = await t.dataSource.query(`SELECT email, password_hash FROM users`);
    for (const u of users) expect(u.password_hash).toMatch(/^\$argon2id\$/);
    const [scope] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM city_liaisons) AS liaisons, (SELECT count(*) FROM user_hubs) AS managers`,
    );
    expect(Number(scope.liaisons)).toBeGreaterThanOrEqual(6);
    expect(Number(scope.managers)).toBe(5);
  });
});
