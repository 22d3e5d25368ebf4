import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pre-folded totals for the dashboard's whole-network summary without a date range (the page's first
 * view): a handful of rows per hub instead of every rollup row of the network.
 *
 * Each totals table is kept by statement triggers on the rollup it sums (AFTER INSERT, UPDATE, DELETE,
 * with transition tables): a row leaving the rollup is subtracted, a row entering it added. The rollups
 * are only written by the owner's fold (delete then insert the touched keys) and whole rebuild (delete
 * every row, insert every row), so the totals move with them in the same transaction, key by key, and
 * stay exactly the sums of the rollups. A TRUNCATE of a rollup empties its sums.
 *
 * - `dashboard_hub_totals`: per hub, every engagement figure of `dashboard_engagement_days` (all days),
 *   and the open dated follow-ups due before `as_of` (`dashboard_follow_up_due`).
 * - `dashboard_hub_statuses`: per hub and status, the live commitments, and those at risk as of
 *   `as_of` (stalled, or pledged / in progress with a target date before it) from `dashboard_commitment_status`.
 * - `dashboard_hub_achievement_days`: per hub, how many achieved commitments took each number of days
 *   (`dashboard_achievements`), the histogram the medians are read from.
 * - `dashboard_city_days`: per city, its rows in `dashboard_city_activity` (active ever: more than none).
 * - `dashboard_totals_day`: the day `as_of` the "before" counts are as of. A reader adds the rollup
 *   rows between that day and today (a day or so of rows: the day moves on at the next fold), so
 *   "overdue" and "at risk" are judged against today exactly. `advance_dashboard_totals()` (the owner's,
 *   the app may call it, under the fold's advisory lock) moves the day to today.
 */

const TODAY = `(now() AT TIME ZONE 'UTC')::date`;
const AS_OF = `(SELECT as_of FROM dashboard_totals_day WHERE id = 1)`;
const PARTICIPANTS = ['total', 'mayors', 'officials', 'youth', 'women', 'community_leaders'].map((p) => `participants_${p}`);
const ENGAGEMENT_COLUMNS = ['engagements', ...PARTICIPANTS, 'led_to_commitment'];

/** One totals trigger: the rollup it follows, and its upsert of the signed rows `r` (sign, then the rollup's columns). */
interface Totals {
  rollup: string;
  name: string;
  upsert: string;
}

const TOTALS: Totals[] = [
  {
    rollup: 'dashboard_engagement_days',
    name: 'engagements',
    upsert: `INSERT INTO dashboard_hub_totals AS t (hub_id, ${ENGAGEMENT_COLUMNS.join(', ')})
      SELECT r.hub_id, ${ENGAGEMENT_COLUMNS.map((c) => `sum(r.sign * r.${c})`).join(', ')} FROM r GROUP BY r.hub_id
      ON CONFLICT (hub_id) DO UPDATE SET ${ENGAGEMENT_COLUMNS.map((c) => `${c} = t.${c} + excluded.${c}`).join(', ')}`,
  },
  {
    rollup: 'dashboard_follow_up_due',
    name: 'follow_ups',
    upsert: `INSERT INTO dashboard_hub_totals AS t (hub_id, overdue_before)
      SELECT r.hub_id, COALESCE(sum(r.sign * r.follow_ups) FILTER (WHERE r.due_date < ${AS_OF}), 0) FROM r GROUP BY r.hub_id
      ON CONFLICT (hub_id) DO UPDATE SET overdue_before = t.overdue_before + excluded.overdue_before`,
  },
  {
    rollup: 'dashboard_commitment_status',
    name: 'statuses',
    upsert: `INSERT INTO dashboard_hub_statuses AS t (hub_id, status, commitments, at_risk_before)
      SELECT r.hub_id, r.status, sum(r.sign * r.commitments),
             COALESCE(sum(r.sign * r.commitments) FILTER (WHERE r.status = 'stalled'
               OR (r.status IN ('pledged', 'in_progress') AND r.target_date IS NOT NULL AND r.target_date < ${AS_OF})), 0)
        FROM r GROUP BY r.hub_id, r.status
      ON CONFLICT (hub_id, status) DO UPDATE SET commitments = t.commitments + excluded.commitments,
        at_risk_before = t.at_risk_before + excluded.at_risk_before`,
  },
  {
    rollup: 'dashboard_achievements',
    name: 'achievements',
    upsert: `INSERT INTO dashboard_hub_achievement_days AS t (hub_id, days, commitments)
      SELECT r.hub_id, r.days, sum(r.sign) FROM r GROUP BY r.hub_id, r.days
      ON CONFLICT (hub_id, days) DO UPDATE SET commitments = t.commitments + excluded.commitments`,
  },
  {
    rollup: 'dashboard_city_activity',
    name: 'city_days',
    upsert: `INSERT INTO dashboard_city_days AS t (city_id, days)
      SELECT r.city_id, sum(r.sign) FROM r GROUP BY r.city_id
      ON CONFLICT (city_id) DO UPDATE SET days = t.days + excluded.days`,
  },
];

/** What a TRUNCATE of the rollup leaves: its sums at zero. */
const EMPTIED: Record<string, string> = {
  engagements: `UPDATE dashboard_hub_totals SET ${ENGAGEMENT_COLUMNS.map((c) => `${c} = 0`).join(', ')}`,
  follow_ups: `UPDATE dashboard_hub_totals SET overdue_before = 0`,
  statuses: `DELETE FROM dashboard_hub_statuses`,
  achievements: `DELETE FROM dashboard_hub_achievement_days`,
  city_days: `DELETE FROM dashboard_city_days`,
};

const triggerFunction = (t: Totals) => `CREATE FUNCTION dashboard_totals_${t.name}() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN WITH r AS (SELECT 1 AS sign, n.* FROM n) ${t.upsert};
    ELSIF TG_OP = 'DELETE' THEN WITH r AS (SELECT -1 AS sign, o.* FROM o) ${t.upsert};
    ELSIF TG_OP = 'UPDATE' THEN WITH r AS (SELECT -1 AS sign, o.* FROM o UNION ALL SELECT 1, n.* FROM n) ${t.upsert};
    ELSE ${EMPTIED[t.name]};
    END IF;
    RETURN NULL;
  END $$`;

/** The rollup's rows already there, as one INSERT of them (the totals start equal to the rollups). */
const initial = (t: Totals) => `WITH r AS (SELECT 1 AS sign, x.* FROM ${t.rollup} x) ${t.upsert}`;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export class DashboardHubTotals1766900000000 implements MigrationInterface {
  name = 'DashboardHubTotals1766900000000';

  public async up(q: QueryRunner): Promise<void> {
    const [{ schema }] = await q.query(`SELECT current_schema() AS schema`);
    const path = `pg_catalog, ${quoteIdent(schema)}, pg_temp`;
    await q.query(`CREATE TABLE dashboard_totals_day (id int PRIMARY KEY CHECK (id = 1), as_of date NOT NULL)`);
    await q.query(`INSERT INTO dashboard_totals_day (id, as_of) VALUES (1, ${TODAY})`);
    await q.query(`CREATE TABLE dashboard_hub_totals (hub_id uuid PRIMARY KEY,
      ${ENGAGEMENT_COLUMNS.map((c) => `${c} bigint NOT NULL DEFAULT 0`).join(', ')}, overdue_before bigint NOT NULL DEFAULT 0)`);
    await q.query(`CREATE TABLE dashboard_hub_statuses (hub_id uuid NOT NULL, status varchar(32) NOT NULL,
      commitments bigint NOT NULL, at_risk_before bigint NOT NULL, PRIMARY KEY (hub_id, status))`);
    await q.query(`CREATE TABLE dashboard_hub_achievement_days (hub_id uuid NOT NULL, days int, commitments bigint NOT NULL)`);
    await q.query(
      `CREATE UNIQUE INDEX dashboard_hub_achievement_days_key ON dashboard_hub_achievement_days (hub_id, days) NULLS NOT DISTINCT`,
    );
    await q.query(`CREATE TABLE dashboard_city_days (city_id uuid PRIMARY KEY, days bigint NOT NULL)`);
    // The rows between the "as of" day and today: a range of target dates, whatever the hub (the due
    // dates' range is read from the rollup's key, a few hubs skipped over).
    await q.query(`CREATE INDEX dashboard_commitment_status_target ON dashboard_commitment_status (target_date)
      WHERE status IN ('pledged', 'in_progress') AND target_date IS NOT NULL`);

    for (const t of TOTALS) {
      await q.query(initial(t));
      await q.query(triggerFunction(t));
      const fn = `dashboard_totals_${t.name}()`;
      await q.query(`CREATE TRIGGER ${t.rollup}_totals_inserted AFTER INSERT ON ${t.rollup} REFERENCING NEW TABLE AS n
        FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`);
      await q.query(`CREATE TRIGGER ${t.rollup}_totals_updated AFTER UPDATE ON ${t.rollup} REFERENCING OLD TABLE AS o NEW TABLE AS n
        FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`);
      await q.query(`CREATE TRIGGER ${t.rollup}_totals_deleted AFTER DELETE ON ${t.rollup} REFERENCING OLD TABLE AS o
        FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`);
      await q.query(`CREATE TRIGGER ${t.rollup}_totals_truncated AFTER TRUNCATE ON ${t.rollup} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`);
    }

    // Moves "as of" to today: the rows between the two days are added (or, were the clock to go back, taken off).
    const between = `>= least(was, today) AND %s < greatest(was, today)`;
    await q.query(`CREATE FUNCTION advance_dashboard_totals() RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${path} AS $$
      DECLARE
        was date;
        today date := ${TODAY};
        sign int;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('impact-tracker:dashboard-refresh'));
        SELECT as_of INTO was FROM dashboard_totals_day WHERE id = 1;
        IF was = today THEN
          RETURN;
        END IF;
        sign := CASE WHEN was < today THEN 1 ELSE -1 END;
        UPDATE dashboard_hub_totals t SET overdue_before = t.overdue_before + sign * d.n
          FROM (SELECT hub_id, sum(follow_ups) AS n FROM dashboard_follow_up_due
                 WHERE due_date ${between.replace('%s', 'due_date')} GROUP BY hub_id) d
         WHERE t.hub_id = d.hub_id;
        UPDATE dashboard_hub_statuses t SET at_risk_before = t.at_risk_before + sign * d.n
          FROM (SELECT hub_id, status, sum(commitments) AS n FROM dashboard_commitment_status
                 WHERE status IN ('pledged', 'in_progress') AND target_date IS NOT NULL
                   AND target_date ${between.replace('%s', 'target_date')} GROUP BY hub_id, status) d
         WHERE t.hub_id = d.hub_id AND t.status = d.status;
        UPDATE dashboard_totals_day SET as_of = today WHERE id = 1;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION advance_dashboard_totals() FROM PUBLIC`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS advance_dashboard_totals()`);
    for (const t of TOTALS) {
      for (const event of ['inserted', 'updated', 'deleted', 'truncated']) {
        await q.query(`DROP TRIGGER IF EXISTS ${t.rollup}_totals_${event} ON ${t.rollup}`);
      }
      await q.query(`DROP FUNCTION IF EXISTS dashboard_totals_${t.name}()`);
    }
    await q.query(`DROP INDEX IF EXISTS dashboard_commitment_status_target`);
    for (const table of [
      'dashboard_city_days',
      'dashboard_hub_achievement_days',
      'dashboard_hub_statuses',
      'dashboard_hub_totals',
      'dashboard_totals_day',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
