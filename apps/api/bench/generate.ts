import type { Client } from 'pg';

/**
 * A synthetic network generated inside PostgreSQL with set-based SQL (generate_series, one INSERT …
 * SELECT per table; no row-by-row inserts). At scale 1: 2,000 cities, 1,000,000 engagements,
 * 200,000 commitments, 500,000 follow-ups, 150,000 outcomes.
 *
 * Skew: a city is picked as floor(N · u²) for uniform u, so city #0 gets ~2 % of all picks, the
 * busiest 1 % of cities ~10 %, the busiest 10 % ~32 %, and most cities are quiet. Activity grows
 * over time (dates drawn as √u over 2019-01-01 … 2026-11-24).
 */
export interface BenchSizes {
  cities: number;
  engagements: number;
  commitments: number;
  followUps: number;
  outcomes: number;
  users: number;
}

export function sizesFor(scale: number): BenchSizes {
  const n = (base: number, min: number) => Math.max(min, Math.round(base * scale));
  return {
    cities: n(2_000, 20),
    engagements: n(1_000_000, 200),
    commitments: n(200_000, 50),
    followUps: n(500_000, 100),
    outcomes: n(150_000, 30),
    users: n(200, 10),
  };
}

/** The tables the generator fills, in load order (parents first). */
export const BENCH_TABLES = [
  'hubs',
  'users',
  'cities',
  'engagements',
  'engagement_cities',
  'commitments',
  'commitment_engagements',
  'commitment_status_changes',
  'follow_ups',
  'outcomes',
] as const;

/**
 * Columns the database derives from other rows (kept by triggers): left out of the COPY files and
 * filled again after a load, so data generated before such a column existed still loads.
 */
export const DERIVED_COLUMNS: Partial<Record<(typeof BENCH_TABLES)[number], string[]>> = { follow_ups: ['hub_id'] };

/** A bench table's columns in the COPY files, in table order (`"a", "b"`). */
export async function copyColumns(db: Pick<Client, 'query'>, table: (typeof BENCH_TABLES)[number]): Promise<string> {
  const derived = DERIVED_COLUMNS[table] ?? [];
  const { rows } = await db.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
    [table],
  );
  return rows
    .map((r) => r.name)
    .filter((n) => !derived.includes(n))
    .map((n) => `"${n}"`)
    .join(', ');
}

const HUBS: [string, string, [number, number, number, number]][] = [
  // code, name, [lat min, lat max, lon min, lon max]
  ['esa', 'East & Southern Africa', [-34, 4, 18, 42]],
  ['mena', 'Middle East & North Africa', [20, 37, -8, 48]],
  ['south-asia', 'South Asia', [6, 30, 68, 92]],
  ['balkans', 'Western Balkans', [40, 46, 14, 23]],
  ['europe', 'Europe & North America', [36, 58, -10, 28]],
];

const TODAY = `date '2026-11-24'`;
const DAYS = 2884; // 2019-01-01 … 2026-11-24

