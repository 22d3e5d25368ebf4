import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard's rollups become plain tables of the same names and columns, kept up to date key by
 * key instead of rebuilt whole (a REFRESH of every view cost tens of seconds of database time per write
 * at network scale).
 *
 * - Statement-level AFTER triggers with transition tables note, in the writing transaction, which keys
 *   of which rollup the written rows touch (`dashboard_dirty`): a hub and a day, a city and a day, a hub,
 *   status and target date, a commitment. A key with no day (a city whose records were deleted) means
 *   every day of it. TRUNCATE notes "everything".
 * - `fold_dashboard_rollups()` (the owner's, SECURITY DEFINER, the app may only call it) takes the noted
 *   keys, deletes the rollup rows of those keys and inserts the rollup's own SELECT restricted to them,
 *   in one transaction under the same advisory lock as a rebuild. It returns how many keys it folded per
 *   rollup. A key noted while it runs stays for the next fold.
 * - `refresh_dashboard_rollup(name)` keeps its name and its right: it rebuilds one rollup whole (the
 *   same SELECT without the key restriction), for a never-built database and the rare safety pass.
 *
 * Each rollup's SELECT below is written once and used both ways (whole and restricted to keys), and
 * counts exactly what the materialized view it replaces counted. The open follow-ups per hub use the
 * follow-up's own hub column, which the database keeps equal to its commitment's (else engagement's) hub.
 */

type Rollup =
  | 'dashboard_engagement_days'
  | 'dashboard_city_activity'
  | 'dashboard_commitment_status'
  | 'dashboard_commitment_days'
  | 'dashboard_achievements'
  | 'dashboard_follow_up_due'
  | 'dashboard_city_follow_up_due';

/** The key kind each rollup is folded by, as noted in dashboard_dirty.rollup. */
const KEY: Record<Rollup, string> = {
  dashboard_engagement_days: 'ed',
  dashboard_city_activity: 'ca',
  dashboard_commitment_status: 'cs',
  dashboard_commitment_days: 'cd',
  dashboard_achievements: 'ac',
  dashboard_follow_up_due: 'fd',
  dashboard_city_follow_up_due: 'cf',
};
const ROLLUPS = Object.keys(KEY) as Rollup[];

const OPEN_DUE = `f.archived_at IS NULL AND f.status = 'open' AND f.due_date IS NOT NULL`;
const UTC_DAY = (col: string) => `(${col} AT TIME ZONE 'UTC')::date`;
/** The keys of one kind being folded (distinct): a = uuid, d = date, s = text. */
const keys = (kind: string, cols = 'a, d') => `(SELECT DISTINCT ${cols} FROM dashboard_folding WHERE rollup = '${kind}')`;

/** A rollup's SELECT: whole (`keyed` false) or only the rows of the keys being folded. */
function rollupSelect(view: Rollup, keyed: boolean): string {
  switch (view) {
    case 'dashboard_engagement_days':
      return `SELECT e.hub_id, e.start_date AS day, count(*)::int AS engagements,
        sum(e.participants_total)::bigint AS participants_total, sum(e.participants_mayors)::bigint AS participants_mayors,
        sum(e.participants_officials)::bigint AS participants_officials, sum(e.participants_youth)::bigint AS participants_youth,
        sum(e.participants_women)::bigint AS participants_women, sum(e.participants_community_leaders)::bigint AS participants_community_leaders,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM commitment_engagements ce JOIN commitments c ON c.id = ce.commitment_id
                                        WHERE ce.engagement_id = e.id AND c.archived_at IS NULL))::int AS led_to_commitment
      FROM ${keyed ? `${keys('ed')} k JOIN engagements e ON e.hub_id = k.a AND e.start_date = k.d` : 'engagements e'}
      WHERE e.archived_at IS NULL GROUP BY e.hub_id, e.start_date`;

    case 'dashboard_city_activity': {
      const columns = `e.id, e.hub_id, e.start_date, e.participants_total, e.participants_mayors, e.participants_officials,
        e.participants_youth, e.participants_women, e.participants_community_leaders`;
      const led = `EXISTS (SELECT 1 FROM commitment_engagements ce JOIN commitments c ON c.id = ce.commitment_id
                            WHERE ce.engagement_id = l.id AND c.archived_at IS NULL)`;
      const totals = `count(*)::int AS engagements,
             sum(l.participants_total)::bigint AS participants_total, sum(l.participants_mayors)::bigint AS participants_mayors,
             sum(l.participants_officials)::bigint AS participants_officials, sum(l.participants_youth)::bigint AS participants_youth,
             sum(l.participants_women)::bigint AS participants_women, sum(l.participants_community_leaders)::bigint AS participants_community_leaders,
             count(*) FILTER (WHERE ${led})::int AS led_to_commitment`;
      const statusDays = `SELECT DISTINCT c.city_id, ${UTC_DAY('s.at')}, NULL::uuid, 0, 0, 0, 0, 0, 0, 0, 0
        FROM commitment_status_changes s JOIN commitments c ON c.id = s.commitment_id`;
      if (!keyed) {
        // The live engagements concerning each city (host, place or participant, each counted once).
        return `WITH concerns AS (
          SELECT host_city_id AS city_id, id AS engagement_id FROM engagements WHERE archived_at IS NULL AND host_city_id IS NOT NULL
          UNION SELECT location_city_id, id FROM engagements WHERE archived_at IS NULL AND location_city_id IS NOT NULL
          UNION SELECT city_id, engagement_id FROM engagement_cities)
        SELECT k.city_id, l.start_date AS day, l.hub_id, ${totals}
          FROM concerns k JOIN engagements l ON l.id = k.engagement_id WHERE l.archived_at IS NULL
         GROUP BY k.city_id, l.start_date, l.hub_id
        UNION ALL
        ${statusDays} WHERE c.archived_at IS NULL`;
      }
      // A key with a day starts from that day's engagements (an index range, whatever the city's size);
      // a key without one (every day of a city) from the city's engagements. Each key's city is read once
      // for its status changes.
      return `WITH k AS ${keys('ca')},
      concerns AS (
        SELECT k.a AS city_id, ${columns}
          FROM k CROSS JOIN LATERAL (SELECT ${columns}, e.host_city_id, e.location_city_id FROM engagements e WHERE e.start_date = k.d AND e.archived_at IS NULL OFFSET 0) e
         WHERE k.d IS NOT NULL AND (e.host_city_id = k.a OR e.location_city_id = k.a
                OR EXISTS (SELECT 1 FROM engagement_cities ec WHERE ec.engagement_id = e.id AND ec.city_id = k.a))
        UNION SELECT k.a, ${columns} FROM k JOIN engagements e ON e.host_city_id = k.a WHERE k.d IS NULL AND e.archived_at IS NULL
        UNION SELECT k.a, ${columns} FROM k JOIN engagements e ON e.location_city_id = k.a WHERE k.d IS NULL AND e.archived_at IS NULL
        UNION SELECT k.a, ${columns} FROM k JOIN engagement_cities ec ON ec.city_id = k.a JOIN engagements e ON e.id = ec.engagement_id
         WHERE k.d IS NULL AND e.archived_at IS NULL),
      key_cities AS (SELECT a, array_agg(d) AS days, bool_or(d IS NULL) AS every_day FROM k GROUP BY a)
      SELECT l.city_id, l.start_date AS day, l.hub_id, ${totals}
        FROM concerns l GROUP BY l.city_id, l.start_date, l.hub_id
      UNION ALL
      ${statusDays} JOIN key_cities kc ON kc.a = c.city_id
       WHERE c.archived_at IS NULL AND (kc.every_day OR ${UTC_DAY('s.at')} = ANY (kc.days))`;
    }

    case 'dashboard_commitment_status':
      // Only "at risk" needs the target date: pledged and in progress keep it, the other statuses do not.
      return `SELECT c.hub_id, c.status, CASE WHEN c.status IN ('pledged', 'in_progress') THEN c.target_date END AS target_date, count(*)::int AS commitments
        FROM ${
          keyed
            ? `${keys('cs', 'a, s, d')} k JOIN commitments c ON c.hub_id = k.a AND c.status = k.s
                 AND (CASE WHEN c.status IN ('pledged', 'in_progress') THEN c.target_date END) IS NOT DISTINCT FROM k.d`
            : 'commitments c'
        }
       WHERE c.archived_at IS NULL GROUP BY 1, 2, 3`;

    case 'dashboard_commitment_days':
      return `SELECT c.hub_id, ${UTC_DAY('c.created_at')} AS day, count(*)::int AS commitments
        FROM ${
          keyed
            ? `${keys('cd')} k JOIN commitments c ON c.hub_id = k.a
                 AND c.created_at >= (k.d::timestamp AT TIME ZONE 'UTC') AND c.created_at < ((k.d + 1)::timestamp AT TIME ZONE 'UTC')`
            : 'commitments c'
        }
       WHERE c.archived_at IS NULL GROUP BY 1, 2`;

    case 'dashboard_achievements':
      return `SELECT a.*, (a.achieved_on - a.first_engagement_on) AS days FROM (
        SELECT c.id AS commitment_id, c.hub_id, c.city_id,
          (SELECT max(${UTC_DAY('s.at')}) FROM commitment_status_changes s WHERE s.commitment_id = c.id AND s.to_status = 'achieved') AS achieved_on,
          (SELECT min(e.start_date) FROM commitment_engagements ce JOIN engagements e ON e.id = ce.engagement_id WHERE ce.commitment_id = c.id) AS first_engagement_on
          FROM commitments c WHERE c.archived_at IS NULL AND c.status = 'achieved'
          ${keyed ? `AND c.id IN (SELECT a FROM dashboard_folding WHERE rollup = 'ac')` : ''}) a`;

    case 'dashboard_follow_up_due':
      return `SELECT f.hub_id, f.due_date, count(*)::int AS follow_ups
        FROM ${keyed ? `${keys('fd')} k JOIN follow_ups f ON f.hub_id = k.a AND f.due_date = k.d` : 'follow_ups f'}
       WHERE ${OPEN_DUE} GROUP BY 1, 2`;

    case 'dashboard_city_follow_up_due': {
      if (!keyed) {
        return `SELECT x.city_id, x.hub_id, x.due_date, count(*)::int AS follow_ups FROM (
          SELECT c.city_id, c.hub_id, f.due_date, f.id
            FROM follow_ups f JOIN commitments c ON c.id = f.commitment_id
           WHERE ${OPEN_DUE}
          UNION
          SELECT k.city_id, e.hub_id, f.due_date, f.id
            FROM follow_ups f JOIN engagements e ON e.id = f.engagement_id
            CROSS JOIN LATERAL (SELECT e.host_city_id AS city_id UNION SELECT e.location_city_id
                                UNION SELECT ec.city_id FROM engagement_cities ec WHERE ec.engagement_id = e.id) k
           WHERE f.commitment_id IS NULL AND ${OPEN_DUE} AND k.city_id IS NOT NULL
        ) x GROUP BY x.city_id, x.hub_id, x.due_date`;
      }
      // A key with a due date starts from that day's open follow-ups (an index range); a key without one
      // (every day of a city) from the city's commitments and engagements.
      const concerns = `(e.host_city_id = k.a OR e.location_city_id = k.a
                         OR EXISTS (SELECT 1 FROM engagement_cities ec WHERE ec.engagement_id = e.id AND ec.city_id = k.a))`;
      return `WITH k AS ${keys('cf')}
        SELECT x.city_id, x.hub_id, x.due_date, count(*)::int AS follow_ups FROM (
          SELECT c.city_id, c.hub_id, f.due_date, f.id
            FROM k JOIN follow_ups f ON f.due_date = k.d JOIN commitments c ON c.id = f.commitment_id AND c.city_id = k.a
           WHERE ${OPEN_DUE}
          UNION
          SELECT c.city_id, c.hub_id, f.due_date, f.id
            FROM k JOIN commitments c ON c.city_id = k.a JOIN follow_ups f ON f.commitment_id = c.id
           WHERE k.d IS NULL AND ${OPEN_DUE}
          UNION
          SELECT k.a, e.hub_id, f.due_date, f.id
            FROM k JOIN follow_ups f ON f.due_date = k.d AND f.commitment_id IS NULL JOIN engagements e ON e.id = f.engagement_id
           WHERE ${OPEN_DUE} AND ${concerns}
          UNION
          SELECT ke.a, e.hub_id, f.due_date, f.id
            FROM (SELECT k.a, x.id FROM k JOIN engagements x ON x.host_city_id = k.a WHERE k.d IS NULL
                  UNION SELECT k.a, x.id FROM k JOIN engagements x ON x.location_city_id = k.a WHERE k.d IS NULL
                  UNION SELECT k.a, ec.engagement_id FROM k JOIN engagement_cities ec ON ec.city_id = k.a WHERE k.d IS NULL) ke
            JOIN engagements e ON e.id = ke.id JOIN follow_ups f ON f.engagement_id = e.id AND f.commitment_id IS NULL
           WHERE ${OPEN_DUE}
        ) x GROUP BY x.city_id, x.hub_id, x.due_date`;
    }
  }
}

/** Deletes the rows of the keys being folded from a rollup. */
function deleteKeyed(view: Rollup): string {
  const k = KEY[view];
  switch (view) {
    case 'dashboard_engagement_days':
    case 'dashboard_commitment_days':
      return `DELETE FROM ${view} r USING ${keys(k)} k WHERE r.hub_id = k.a AND r.day = k.d`;
    case 'dashboard_city_activity':
      return `DELETE FROM ${view} r USING ${keys(k)} k WHERE r.city_id = k.a AND (k.d IS NULL OR r.day = k.d)`;
    case 'dashboard_commitment_status':
      return `DELETE FROM ${view} r USING ${keys(k, 'a, s, d')} k WHERE r.hub_id = k.a AND r.status = k.s AND r.target_date IS NOT DISTINCT FROM k.d`;
    case 'dashboard_achievements':
      return `DELETE FROM ${view} r WHERE r.commitment_id IN (SELECT a FROM dashboard_folding WHERE rollup = '${k}')`;
    case 'dashboard_follow_up_due':
      return `DELETE FROM ${view} r USING ${keys(k)} k WHERE r.hub_id = k.a AND r.due_date = k.d`;
    case 'dashboard_city_follow_up_due':
      return `DELETE FROM ${view} r USING ${keys(k)} k WHERE r.city_id = k.a AND (k.d IS NULL OR r.due_date = k.d)`;
  }
}

/** The rollups' indexes: the unique keys the materialized views had, and the readers' indexes. */
const INDEXES: Record<Rollup, string[]> = {
  dashboard_engagement_days: [`CREATE UNIQUE INDEX dashboard_engagement_days_key ON dashboard_engagement_days (hub_id, day)`],
  dashboard_city_activity: [
    `CREATE UNIQUE INDEX dashboard_city_activity_key ON dashboard_city_activity (city_id, day, hub_id) NULLS NOT DISTINCT`,
  ],
  dashboard_commitment_status: [
    `CREATE UNIQUE INDEX dashboard_commitment_status_key ON dashboard_commitment_status (hub_id, status, target_date) NULLS NOT DISTINCT`,
  ],
  dashboard_commitment_days: [`CREATE UNIQUE INDEX dashboard_commitment_days_key ON dashboard_commitment_days (hub_id, day)`],
  dashboard_achievements: [
    `CREATE UNIQUE INDEX dashboard_achievements_key ON dashboard_achievements (commitment_id)`,
    `CREATE INDEX dashboard_achievements_hub ON dashboard_achievements (hub_id, achieved_on) INCLUDE (days)`,
    `CREATE INDEX dashboard_achievements_city ON dashboard_achievements (city_id, achieved_on) INCLUDE (days, hub_id)`,
  ],
  dashboard_follow_up_due: [
    `CREATE UNIQUE INDEX dashboard_follow_up_due_key ON dashboard_follow_up_due (hub_id, due_date) NULLS NOT DISTINCT`,
  ],
  dashboard_city_follow_up_due: [
    `CREATE UNIQUE INDEX dashboard_city_follow_up_due_key ON dashboard_city_follow_up_due (city_id, hub_id, due_date)`,
  ],
};

/**
 * The keys a write touches, per base table. `r` is the written rows (old and new versions alike);
 * `deleting` adds what can no longer be found through rows the same statement's cascades removed.
 * Each query yields (rollup, a, d, s).
 */
const CITIES_OF = (e: string) => `(SELECT ${e}.host_city_id AS city_id UNION SELECT ${e}.location_city_id
                                  UNION SELECT ec.city_id FROM engagement_cities ec WHERE ec.engagement_id = ${e}.id)`;
const TABLE_KEYS: Record<string, (deleting: boolean) => string[]> = {
  engagements: (deleting) => [
    `SELECT 'ed', r.hub_id, r.start_date, NULL FROM r`,
    `SELECT 'ca', x.city_id, r.start_date, NULL FROM r CROSS JOIN LATERAL ${CITIES_OF('r')} x WHERE x.city_id IS NOT NULL`,
    `SELECT 'ac', ce.commitment_id, NULL, NULL FROM r JOIN commitment_engagements ce ON ce.engagement_id = r.id`,
    `SELECT 'cf', x.city_id, f.due_date, NULL FROM r JOIN follow_ups f ON f.engagement_id = r.id AND f.commitment_id IS NULL
       CROSS JOIN LATERAL ${CITIES_OF('r')} x WHERE x.city_id IS NOT NULL AND ${OPEN_DUE}`,
    ...(deleting
      ? [
          `SELECT 'cf', x.city_id, NULL, NULL FROM r CROSS JOIN LATERAL (VALUES (r.host_city_id), (r.location_city_id)) x(city_id) WHERE x.city_id IS NOT NULL`,
        ]
      : []),
  ],
  engagement_cities: () => [
    `SELECT 'ca', r.city_id, e.start_date, NULL FROM r LEFT JOIN engagements e ON e.id = r.engagement_id`,
    `SELECT 'cf', r.city_id, f.due_date, NULL FROM r JOIN follow_ups f ON f.engagement_id = r.engagement_id AND f.commitment_id IS NULL
      WHERE ${OPEN_DUE}`,
    `SELECT 'cf', r.city_id, NULL, NULL FROM r WHERE NOT EXISTS (SELECT 1 FROM engagements e WHERE e.id = r.engagement_id)`,
  ],
  commitments: (deleting) => [
    `SELECT 'cs', r.hub_id, CASE WHEN r.status IN ('pledged', 'in_progress') THEN r.target_date END, r.status FROM r`,
    `SELECT 'cd', r.hub_id, ${UTC_DAY('r.created_at')}, NULL FROM r`,
    `SELECT 'ac', r.id, NULL, NULL FROM r`,
    `SELECT 'ca', r.city_id, ${UTC_DAY('s.at')}, NULL FROM r JOIN commitment_status_changes s ON s.commitment_id = r.id`,
    `SELECT 'ed', e.hub_id, e.start_date, NULL FROM r JOIN commitment_engagements ce ON ce.commitment_id = r.id JOIN engagements e ON e.id = ce.engagement_id`,
    `SELECT 'ca', x.city_id, e.start_date, NULL FROM r JOIN commitment_engagements ce ON ce.commitment_id = r.id
       JOIN engagements e ON e.id = ce.engagement_id CROSS JOIN LATERAL ${CITIES_OF('e')} x WHERE x.city_id IS NOT NULL`,
    `SELECT 'cf', r.city_id, f.due_date, NULL FROM r JOIN follow_ups f ON f.commitment_id = r.id WHERE ${OPEN_DUE}`,
    ...(deleting ? [`SELECT 'ca', r.city_id, NULL, NULL FROM r`, `SELECT 'cf', r.city_id, NULL, NULL FROM r`] : []),
  ],
  commitment_engagements: () => [
    `SELECT 'ac', r.commitment_id, NULL, NULL FROM r`,
    `SELECT 'ed', e.hub_id, e.start_date, NULL FROM r JOIN engagements e ON e.id = r.engagement_id`,
    `SELECT 'ca', x.city_id, e.start_date, NULL FROM r JOIN engagements e ON e.id = r.engagement_id
       CROSS JOIN LATERAL ${CITIES_OF('e')} x WHERE x.city_id IS NOT NULL`,
  ],
  commitment_status_changes: () => [
    `SELECT 'ac', r.commitment_id, NULL, NULL FROM r`,
    `SELECT 'ca', c.city_id, ${UTC_DAY('r.at')}, NULL FROM r JOIN commitments c ON c.id = r.commitment_id`,
  ],
  follow_ups: () => [
    `SELECT 'fd', f.hub_id, f.due_date, NULL FROM r f WHERE ${OPEN_DUE}`,
    `SELECT 'cf', c.city_id, f.due_date, NULL FROM r f JOIN commitments c ON c.id = f.commitment_id WHERE ${OPEN_DUE}`,
    `SELECT 'cf', x.city_id, f.due_date, NULL FROM r f JOIN engagements e ON e.id = f.engagement_id
       CROSS JOIN LATERAL ${CITIES_OF('e')} x WHERE f.commitment_id IS NULL AND x.city_id IS NOT NULL AND ${OPEN_DUE}`,
  ],
};
const TABLES = Object.keys(TABLE_KEYS);

/**
 * A table's key-noting trigger function from its key queries (`create`: the statement's opening words).
 * In an object, since every function a migration file exports is taken for a migration.
 */
export const NOTE_FUNCTION = {
  sql(table: string, keys: (deleting: boolean) => string[], create = 'CREATE FUNCTION'): string {
    const note = (rows: string, deleting: boolean) =>
      `INSERT INTO dashboard_dirty (rollup, a, d, s)
       WITH r AS (${rows}) SELECT DISTINCT * FROM (${keys(deleting).join('\n UNION ALL ')}) x;`;
    return `${create} dashboard_note_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN ${note('SELECT * FROM n', false)}
      ELSIF TG_OP = 'DELETE' THEN ${note('SELECT * FROM o', true)}
      ELSE ${note('SELECT * FROM o UNION ALL SELECT * FROM n', false)}
      END IF;
      RETURN NULL;
    END $$`;
  },
};

function keysTrigger(table: string): string {
  return NOTE_FUNCTION.sql(table, TABLE_KEYS[table]);
}

/** Each table's key-noting trigger function as this migration creates it (for a later migration's undo). */
export const KEYS_TRIGGERS: Record<string, string> = Object.fromEntries(TABLES.map((t) => [t, keysTrigger(t)]));

export const COMMITMENTS_HUB_CREATED_INDEX = `CREATE INDEX "IDX_commitments_hub_created" ON "commitments" ("hub_id", "created_at") WHERE "archived_at" IS NULL`;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export class DashboardIncrementalRollups1765900000000 implements MigrationInterface {
  name = 'DashboardIncrementalRollups1765900000000';

  public async up(q: QueryRunner): Promise<void> {
    const [{ schema }] = await q.query(`SELECT current_schema() AS schema`);
    const path = `pg_catalog, ${quoteIdent(schema)}, pg_temp`;
    for (const view of ROLLUPS) await q.query(`DROP MATERIALIZED VIEW ${view}`);
    await q.query(`DROP FUNCTION refresh_dashboard_rollup(text)`);

    // The keys writes touched, not folded yet; and the keys of the fold under way (the owner's only).
    await q.query(`CREATE TABLE dashboard_dirty (rollup text NOT NULL, a uuid, d date, s text)`);
    await q.query(`CREATE TABLE dashboard_folding (rollup text NOT NULL, a uuid, d date, s text)`);
    await q.query(`CREATE INDEX dashboard_folding_key ON dashboard_folding (rollup, a, d)`);

    // A hub's commitments of one creation day (the new commitments per day, folded by hub and day).
    await q.query(COMMITMENTS_HUB_CREATED_INDEX);
    for (const view of ROLLUPS) {
      // The same columns and types the view had: the table is made from the rollup's own SELECT.
      await q.query(`CREATE TABLE ${view} AS ${rollupSelect(view, false)} WITH NO DATA`);
      for (const sql of INDEXES[view]) await q.query(sql);
    }

    const list = ROLLUPS.map((v) => `'${v}'`).join(', ');
    const rebuild = ROLLUPS.map((v) => `WHEN '${v}' THEN DELETE FROM ${v}; INSERT INTO ${v} ${rollupSelect(v, false)};`).join('\n');
    await q.query(`CREATE FUNCTION refresh_dashboard_rollup(view_name text) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${path} AS $$
      BEGIN
        IF view_name IS NULL OR view_name NOT IN (${list}) THEN
          RAISE EXCEPTION 'not a dashboard rollup: %', view_name USING ERRCODE = 'invalid_parameter_value';
        END IF;
        PERFORM pg_advisory_xact_lock(hashtext('impact-tracker:dashboard-refresh'));
        CASE view_name ${rebuild} END CASE;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION refresh_dashboard_rollup(text) FROM PUBLIC`);

    const fold = ROLLUPS.map(
      (v) => `IF EXISTS (SELECT 1 FROM dashboard_folding WHERE rollup = '${KEY[v]}') THEN
          ${deleteKeyed(v)};
          INSERT INTO ${v} ${rollupSelect(v, true)};
        END IF;`,
    ).join('\n');
    const whole = ROLLUPS.map((v) => `DELETE FROM ${v}; INSERT INTO ${v} ${rollupSelect(v, false)};`).join('\n');
    const counts = ROLLUPS.map((v) => `'${v}', NULLIF((SELECT count(*) FROM dashboard_folding WHERE rollup = '${KEY[v]}'), 0)`).join(', ');
    await q.query(`CREATE FUNCTION fold_dashboard_rollups() RETURNS jsonb
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${path} AS $$
      DECLARE
        folded jsonb;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('impact-tracker:dashboard-refresh'));
        DELETE FROM dashboard_folding;
        -- Exactly the keys committed before this statement: one noted meanwhile stays for the next fold.
        WITH taken AS (DELETE FROM dashboard_dirty RETURNING rollup, a, d, s)
        INSERT INTO dashboard_folding SELECT DISTINCT rollup, a, d, s FROM taken;
        IF NOT FOUND THEN
          RETURN '{}'::jsonb;
        END IF;
        IF EXISTS (SELECT 1 FROM dashboard_folding WHERE rollup = '*') THEN
          -- A table was truncated: every rollup is rebuilt whole.
          ${whole}
          DELETE FROM dashboard_folding;
          RETURN jsonb_build_object('*', 1);
        END IF;
        -- Fresh statistics, so the restricted SELECTs start from the few keys.
        ANALYZE dashboard_folding;
        SELECT jsonb_strip_nulls(jsonb_build_object(${counts})) INTO folded;
        ${fold}
        DELETE FROM dashboard_folding;
        RETURN folded;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION fold_dashboard_rollups() FROM PUBLIC`);

    for (const table of TABLES) {
      await q.query(keysTrigger(table));
      const fn = `dashboard_note_${table}()`;
      await q.query(`CREATE TRIGGER dashboard_${table}_inserted AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS n
        FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`);
      await q.query(`CREATE TRIGGER dashboard_${table}_updated AFTER UPDATE ON "${table}" REFERENCING OLD TABLE AS o NEW TABLE AS n
        FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`);
      await q.query(`CREATE TRIGGER dashboard_${table}_deleted AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS o
        FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`);
    }
    await q.query(`CREATE FUNCTION dashboard_note_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO dashboard_dirty (rollup) VALUES ('*'); RETURN NULL; END $$`);
    for (const table of TABLES) {
      await q.query(`CREATE TRIGGER dashboard_${table}_truncated AFTER TRUNCATE ON "${table}"
        FOR EACH STATEMENT EXECUTE FUNCTION dashboard_note_truncate()`);
    }

    // When each rollup was last rebuilt whole (`views` says when each was last brought up to date).
    await q.query(`ALTER TABLE dashboard_refresh ADD COLUMN rebuilt jsonb NOT NULL DEFAULT '{}'::jsonb`);
    // Empty rollups: the next start builds them whole before serving.
    await q.query(`UPDATE dashboard_refresh SET refreshed_at = NULL, views = '{}'::jsonb`);
  }

  public async down(q: QueryRunner): Promise<void> {
    const [{ schema }] = await q.query(`SELECT current_schema() AS schema`);
    for (const table of TABLES) {
      for (const event of ['inserted', 'updated', 'deleted', 'truncated']) {
        await q.query(`DROP TRIGGER IF EXISTS dashboard_${table}_${event} ON "${table}"`);
      }
      await q.query(`DROP FUNCTION IF EXISTS dashboard_note_${table}()`);
    }
    await q.query(`DROP FUNCTION IF EXISTS dashboard_note_truncate()`);
    await q.query(`DROP FUNCTION IF EXISTS fold_dashboard_rollups()`);
    await q.query(`DROP FUNCTION IF EXISTS refresh_dashboard_rollup(text)`);
    for (const view of ROLLUPS) await q.query(`DROP TABLE IF EXISTS ${view}`);
    await q.query(`DROP TABLE IF EXISTS dashboard_folding`);
    await q.query(`DROP TABLE IF EXISTS dashboard_dirty`);
    await q.query(`DROP INDEX IF EXISTS "IDX_commitments_hub_created"`);

    // The materialized views as they were (the same SELECTs), and their owner's refresh function.
    for (const view of ROLLUPS) {
      const select =
        view === 'dashboard_follow_up_due'
          ? `SELECT COALESCE(c.hub_id, e.hub_id) AS hub_id, f.due_date, count(*)::int AS follow_ups
               FROM follow_ups f LEFT JOIN commitments c ON c.id = f.commitment_id LEFT JOIN engagements e ON e.id = f.engagement_id
              WHERE ${OPEN_DUE} GROUP BY 1, 2`
          : rollupSelect(view, false);
      await q.query(`CREATE MATERIALIZED VIEW ${view} AS ${select}`);
      for (const sql of INDEXES[view]) await q.query(sql);
    }
    const list = ROLLUPS.map((v) => `'${v}'`).join(', ');
    await q.query(`CREATE FUNCTION refresh_dashboard_rollup(view_name text) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        IF view_name IS NULL OR view_name NOT IN (${list}) THEN
          RAISE EXCEPTION 'not a dashboard rollup: %', view_name USING ERRCODE = 'invalid_parameter_value';
        END IF;
        EXECUTE format('REFRESH MATERIALIZED VIEW CONCURRENTLY %I.%I', '${schema.replace(/'/g, "''")}', view_name);
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION refresh_dashboard_rollup(text) FROM PUBLIC`);
    await q.query(`ALTER TABLE dashboard_refresh DROP COLUMN rebuilt`);
    await q.query(`UPDATE dashboard_refresh SET refreshed_at = NULL, views = '{}'::jsonb`);
  }
}
