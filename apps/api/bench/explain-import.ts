import type { Client } from 'pg';
import { log } from './common';

/**
 * `bench:import -- --explain`: after the imports, `EXPLAIN (ANALYZE, BUFFERS)` of one more batch of
 * each statement an import's batch sends (500 engagements, their links and audit rows, then 500
 * commitments and theirs), copied from what was imported with new ids, in a transaction rolled back.
 * Trigger times (foreign keys, the dashboard's key-noting triggers) are in each plan's last lines.
 */
const STATEMENTS: [string, string][] = [
  [
    'setup',
    `CREATE TEMP TABLE be AS SELECT gen_random_uuid() AS nid, e.* FROM engagements e ORDER BY created_at DESC LIMIT 500;
     CREATE TEMP TABLE bc AS SELECT gen_random_uuid() AS nid, c.* FROM commitments c ORDER BY created_at DESC LIMIT 500`,
  ],
  [
    'engagements',
    `INSERT INTO engagements (id, title, type, hub_id, start_date, end_date, location_city_id, online, host_city_id, summary,
       evidence_links, participants_total, participants_mayors, participants_officials, participants_youth, participants_women,
       participants_community_leaders)
     SELECT nid, title, type, hub_id, start_date, end_date, location_city_id, online, host_city_id, summary, evidence_links,
       participants_total, participants_mayors, participants_officials, participants_youth, participants_women,
       participants_community_leaders FROM be`,
  ],
  [
    'engagement_cities',
    `INSERT INTO engagement_cities SELECT be.nid, x.city_id FROM be JOIN engagement_cities x ON x.engagement_id = be.id`,
  ],
  [
    'engagement_partners',
    `INSERT INTO engagement_partners SELECT be.nid, x.partner_id FROM be JOIN engagement_partners x ON x.engagement_id = be.id`,
  ],
  [
    'audit_log (engagements)',
    `INSERT INTO audit_log (actor_id, entity, entity_id, action, changes, note)
     SELECT a.actor_id, a.entity, be.nid, a.action, a.changes, a.note FROM be JOIN audit_log a ON a.entity_id = be.id`,
  ],
  [
    'commitments',
    `INSERT INTO commitments (id, title, kind, city_id, hub_id, owner_id, target_date, progress, description, status)
     SELECT nid, title, kind, city_id, hub_id, owner_id, target_date, progress, description, status FROM bc`,
  ],
  [
    'commitment_engagements',
    `INSERT INTO commitment_engagements SELECT bc.nid, x.engagement_id FROM bc JOIN commitment_engagements x ON x.commitment_id = bc.id`,
  ],
  [
    'commitment_partners',
    `INSERT INTO commitment_partners SELECT bc.nid, x.partner_id FROM bc JOIN commitment_partners x ON x.commitment_id = bc.id`,
  ],
  [
    'commitment_status_changes',
    `INSERT INTO commitment_status_changes (commitment_id, from_status, to_status, actor_id, note)
     SELECT nid, NULL, 'pledged', owner_id, NULL FROM bc`,
  ],
];

export async function explainImportBatch(pg: Client): Promise<void> {
  await pg.query('BEGIN');
  try {
    for (const [name, sql] of STATEMENTS) {
      if (name === 'setup') {
        await pg.query(sql);
        continue;
      }
      const plan = (await pg.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`)).rows.map((r: Record<string, string>) => r['QUERY PLAN']);
      log(`EXPLAIN (ANALYZE, BUFFERS) of a batch of ${name}:`);
      for (const line of plan) log(`  ${line}`);
    }
  } finally {
    await pg.query('ROLLBACK');
  }
}
