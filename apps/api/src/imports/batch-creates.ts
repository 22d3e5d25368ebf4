import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Commitment, Engagement } from '@impact/contracts';
import { diffObjects } from '../audit/diff';
import type { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/errors';
import type { RefTable } from '../common/refs';
import type { CreateCommitmentDto } from '../commitments/dto/commitment.dto';
import type { CreateEngagementDto } from '../engagements/dto/engagement.dto';
import { newEngagementValues, withHost } from '../engagements/engagement-values';
import { COMMITMENT_COLUMNS, ENGAGEMENT_COLUMNS, insertBatch, selectLive, type AuditRows, type LiveRef, type LiveRefs } from './batch-sql';
import type { ImportRowError } from './row-validation';

/** One create row of a batch: its spreadsheet row and its validated request. */
export interface CreateRow<C> {
  row: number;
  request: C;
}

/** A batch's outcome: each row's record (in the batch's order), or the rows' errors (then nothing of the batch is written). */
export type BatchOutcome = { written: { id: string; version: number }[] } | { errors: ImportRowError[] };

/** One reference a row names: the request field, the column it came from, the table, the ids. */
interface RowRef {
  field: string;
  column: string;
  table: RefTable;
  ids: readonly (string | null | undefined)[];
}

/**
 * The live rows among every id a batch names, in one statement inside the import's transaction
 * (what the per-row path's reference checks ask, once per batch instead of per row).
 */
function liveRefs(m: EntityManager, refs: RowRef[][]): Promise<LiveRefs> {
  const wanted = new Map<RefTable, Set<string>>();
  for (const list of refs)
    for (const r of list) {
      const ids = wanted.get(r.table) ?? new Set<string>();
      wanted.set(r.table, ids);
      for (const id of r.ids) if (id) ids.add(id);
    }
  return selectLive(m, wanted);
}

/** The first reference of a row that names no live record, as the row's error (the per-row path's 400). */
function refError(row: number, refs: RowRef[], live: Map<string, Map<string, unknown>>): ImportRowError | null {
  for (const r of refs)
    if (r.ids.some((id) => id && !live.get(r.table)?.has(id)))
      return { row, column: r.column, message: `${r.field} refers to a record that does not exist` };
  return null;
}

/** The create audit rows of a batch (every field of what was stored, as the change from nothing). */
const auditRows = (user: AuthUser, entity: string, records: { id: string }[], note: string): AuditRows => ({
  actorId: user.id,
  entity,
  note,
  rows: records.map((r) => ({ id: r.id, changes: diffObjects(null, { ...r }) })),
});

const unique = (ids: readonly string[]) => [...new Set(ids)];

/** The version a new record starts at (the column's default). */
const NEW_VERSION = 1;

/** A commitment as the audit log records it (`commitmentRecord` of its read model). */
type CommitmentRecord = Omit<Commitment, 'atRisk' | 'createdAt'>;

/**
 * Ids of one table in the order the read models list them: by `compare` on the live record, then by id
 * (the read models' own order, so the audit row records what a reload would).
 */
const ordered =
  (live: LiveRefs, compare: (a: LiveRef, b: LiveRef) => number) =>
  (table: RefTable, ids: string[]): string[] => {
    const rows = live.get(table);
    const of = (id: string): LiveRef => rows?.get(id) ?? { id };
    return [...ids].sort((a, b) => compare(of(a), of(b)) || a.localeCompare(b));
  };

/**
 * Creates a batch of engagements as the service's `createIn` creates each (same stored values, links
 * and audit row), in a handful of statements whatever the batch's length. The scope check
 * (`checkCreate`) ran on every row before; the reference checks run here, inside the transaction.
 * The audit rows hold the records built from the rows and the live references (what a reload of
 * the read models would give, without the reload).
 */
export async function createEngagements(
  m: EntityManager,
  user: AuthUser,
  rows: CreateRow<CreateEngagementDto>[],
  note: string,
): Promise<BatchOutcome> {
  const refs = rows.map(({ request: d }): RowRef[] => [
    { field: 'hubId', column: 'hub', table: 'hubs', ids: [d.hubId] },
    { field: 'locationCityId', column: 'location', table: 'cities', ids: [d.locationCityId] },
    { field: 'hostCityId', column: 'host', table: 'cities', ids: [d.hostCityId] },
    { field: 'participatingCityIds', column: 'participatingCities', table: 'cities', ids: d.participatingCityIds ?? [] },
    { field: 'partnerIds', column: 'partners', table: 'partners', ids: d.partnerIds ?? [] },
  ]);
  const live = await liveRefs(m, refs);
  const errors = rows.map((r, i) => refError(r.row, refs[i], live));
  if (errors.some(Boolean)) return { errors: errors.filter((e): e is ImportRowError => !!e) };

  const ids = rows.map(() => randomUUID());
  // The same stored values as the service's create, as the table's columns.
  const news = rows.map(({ request: dto }) => newEngagementValues(dto));
  const values = news.map((v, i) => {
    const p = v.participants;
    return {
      id: ids[i],
      title: v.title,
      type: v.type,
      hub_id: v.hubId,
      start_date: v.startDate,
      end_date: v.endDate,
      location_city_id: v.locationCityId,
      online: v.online,
      host_city_id: v.hostCityId,
      summary: v.summary,
      evidence_links: v.evidenceLinks,
      participants_total: p?.total,
      participants_mayors: p?.mayors,
      participants_officials: p?.officials,
      participants_youth: p?.youth,
      participants_women: p?.women,
      participants_community_leaders: p?.communityLeaders,
    };
  });
  // What the read model of each new engagement holds (links in its order), built from the batch's rows and live references.
  const byName = ordered(live, (a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
  const stored = rows.map(
    ({ request: d }, i): Engagement => ({
      ...(news[i] as Omit<Engagement, 'id' | 'participatingCityIds' | 'partnerIds' | 'version'>),
      id: ids[i],
      participatingCityIds: byName('cities', unique(withHost(d.participatingCityIds ?? [], d.hostCityId))),
      partnerIds: byName('partners', unique(d.partnerIds ?? [])),
      version: NEW_VERSION,
    }),
  );
  await insertBatch(
    m,
    { table: 'engagements', columns: ENGAGEMENT_COLUMNS, rows: values },
    [
      {
        table: 'engagement_cities',
        owner: 'engagement_id',
        other: 'city_id',
        pairs: rows.flatMap(({ request: d }, i) =>
          unique(withHost(d.participatingCityIds ?? [], d.hostCityId)).map((c): [string, string] => [ids[i], c]),
        ),
      },
      {
        table: 'engagement_partners',
        owner: 'engagement_id',
        other: 'partner_id',
        pairs: rows.flatMap(({ request: d }, i) => unique(d.partnerIds ?? []).map((p): [string, string] => [ids[i], p])),
      },
    ],
    auditRows(user, 'engagement', stored, note),
  );
  return { written: stored.map((e) => ({ id: e.id, version: e.version })) };
}

/**
 * Creates a batch of commitments as the service's `createIn` creates each: the hub is the live city's,
 * the scope is checked against it (`checkCreate`), status `pledged` with its first status row, links,
 * and audit row (the record built in memory, as for engagements), in a handful of statements whatever
 * the batch's length.
 */
export async function createCommitments(
  m: EntityManager,
  user: AuthUser,
  checkCreate: (dto: CreateCommitmentDto, hubId: string) => void,
  rows: CreateRow<CreateCommitmentDto>[],
  note: string,
): Promise<BatchOutcome> {
  const refs = rows.map(({ request: d }): RowRef[] => [
    { field: 'cityId', column: 'city', table: 'cities', ids: [d.cityId] },
    { field: 'ownerId', column: 'owner', table: 'users', ids: [d.ownerId] },
    { field: 'inspiredByEngagementIds', column: 'inspiredBy', table: 'engagements', ids: d.inspiredByEngagementIds ?? [] },
    { field: 'partnerIds', column: 'partners', table: 'partners', ids: d.partnerIds ?? [] },
  ]);
  const live = await liveRefs(m, refs);
  const hubOf = (cityId: string) => (live.get('cities')?.get(cityId)?.hubId ?? '') as string;
  const errors = rows.map((r, i) => {
    const refused = refError(r.row, refs[i].slice(0, 1), live);
    if (refused) return refused;
    try {
      checkCreate(r.request, hubOf(r.request.cityId));
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      return { row: r.row, column: 'city', message: e.message };
    }
    return refError(r.row, refs[i].slice(1), live);
  });
  if (errors.some(Boolean)) return { errors: errors.filter((e): e is ImportRowError => !!e) };

  const ids = rows.map(() => randomUUID());
  const values = rows.map(({ request: dto }, i) => ({
    id: ids[i],
    title: dto.title.trim(),
    kind: dto.kind,
    city_id: dto.cityId,
    hub_id: hubOf(dto.cityId),
    owner_id: dto.ownerId ?? null,
    target_date: dto.targetDate ?? null,
    progress: dto.progress ?? 0,
    description: dto.description?.trim() ?? '',
    status: 'pledged',
  }));
  // What the read model of each new commitment holds (links in its order), built from the batch's rows and live references.
  const byName = ordered(live, (a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
  const byStart = ordered(live, (a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? ''));
  const stored = values.map(
    (v, i): CommitmentRecord => ({
      id: v.id,
      title: v.title,
      kind: v.kind,
      cityId: v.city_id,
      hubId: v.hub_id,
      ownerId: v.owner_id,
      targetDate: v.target_date,
      progress: v.progress,
      status: 'pledged',
      inspiredByEngagementIds: byStart('engagements', unique(rows[i].request.inspiredByEngagementIds ?? [])),
      partnerIds: byName('partners', unique(rows[i].request.partnerIds ?? [])),
      description: v.description,
      version: NEW_VERSION,
    }),
  );
  await insertBatch(
    m,
    { table: 'commitments', columns: COMMITMENT_COLUMNS, rows: values },
    [
      {
        table: 'commitment_engagements',
        owner: 'commitment_id',
        other: 'engagement_id',
        pairs: rows.flatMap(({ request: d }, i) => unique(d.inspiredByEngagementIds ?? []).map((e): [string, string] => [ids[i], e])),
      },
      {
        table: 'commitment_partners',
        owner: 'commitment_id',
        other: 'partner_id',
        pairs: rows.flatMap(({ request: d }, i) => unique(d.partnerIds ?? []).map((p): [string, string] => [ids[i], p])),
      },
    ],
    auditRows(user, 'commitment', stored, note),
    { actorId: user.id, status: 'pledged' },
  );
  return { written: stored.map((c) => ({ id: c.id, version: c.version })) };
}
