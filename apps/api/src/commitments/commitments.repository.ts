import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type EntityManager, type Repository, type SelectQueryBuilder } from 'typeorm';
import {
  isCommitmentAtRisk,
  todayIso,
  type Commitment,
  type CommitmentFilters,
  type CommitmentListItem,
  type CommitmentStatus,
  type Ref,
} from '@impact/contracts';
import { andWhereInScope } from '../auth/access';
import type { AuthUser } from '../auth/auth-user';
import {
  andWhereFlag,
  andWhereGiven,
  andWhereText,
  likePattern,
  listAll,
  listPage,
  listSorts,
  pageJson,
  type JsonItem,
} from '../common/list-query';
import { archiveRecord, updateVersioned } from '../common/records';
import { replaceLinks, type LinkTable } from '../common/refs';
import { OutcomeEntity } from '../outcomes/outcome.entity';
import { commitmentAchievedInRangeSql, commitmentAtRiskSql, commitmentOverdueSql, isoDate } from '../rules';
import { CommitmentStatusChangeEntity } from './commitment-status-change.entity';
import { CommitmentEntity } from './commitment.entity';

/** The columns a create or an edit may set (status moves only by transitions). */
export type CommitmentValues = Partial<
  Pick<CommitmentEntity, 'title' | 'kind' | 'cityId' | 'hubId' | 'ownerId' | 'targetDate' | 'progress' | 'description'>
>;

const SORT_FIELDS = {
  title: 'c.title',
  targetDate: 'c.target_date',
  status: 'c.status',
  progress: 'c.progress',
  createdAt: 'c.created_at',
};

/**
 * With no sort asked for, what needs attention first: open commitments by target date, achieved and
 * cancelled ones last. Ties by id keep paging stable.
 */
const SORTS = listSorts(
  SORT_FIELDS,
  [
    [`(c.status IN ('achieved', 'cancelled'))`, 'ASC'],
    ['c.target_date', 'ASC'],
  ],
  'c.id',
);

/** One status asked for: the closed-last key says nothing, so the target-date index can serve the order. */
const SORTS_ONE_STATUS = listSorts(SORT_FIELDS, [['c.target_date', 'ASC']], 'c.id');

const INSPIRED_BY: LinkTable = {
  table: 'commitment_engagements',
  ownerColumn: 'commitment_id',
  otherColumn: 'engagement_id',
  otherTable: 'engagements',
  field: 'inspiredByEngagementIds',
};
const PARTNERS: LinkTable = {
  table: 'commitment_partners',
  ownerColumn: 'commitment_id',
  otherColumn: 'partner_id',
  otherTable: 'partners',
  field: 'partnerIds',
};

const byName = (a: Ref, b: Ref) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/** A commitment's read model as one row: its columns, names, and its links as JSON arrays. */
export interface CommitmentReadRow
  extends Omit<Commitment, 'inspiredByEngagementIds' | 'partnerIds' | 'atRisk' | 'createdAt'>,
    Pick<CommitmentListItem, 'cityName' | 'hubName' | 'ownerName' | 'partners'> {
  /** The driver hands timestamps over as dates; the contract speaks ISO text. */
  createdAt: Date;
  inspiredBy: { id: string; name: string; startDate: string }[];
}

/** The contract shape of a commitment's read row; `today` judges "at risk" (a page reads the clock once). */
export function toCommitmentListItem(c: CommitmentReadRow, today = todayIso()): CommitmentListItem {
  const inspiredBy = [...c.inspiredBy]
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id))
    .map((e) => ({ id: e.id, name: e.name }));
  const partners = c.partners.map((p) => ({ id: p.id, name: p.name })).sort(byName);
  // The row holds exactly the read query's columns, named as the contract names them.
  return {
    ...c,
    inspiredByEngagementIds: inspiredBy.map((e) => e.id),
    partnerIds: partners.map((p) => p.id),
    atRisk: isCommitmentAtRisk(c, today),
    createdAt: c.createdAt.toISOString(),
    inspiredBy,
    partners,
  };
}

/** A commitment's read model as `readJsonQuery` gives it. */
interface CommitmentJsonRow extends Pick<Commitment, 'id' | 'status' | 'targetDate'> {
  head: string;
  inspiredIds: string;
  partners: Ref[];
}

/** `toCommitmentListItem(row)` as JSON text, from the JSON the database wrote (its head) and the partners sorted here. */
function commitmentJson(row: CommitmentJsonRow, today: string): string {
  const partners = row.partners.length ? row.partners.map((p) => ({ id: p.id, name: p.name })).sort(byName) : [];
  const partnerIds = partners.length ? JSON.stringify(partners.map((p) => p.id)) : '[]';
  return `${row.head.slice(0, -1)},"partners":${partners.length ? JSON.stringify(partners) : '[]'},"inspiredByEngagementIds":${row.inspiredIds},"partnerIds":${partnerIds},"atRisk":${isCommitmentAtRisk(row, today)}}`;
}

