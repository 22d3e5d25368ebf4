import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import type { FollowUpFilters, FollowUpListItem, FollowUpStatus, Page } from '@impact/contracts';
import { andWhereInScope } from '../auth/access';
import type { AuthUser } from '../auth/auth-user';
import { andWhereFlag, andWhereGiven, andWhereText, likePattern, listAll, listPage, listSorts } from '../common/list-query';
import { archiveRecord, updateVersioned } from '../common/records';
import { followUpInCitiesSql, followUpOverdueSql, isoDate } from '../rules';
import { CityEntity } from '../cities/city.entity';
import { UserEntity } from '../users/user.entity';
import { FollowUpEntity } from './follow-up.entity';
import { toFollowUpListItem, type FollowUpReadRow } from './follow-up.read';

/** The columns a create or an edit may set (`completedAt` follows the status, see below). */
export type FollowUpValues = Partial<
  Pick<FollowUpEntity, 'commitmentId' | 'engagementId' | 'title' | 'kind' | 'ownerId' | 'dueDate' | 'status' | 'note'>
>;

const SORT_FIELDS = { dueDate: 'f.due_date', title: 'f.title', status: 'f.status' };

/** One status asked for (the list's default is open ones): by due date, the overdue first, on the due-date indexes. */
const SORTS = listSorts(SORT_FIELDS, [['f.due_date', 'ASC']], 'f.id');

/** Every status: open ones first by due date, done and cancelled ones last. Ties by id keep paging stable. */
const SORTS_OPEN_FIRST = listSorts(
  SORT_FIELDS,
  [
    [`(f.status <> 'open')`, 'ASC'],
    ['f.due_date', 'ASC'],
  ],
  'f.id',
);

/** One status, or only overdue ones (all open): the open-first key says nothing, so the due-date indexes serve the order. */
const sortsFor = (f: FollowUpFilters) => (f.status || f.overdue === true ? SORTS : SORTS_OPEN_FIRST);

/** A follow-up's hub: its commitment's, else its engagement's, kept on the row by the database. */
const HUB = 'f.hub_id';

/** `completed_at` as the status says: kept (or now) when done, cleared otherwise. */
const completedAtFor = (status: FollowUpStatus) => () => (status === 'done' ? 'COALESCE(completed_at, now())' : 'NULL');

/** Every query of the follow_ups table. */
@Injectable()
export class FollowUpsRepository {
  constructor(@InjectRepository(FollowUpEntity) private readonly followUps: Repository<FollowUpEntity>) {}

  private repo(m?: EntityManager): Repository<FollowUpEntity> {
    return m ? m.getRepository(FollowUpEntity) : this.followUps;
  }

  /**
   * Live follow-ups the caller may read, aliases `f`, `c`, `e` (the list and the search start here). The joins are many-to-one (each
   * follow-up has at most one commitment and one engagement), so they never repeat a row.
   */
  readable(user: AuthUser): SelectQueryBuilder<FollowUpEntity> {
    const qb = this.followUps
      .createQueryBuilder('f')
      .leftJoin('f.commitment', 'c')
      .leftJoin('f.engagement', 'e')
      .where('f.archived_at IS NULL');
    return andWhereInScope(qb, user, 'followUps', 'read', {
      hub: (p) => `${HUB} = ANY(${p}::uuid[])`,
      city: (p) => followUpInCitiesSql('c', 'e', p),
    });
  }

  /** Live follow-ups the caller may read that match the filters. */
  private filtered(user: AuthUser, f: FollowUpFilters): SelectQueryBuilder<FollowUpEntity> {
    const qb = this.readable(user);
    andWhereGiven(qb, f.hubId, `${HUB} = :hubId`, { hubId: f.hubId });
    andWhereGiven(qb, f.cityId, followUpInCitiesSql('c', 'e', 'ARRAY[:cityId]'), { cityId: f.cityId });
    andWhereGiven(qb, f.ownerId, 'f.owner_id = :ownerId', { ownerId: f.ownerId });
    andWhereGiven(qb, f.status, 'f.status = :status', { status: f.status });
    andWhereGiven(qb, f.commitmentId, 'f.commitment_id = :commitmentId', { commitmentId: f.commitmentId });
    andWhereGiven(qb, f.engagementId, 'f.engagement_id = :engagementId', { engagementId: f.engagementId });
    andWhereFlag(qb, f.overdue, followUpOverdueSql('f'));
    return andWhereText(qb, f.q, ['f.title', 'f.note']);
  }

