import type { EntityManager } from 'typeorm';
import { LIVE, type RefTable } from '../common/refs';

// Raw SQL here: a batch's checks and writes are each one statement (`unnest` probes, data-modifying
// CTEs over `jsonb_to_recordset`), which TypeORM's QueryBuilder cannot say.

/** A live record a batch names, with what its new records' read models order links by. */
export interface LiveRef {
  id: string;
  hubId?: string;
  name?: string;
  startDate?: string;
}
export type LiveRefs = Map<string, Map<string, LiveRef>>;

/**
 * Per table: the fields after `id` a batch needs, and the table as `t`; the probe keeps the row of id `k.id` if it is
 * live by the same rule as the per-row path's reference checks (`LIVE`). `OFFSET 0` keeps each id one index probe whatever the
 * planner guesses of the rows this transaction wrote (an `= ANY` scan of engagements read the whole table).
 */
const LIVE_PROBE: Record<RefTable, string> = {
  hubs: `NULL::uuid, NULL::text, NULL::text FROM hubs t`,
  cities: `hub_id, name::text, NULL::text FROM cities t`,
  partners: `NULL::uuid, name::text, NULL::text FROM partners t`,
  engagements: `NULL::uuid, NULL::text, to_char(start_date, 'YYYY-MM-DD') FROM engagements t`,
  commitments: `hub_id, NULL::text, NULL::text FROM commitments t`,
  outcomes: `NULL::uuid, NULL::text, NULL::text FROM outcomes t`,
  users: `NULL::uuid, NULL::text, NULL::text FROM users t`,
};

/** The live rows among the ids of each table, one statement for all tables (inside the import's transaction). */
export async function selectLive(m: EntityManager, wanted: Map<RefTable, Set<string>>): Promise<LiveRefs> {
  const tables = [...wanted.keys()].filter((t) => wanted.get(t)?.size);
  const live: LiveRefs = new Map(tables.map((t) => [t, new Map()]));
  if (!tables.length) return live;
  const sql = tables
    .map(
      (t, i) =>
        `SELECT ${i} AS t, x.* FROM unnest($${i + 1}::uuid[]) AS k(id),
           LATERAL (SELECT id, ${LIVE_PROBE[t]} WHERE t.id = k.id AND ${LIVE[t]} OFFSET 0) AS x(id, "hubId", name, "startDate")`,
    )
    .join(' UNION ALL ');
  const rows = (await m.query(
    sql,
    tables.map((t) => [...(wanted.get(t) as Set<string>)]),
  )) as (LiveRef & { t: number })[];
  for (const { t, ...ref } of rows) live.get(tables[t])?.set(ref.id, ref);
  return live;
}

/** Columns of a table a create stores, with their SQL types (the rest take their defaults: version, timestamps). */
export type Columns = Readonly<Record<string, string>>;

export const ENGAGEMENT_COLUMNS: Columns = {
  id: 'uuid',
  title: 'varchar',
  type: 'varchar',
  hub_id: 'uuid',
  start_date: 'date',
  end_date: 'date',
  location_city_id: 'uuid',
  online: 'boolean',
  host_city_id: 'uuid',
  summary: 'text',
  evidence_links: 'text[]',
  participants_total: 'int',
  participants_mayors: 'int',
  participants_officials: 'int',
  participants_youth: 'int',
  participants_women: 'int',
  participants_community_leaders: 'int',
};
export const COMMITMENT_COLUMNS: Columns = {
  id: 'uuid',
  title: 'varchar',
  kind: 'varchar',
  city_id: 'uuid',
  hub_id: 'uuid',
  owner_id: 'uuid',
  target_date: 'date',
  progress: 'smallint',
  description: 'text',
  status: 'varchar',
};

/** One join table's rows of a batch: the table, its two columns, and the pairs. */
export interface Links {
  table: string;
  owner: string;
  other: string;
  pairs: [string, string][];
}

/** The create audit rows of a batch: the actor, the entity's name, the note, and each record's changes. */
export interface AuditRows {
  actorId: string;
  entity: string;
  note: string;
  rows: { id: string; changes: unknown }[];
}

/**
 * A batch's records, their links, the first status rows of new commitments (`statusOf`: the table
 * and the actor) and their audit rows in ONE statement (data-modifying CTEs: each table written once,
 * its triggers and foreign-key checks run at the statement's end as for separate statements), each
 * list one parameter. Ids are made by the caller.
 */
export async function insertBatch(
  m: EntityManager,
  records: { table: string; columns: Columns; rows: Record<string, unknown>[] },
  links: Links[],
  audit: AuditRows,
  status?: { actorId: string; status: string },
): Promise<void> {
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  const names = Object.keys(records.columns);
  const parts = [
    `r AS (INSERT INTO ${records.table} (${names.join(', ')}) SELECT ${names.join(', ')}
       FROM jsonb_to_recordset(${p(JSON.stringify(records.rows))}::jsonb) AS j(${names.map((n) => `${n} ${records.columns[n]}`).join(', ')}))`,
    ...links
      .filter((l) => l.pairs.length)
      .map(
        (l, i) =>
          `l${i} AS (INSERT INTO ${l.table} (${l.owner}, ${l.other})
             SELECT * FROM unnest(${p(l.pairs.map((x) => x[0]))}::uuid[], ${p(l.pairs.map((x) => x[1]))}::uuid[]))`,
      ),
  ];
  if (status)
    parts.push(
      `s AS (INSERT INTO commitment_status_changes (commitment_id, from_status, to_status, actor_id, note)
         SELECT id, NULL, ${p(status.status)}, ${p(status.actorId)}, NULL FROM unnest(${p(records.rows.map((r) => r.id))}::uuid[]) AS id)`,
    );
  await m.query(
    `WITH ${parts.join(',\n')}
     INSERT INTO audit_log (actor_id, entity, entity_id, action, changes, note)
     SELECT ${p(audit.actorId)}, ${p(audit.entity)}, a.id, 'create', a.changes, ${p(audit.note)}
       FROM jsonb_to_recordset(${p(JSON.stringify(audit.rows))}::jsonb) AS a(id uuid, changes jsonb)`,
    params,
  );
}