export async function generate(db: Client, sizes: BenchSizes, log: (m: string) => void): Promise<void> {
  const { cities: N, engagements: E, commitments: C, followUps: F, outcomes: O, users: U } = sizes;
  const step = async (what: string, sql: string) => {
    const t = Date.now();
    const r = await db.query(sql);
    log(`  ${what}: ${r.rowCount ?? ''} rows in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  await db.query(`SET synchronous_commit = off`);
  // Triggers (dashboard NOTIFY) and foreign keys are not needed while the generator writes consistent data.
  await db.query(`SET session_replication_role = replica`);

  await step('hubs', `INSERT INTO hubs (code, name) VALUES ${HUBS.map(([c, n]) => `('${c}', '${n.replace(/'/g, "''")}')`).join(', ')}`);
  await db.query(`CREATE UNLOGGED TABLE bench_hub AS
    SELECT (row_number() OVER (ORDER BY code) - 1)::int AS idx, id, code FROM hubs`);
  await step(
    'users',
    `INSERT INTO users (email, name, role, password_hash)
     SELECT 'owner-' || g || '@bench.test', 'Owner ' || g, CASE WHEN g % 4 = 0 THEN 'hub_manager' ELSE 'city_liaison' END, 'not-a-hash'
       FROM generate_series(0, ${U - 1}) g`,
  );
  await db.query(`CREATE UNLOGGED TABLE bench_user AS
    SELECT (row_number() OVER (ORDER BY email) - 1)::int AS idx, id FROM users WHERE email LIKE '%@bench.test'`);

  const box = (i: number) => HUBS.slice().sort((a, b) => a[0].localeCompare(b[0]))[i][2];
  const boxCase = (k: number) => `CASE h.idx ${[0, 1, 2, 3, 4].map((i) => `WHEN ${i} THEN ${box(i)[k]}`).join(' ')} END`;
  await db.query(`CREATE UNLOGGED TABLE bench_city AS
    SELECT g AS idx, gen_random_uuid() AS id, h.id AS hub_id, h.idx AS hub_idx,
      ${boxCase(0)} + random() * (${boxCase(1)} - ${boxCase(0)}) AS lat,
      ${boxCase(2)} + random() * (${boxCase(3)} - ${boxCase(2)}) AS lon
    FROM generate_series(0, ${N - 1}) g JOIN bench_hub h ON h.idx = g % 5`);
  await db.query(`CREATE UNIQUE INDEX ON bench_city (idx)`);
  await step(
    'cities',
    `INSERT INTO cities (id, name, country_code, hub_id, kind, membership_status, member_since, latitude, longitude)
     SELECT id, 'City ' || idx, (ARRAY['KE','UG','ZA','MA','IQ','BD','LK','MK','ME','FR','US','BE'])[1 + idx % 12], hub_id,
            (ARRAY['city','municipality','urban_council','region'])[1 + idx % 4], (ARRAY['member','joining','engaged'])[1 + idx % 3],
            CASE WHEN idx % 3 = 0 THEN date '2016-01-01' + (idx % 3000) END, lat, lon
       FROM bench_city`,
  );

  await db.query(`CREATE UNLOGGED TABLE bench_eng AS
    SELECT x.g AS idx, gen_random_uuid() AS id, c.id AS host_id, c.hub_id, x.d AS start_date, x.online
      FROM (SELECT g, floor(${N} * random() ^ 2)::int AS ci, date '2019-01-01' + floor(${DAYS} * sqrt(random()))::int AS d,
                   random() < 0.15 AS online
              FROM generate_series(0, ${E - 1}) g) x
      JOIN bench_city c ON c.idx = x.ci`);
  await db.query(`CREATE UNIQUE INDEX ON bench_eng (idx)`);
  await step(
    'engagements',
    `INSERT INTO engagements (id, title, type, hub_id, start_date, end_date, location_city_id, online, host_city_id,
        participants_total, participants_mayors, participants_officials, participants_youth, participants_women, participants_community_leaders)
     SELECT id, 'Engagement ' || idx,
            (ARRAY['regional_workshop','learning_visit','summit','roundtable','national_local_dialogue','transatlantic_dialogue','webinar',
                   'technical_assistance','training','grant','youth_programme','other'])[1 + idx % 12],
            hub_id, start_date, start_date + idx % 3, CASE WHEN online THEN NULL ELSE host_id END, online, CASE WHEN online THEN NULL ELSE host_id END,
            idx % 7 + (idx * 7) % 10 + (idx * 13) % 40 + (idx * 17) % 30 + (idx * 11) % 35 + (idx * 5) % 15,
            (idx * 7) % 10, (idx * 13) % 40, (idx * 17) % 30, (idx * 11) % 35, (idx * 5) % 15
       FROM bench_eng`,
  );
  await step(
    'engagement_cities',
    `INSERT INTO engagement_cities (engagement_id, city_id)
     SELECT DISTINCT x.eid, c.id
       FROM (SELECT e.id AS eid, floor(${N} * random() ^ 2)::int AS ci FROM bench_eng e CROSS JOIN LATERAL generate_series(1, e.idx % 4) k) x
       JOIN bench_city c ON c.idx = x.ci`,
  );

  await db.query(`CREATE UNLOGGED TABLE bench_com AS
    SELECT x.g AS idx, gen_random_uuid() AS id, e.id AS eng_id, c.id AS city_id, c.hub_id,
           least(e.start_date + 7 + floor(random() * 120)::int, ${TODAY}) AS created_on,
           CASE WHEN x.r < 0.20 THEN 'pledged' WHEN x.r < 0.55 THEN 'in_progress' WHEN x.r < 0.65 THEN 'stalled'
                WHEN x.r < 0.90 THEN 'achieved' ELSE 'cancelled' END AS status,
           floor(random() * 540)::int AS later, x.second
      FROM (SELECT g, floor(${E} * random())::int AS ei, floor(${N} * random() ^ 2)::int AS ci, random() AS r,
                   CASE WHEN random() < 0.3 THEN floor(${E} * random())::int END AS second
              FROM generate_series(0, ${C - 1}) g) x
      JOIN bench_eng e ON e.idx = x.ei JOIN bench_city c ON c.idx = x.ci`);
  await db.query(`CREATE UNIQUE INDEX ON bench_com (idx)`);
  await step(
    'commitments',
    `INSERT INTO commitments (id, title, kind, city_id, hub_id, owner_id, target_date, progress, status, created_at)
     SELECT b.id, 'Commitment ' || b.idx,
            (ARRAY['local_safety_council','prevention_committee','neighbourhood_watch','youth_council','strategy_or_plan','agenda_item',
                   'remembrance','peer_learning_host','partnership','other'])[1 + b.idx % 10],
            b.city_id, b.hub_id, u.id, b.created_on + 120 + b.idx % 600,
            CASE b.status WHEN 'achieved' THEN 100 WHEN 'pledged' THEN 0 ELSE b.idx % 90 END, b.status,
            (b.created_on + time '10:00') AT TIME ZONE 'UTC'
       FROM bench_com b JOIN bench_user u ON u.idx = b.idx % ${U}`,
  );
  await step(
    'commitment_engagements',
    `INSERT INTO commitment_engagements (commitment_id, engagement_id)
     SELECT id, eng_id FROM bench_com
     UNION SELECT b.id, e.id FROM bench_com b JOIN bench_eng e ON e.idx = b.second`,
  );
  const at = (day: string) => `(least(${day}, ${TODAY}) + time '12:00') AT TIME ZONE 'UTC'`;
  await step(
    'commitment_status_changes',
    `INSERT INTO commitment_status_changes (commitment_id, from_status, to_status, at)
     SELECT id, NULL, 'pledged', ${at('created_on')} FROM bench_com
     UNION ALL SELECT id, 'pledged', 'in_progress', ${at('created_on + 30')} FROM bench_com WHERE status IN ('in_progress', 'stalled', 'achieved')
     UNION ALL SELECT id, 'in_progress', 'stalled', ${at('created_on + 90 + later / 4')} FROM bench_com WHERE status = 'stalled'
     UNION ALL SELECT id, 'in_progress', 'achieved', ${at('created_on + 60 + later')} FROM bench_com WHERE status = 'achieved'
     UNION ALL SELECT id, 'pledged', 'cancelled', ${at('created_on + 45')} FROM bench_com WHERE status = 'cancelled'`,
  );
  await step(
    'follow_ups',
    `INSERT INTO follow_ups (commitment_id, engagement_id, hub_id, title, kind, owner_id, due_date, status, completed_at)
     SELECT CASE WHEN x.r < 0.8 THEN b.id END, CASE WHEN x.r >= 0.8 THEN e.id END, CASE WHEN x.r < 0.8 THEN b.hub_id ELSE e.hub_id END,
            'Follow-up ' || x.g,
            (ARRAY['technical_assistance','training','check_in','workshop','peer_introduction','other'])[1 + x.g % 6], u.id, x.due,
            CASE WHEN x.due >= ${TODAY} THEN (CASE WHEN x.s < 0.85 THEN 'open' ELSE 'done' END)
                 ELSE (CASE WHEN x.s < 0.15 THEN 'open' WHEN x.s < 0.9 THEN 'done' ELSE 'cancelled' END) END,
            CASE WHEN (x.due >= ${TODAY} AND x.s >= 0.85) OR (x.due < ${TODAY} AND x.s >= 0.15 AND x.s < 0.9)
                 THEN (least(x.due, ${TODAY}) + time '09:00') AT TIME ZONE 'UTC' END
       FROM (SELECT g, random() AS r, floor(${C} * random())::int AS ci, floor(${E} * random())::int AS ei,
                    date '2019-03-01' + floor(${DAYS + 120} * sqrt(random()))::int AS due, random() AS s
               FROM generate_series(0, ${F - 1}) g) x
       JOIN bench_com b ON b.idx = x.ci JOIN bench_eng e ON e.idx = x.ei JOIN bench_user u ON u.idx = x.g % ${U}`,
  );
  await step(
    'outcomes',
    `INSERT INTO outcomes (commitment_id, city_id, date, type, value, unit, description)
     SELECT b.id, b.city_id, least(b.created_on + 30 + x.g % 400, ${TODAY}),
            (ARRAY['institution_created','policy_adopted','people_trained','cities_joined','national_policy_change','youth_engaged','other'])[1 + x.g % 7],
            CASE WHEN x.g % 3 = 0 THEN 10 + x.g % 190 END, CASE WHEN x.g % 3 = 0 THEN 'people' END, 'Outcome ' || x.g
       FROM (SELECT g, floor(${C} * random())::int AS ci FROM generate_series(0, ${O - 1}) g) x JOIN bench_com b ON b.idx = x.ci`,
  );
  for (const t of ['bench_hub', 'bench_user', 'bench_city', 'bench_eng', 'bench_com']) await db.query(`DROP TABLE ${t}`);
  await db.query(`SET session_replication_role = DEFAULT`);
}