  list(user: AuthUser, f: FollowUpFilters): Promise<Page<FollowUpListItem>> {
    const text = likePattern(f.q) !== null;
    // Without a text search, one statement (the page's ids as a subquery of the read model) sent prepared: the
    // filters are equalities and flags whose plan is the same for any value, so each pooled connection plans the
    // read model's joins once. A text search keeps a plan made for its pattern, so it reads the ids then the read
    // models (planning the joins around the subquery each time costs more than a second statement), and its
    // total, as it usually matches fewer than a page, is the page's own count (see listPage).
    return listPage<FollowUpEntity, FollowUpListItem, FollowUpReadRow>(
      this.filtered(user, f),
      f,
      sortsFor(f),
      text ? (ids) => this.load(ids) : { read: () => this.readQuery(), map: toFollowUpListItem },
      { cursor: true, prepare: !text, countAfterPage: text },
    );
  }

  /** Every match in the list's order, up to `cap` (CSV export, a city's timeline). */
  all(user: AuthUser, f: FollowUpFilters, cap?: number): Promise<FollowUpListItem[]> {
    return listAll(this.filtered(user, f), f, sortsFor(f), (ids) => this.load(ids), cap);
  }

  /**
   * Follow-ups with their owner, commitment, engagement and city (the commitment's, else the engagement's
   * host, else its place: one join on the first of those ids, since each is a foreign key): the read model
   * as plain typed columns, one row per follow-up (no entity hydration). Four relations, so the planner's
   * join search stays small (seven cost it ≈ 2 ms a page to plan).
   */
  private readQuery(m?: EntityManager): SelectQueryBuilder<FollowUpEntity> {
    return this.repo(m)
      .createQueryBuilder('f')
      .leftJoin('f.commitment', 'c')
      .leftJoin('f.engagement', 'e')
      .leftJoin(CityEntity, 'ci', 'ci.id = COALESCE(c.city_id, e.host_city_id, e.location_city_id)')
      .select('f.id', 'id')
      .addSelect('f.commitment_id', 'commitmentId')
      .addSelect('f.engagement_id', 'engagementId')
      .addSelect('f.title', 'title')
      .addSelect('f.kind', 'kind')
      .addSelect('f.owner_id', 'ownerId')
      .addSelect(isoDate('f.due_date'), 'dueDate')
      .addSelect('f.status', 'status')
      .addSelect('f.completed_at', 'completedAt')
      .addSelect('f.note', 'note')
      .addSelect('f.version', 'version')
      .addSelect('ci.id', 'cityId')
      .addSelect('ci.name', 'cityName')
      .addSelect('f.hub_id', 'hubId')
      .addSelect((q) => q.select('u.name').from(UserEntity, 'u').where('u.id = f.owner_id'), 'ownerName')
      .addSelect('c.title', 'commitmentTitle')
      .addSelect('e.title', 'engagementTitle');
  }

  /** The read models of `ids` (live or not), in no particular order. */
  async load(ids: string[], m?: EntityManager): Promise<FollowUpListItem[]> {
    const rows = await this.readQuery(m).where('f.id IN (:...ids)', { ids }).getRawMany<FollowUpReadRow>();
    return rows.map(toFollowUpListItem);
  }

  /** One live follow-up, or null. */
  async findLive(id: string, m?: EntityManager): Promise<FollowUpListItem | null> {
    const found = await this.readQuery(m).where('f.id = :id AND f.archived_at IS NULL', { id }).getRawOne<FollowUpReadRow>();
    return found ? toFollowUpListItem(found) : null;
  }

  async insert(m: EntityManager, values: FollowUpValues & Pick<FollowUpEntity, 'title' | 'kind' | 'status'>): Promise<string> {
    const result = await m
      .getRepository(FollowUpEntity)
      .insert({ ...values, completedAt: values.status === 'done' ? () => 'now()' : null });
    return result.identifiers[0]['id'] as string;
  }

  /** False when `version` is stale or the follow-up is archived. A status change also sets `completedAt`. */
  update(m: EntityManager, id: string, version: number, values: FollowUpValues): Promise<boolean> {
    return updateVersioned(
      m,
      FollowUpEntity,
      id,
      version,
      values.status === undefined ? values : { ...values, completedAt: completedAtFor(values.status) },
    );
  }

  archive(m: EntityManager, id: string): Promise<boolean> {
    return archiveRecord(m, FollowUpEntity, id);
  }
}