/** The record as the audit log compares it: no names, no derived facts. */
export function commitmentRecord(c: CommitmentListItem): Omit<Commitment, 'atRisk' | 'createdAt'> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { cityName, hubName, ownerName, inspiredBy, partners, atRisk, createdAt, ...commitment } = c;
  return commitment;
}

/** Every query of the commitments tables. */
@Injectable()
export class CommitmentsRepository {
  constructor(@InjectRepository(CommitmentEntity) private readonly commitments: Repository<CommitmentEntity>) {}

  private repo(m?: EntityManager): Repository<CommitmentEntity> {
    return m ? m.getRepository(CommitmentEntity) : this.commitments;
  }

  /** Live commitments the caller may read, alias `c` (the list and the search start here). */
  readable(user: AuthUser): SelectQueryBuilder<CommitmentEntity> {
    const qb = this.commitments.createQueryBuilder('c').where('c.archived_at IS NULL');
    return andWhereInScope(qb, user, 'commitments', 'read', {
      hub: (p) => `c.hub_id = ANY(${p}::uuid[])`,
      city: (p) => `c.city_id = ANY(${p}::uuid[])`,
    });
  }
  /** Which of `ids` are live records the caller may read (an import reads the records its rows name, no more). */
  async readableIds(user: AuthUser, ids: string[]): Promise<string[]> {
    const rows = await this.readable(user).select('c.id', 'id').andWhere('c.id = ANY(:ids::uuid[])', { ids }).getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** Live commitments the caller may read that match the filters (base table only; see listPage). */
  private filtered(user: AuthUser, f: CommitmentFilters): SelectQueryBuilder<CommitmentEntity> {
    const qb = this.readable(user);
    andWhereGiven(qb, f.hubId, 'c.hub_id = :hubId', { hubId: f.hubId });
    andWhereGiven(qb, f.cityId, 'c.city_id = :cityId', { cityId: f.cityId });
    andWhereGiven(qb, f.status, 'c.status = :status', { status: f.status });
    andWhereGiven(qb, f.kind, 'c.kind = :kind', { kind: f.kind });
    andWhereGiven(qb, f.ownerId, 'c.owner_id = :ownerId', { ownerId: f.ownerId });
    andWhereGiven(
      qb,
      f.engagementId,
      'EXISTS (SELECT 1 FROM commitment_engagements fce WHERE fce.commitment_id = c.id AND fce.engagement_id = :engagementId)',
      { engagementId: f.engagementId },
    );
    andWhereFlag(qb, f.overdue, commitmentOverdueSql('c'));
    andWhereFlag(qb, f.atRisk, commitmentAtRiskSql('c'));
    if (f.achievedFrom || f.achievedTo) {
      qb.andWhere(commitmentAchievedInRangeSql('c', f.achievedFrom ? ':achievedFrom' : null, f.achievedTo ? ':achievedTo' : null), {
        achievedFrom: f.achievedFrom,
        achievedTo: f.achievedTo,
      });
    }
    return andWhereText(qb, f.q, ['c.title', 'c.description']);
  }

  /**
   * One page of the list as its answer's JSON text (a `Page<CommitmentListItem>`, the same bytes as
   * `toCommitmentListItem` and JSON.stringify write): PostgreSQL writes each item's columns, names and
   * engagements (`readJsonQuery`), the API adds the partners in name order and `atRisk`. No row of 17
   * columns parsed, no item mapped, no page stringified.
   */
  async listJson(user: AuthUser, f: CommitmentFilters): Promise<string> {
    const today = todayIso();
    const page = await listPage<CommitmentEntity, JsonItem, CommitmentJsonRow>(
      this.filtered(user, f),
      f,
      f.status ? SORTS_ONE_STATUS : SORTS,
      { read: () => this.readJsonQuery(), map: (row) => ({ id: row.id, json: commitmentJson(row, today) }) },
      // Prepared unless searching text: the other filters are equalities and flags whose plan is the same for any
      // value. A text search usually matches fewer than a page: its total is then the page's own count (see listPage).
      { cursor: true, prepare: !likePattern(f.q), countAfterPage: likePattern(f.q) !== null },
    );
    return pageJson(page);
  }

  /** Every match in the list's order, up to `cap` (CSV export, a city's timeline). */
  all(user: AuthUser, f: CommitmentFilters, cap?: number): Promise<CommitmentListItem[]> {
    return listAll(this.filtered(user, f), f, f.status ? SORTS_ONE_STATUS : SORTS, (ids) => this.load(ids), cap);
  }

  /**
   * Commitments with their city, hub, owner, engagements and partners (the read model): plain typed
   * columns, the links aggregated per commitment in correlated subqueries, so a page is one statement
   * with one row per commitment (no entity hydration, no rows repeated by the two many-to-many links).
   */
  private readQuery(m?: EntityManager): SelectQueryBuilder<CommitmentEntity> {
    return this.repo(m)
      .createQueryBuilder('c')
      .innerJoin('c.city', 'ci')
      .innerJoin('c.hub', 'h')
      .leftJoin('c.owner', 'u')
      .select('c.id', 'id')
      .addSelect('c.title', 'title')
      .addSelect('c.kind', 'kind')
      .addSelect('c.city_id', 'cityId')
      .addSelect('c.hub_id', 'hubId')
      .addSelect('c.owner_id', 'ownerId')
      .addSelect(isoDate('c.target_date'), 'targetDate')
      .addSelect('c.progress', 'progress')
      .addSelect('c.status', 'status')
      .addSelect('c.description', 'description')
      .addSelect('c.created_at', 'createdAt')
      .addSelect('c.version', 'version')
      .addSelect('ci.name', 'cityName')
      .addSelect('h.name', 'hubName')
      .addSelect('u.name', 'ownerName')
      .addSelect(
        `COALESCE((SELECT json_agg(json_build_object('id', re.id, 'name', re.title, 'startDate', ${isoDate('re.start_date')}))
                     FROM commitment_engagements rce JOIN engagements re ON re.id = rce.engagement_id
                    WHERE rce.commitment_id = c.id), '[]'::json)`,
        'inspiredBy',
      )
      .addSelect(
        `COALESCE((SELECT json_agg(json_build_object('id', rp.id, 'name', rp.name))
                     FROM commitment_partners rcp JOIN partners rp ON rp.id = rcp.partner_id
                    WHERE rcp.commitment_id = c.id), '[]'::json)`,
        'partners',
      );
  }

  /**
   * The read model of a page as JSON text written by PostgreSQL: `head` is the item up to its engagements
   * (`row_to_json` writes compact JSON, keys in the order `readQuery`'s rows have them (the query builder puts
   * the entity's own columns first), dates as the API writes them, engagements by start date then id, as
   * `toCommitmentListItem` sorts them), `inspiredIds` their ids. The partners come as JSON to be sorted by name
   * here (JavaScript's collation), status and target date for `atRisk` (the page's clock).
   */
  private readJsonQuery(): SelectQueryBuilder<CommitmentEntity> {
    const engagements = `FROM commitment_engagements rce JOIN engagements re ON re.id = rce.engagement_id
      CROSS JOIN LATERAL (SELECT re.id, re.title AS name) ie WHERE rce.commitment_id = c.id`;
    const inOrder = 'ORDER BY re.start_date, re.id';
    // row_to_json, string_agg and a timestamp as toISOString writes it: the query builder has no words for them.
    return this.commitments
      .createQueryBuilder('c')
      .innerJoin('c.city', 'ci')
      .innerJoin('c.hub', 'h')
      .leftJoin('c.owner', 'u')
      .select('c.id', 'id')
      .addSelect(
        `(SELECT row_to_json(j)::text FROM (SELECT c.id, c.title, c.kind, c.progress, c.status, c.description, c.version,
            ci.name AS "cityName", h.name AS "hubName", u.name AS "ownerName",
            c.city_id AS "cityId", c.hub_id AS "hubId", c.owner_id AS "ownerId", ${isoDate('c.target_date')} AS "targetDate",
            to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
            COALESCE((SELECT ('[' || string_agg(row_to_json(ie)::text, ',' ${inOrder}) || ']')::json ${engagements}), '[]'::json) AS "inspiredBy") j)`,
        'head',
      )
      .addSelect(`COALESCE((SELECT '[' || string_agg(to_json(re.id)::text, ',' ${inOrder}) || ']' ${engagements}), '[]')`, 'inspiredIds')
      .addSelect(
        `COALESCE((SELECT json_agg(json_build_object('id', rp.id, 'name', rp.name))
                     FROM commitment_partners rcp JOIN partners rp ON rp.id = rcp.partner_id
                    WHERE rcp.commitment_id = c.id), '[]'::json)`,
        'partners',
      )
      .addSelect('c.status', 'status')
      .addSelect(isoDate('c.target_date'), 'targetDate');
  }

  /** The read models of `ids` (live or not), in no particular order. */
  async load(ids: string[], m?: EntityManager): Promise<CommitmentListItem[]> {
    const rows = await this.readQuery(m).where('c.id IN (:...ids)', { ids }).getRawMany<CommitmentReadRow>();
    const today = todayIso();
    return rows.map((r) => toCommitmentListItem(r, today));
  }

  /** One live commitment; `lock` holds its row (FOR UPDATE) until the transaction ends. */
  async findLive(id: string, m?: EntityManager, lock = false): Promise<CommitmentListItem | null> {
    const qb = this.readQuery(m).where('c.id = :id AND c.archived_at IS NULL', { id });
    if (lock) qb.setLock('pessimistic_write', undefined, ['c']);
    const found = await qb.getRawOne<CommitmentReadRow>();
    return found ? toCommitmentListItem(found) : null;
  }

  async insert(
    m: EntityManager,
    values: CommitmentValues & Pick<CommitmentEntity, 'title' | 'kind' | 'cityId' | 'hubId'>,
  ): Promise<string> {
    const result = await m.getRepository(CommitmentEntity).insert({ ...values, status: 'pledged' });
    return result.identifiers[0]['id'] as string;
  }

  /** False when `version` is stale or the commitment is archived. */
  update(m: EntityManager, id: string, version: number, values: CommitmentValues): Promise<boolean> {
    return updateVersioned(m, CommitmentEntity, id, version, values);
  }

  archive(m: EntityManager, id: string): Promise<boolean> {
    return archiveRecord(m, CommitmentEntity, id);
  }

  async setLinks(m: EntityManager, id: string, links: { inspiredByEngagementIds?: string[]; partnerIds?: string[] }): Promise<void> {
    if (links.inspiredByEngagementIds) await replaceLinks(m, INSPIRED_BY, id, links.inspiredByEngagementIds);
    if (links.partnerIds) await replaceLinks(m, PARTNERS, id, links.partnerIds);
  }

  /** Moves the status (achieving sets progress to 100) and keeps the step in the status history. */
  async moveStatus(
    m: EntityManager,
    id: string,
    step: { from: CommitmentStatus | null; to: CommitmentStatus; actorId: string; note?: string | null; progress?: number },
  ): Promise<void> {
    await m
      .createQueryBuilder()
      .update(CommitmentEntity)
      .set({
        status: step.to,
        ...(step.to === 'achieved' ? { progress: 100 } : step.progress !== undefined ? { progress: step.progress } : {}),
      })
      .where('id = :id', { id })
      .execute();
    await this.recordStatus(m, id, step);
  }

  /**
   * The progress a commitment had before its latest move to achieved (which sets 100), read from that
   * move's audit row; null when the row did not change the progress or there is none.
   */
  async progressBeforeAchieved(m: EntityManager, id: string): Promise<number | null> {
    const rows: { progress: number | null }[] = await m.query(
      `SELECT (changes->'progress'->>'old')::int AS progress FROM audit_log
        WHERE entity = 'commitment' AND entity_id = $1 AND action = 'transition' AND changes->'status'->>'new' = 'achieved'
        ORDER BY at DESC LIMIT 1`,
      [id],
    );
    return rows[0]?.progress ?? null;
  }

  /** The first status (at creation) or a later step. */
  async recordStatus(
    m: EntityManager,
    id: string,
    step: { from: CommitmentStatus | null; to: CommitmentStatus; actorId: string; note?: string | null },
  ): Promise<void> {
    await m
      .getRepository(CommitmentStatusChangeEntity)
      .insert({ commitmentId: id, fromStatus: step.from, toStatus: step.to, actorId: step.actorId, note: step.note ?? null });
  }

  /**
   * A city moved to another hub: its commitments (archived ones too) follow, since a commitment's hub
   * is its city's hub, kept on the row for scope checks. Plain SQL, so the rows' versions stay: no one
   * edited the commitments themselves (a query builder's update by table name still resolves the
   * entity, bumps the version and refuses the column name).
   */
  async moveCityToHub(m: EntityManager, cityId: string, hubId: string): Promise<void> {
    await m.query(`UPDATE commitments SET hub_id = $1 WHERE city_id = $2`, [hubId, cityId]);
  }

  /**
   * Live outcomes recorded on the commitment: the workflow rule "achieving needs an outcome" reads the
   * outcomes table here, so the commitments module needs no dependency on the outcomes module.
   */
  countOutcomes(m: EntityManager, id: string): Promise<number> {
    return m.getRepository(OutcomeEntity).countBy({ commitmentId: id, archivedAt: IsNull() });
  }
}
