import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import type { OutcomeFilters, OutcomeListItem, Page } from '@impact/contracts';
import { andWhereInScope } from '../auth/access';
import type { AuthUser } from '../auth/auth-user';
import { andWhereGiven, andWhereText, listAll, listPage, listSorts } from '../common/list-query';
import { archiveRecord, updateVersioned } from '../common/records';
import { isoDate } from '../rules';
import { toOutcomeListItem, type OutcomeReadRow } from './outcome.read';
import { OutcomeEntity } from './outcome.entity';

/** The columns a create or an edit may set (the verifier is set from who verifies, never sent). */
export type OutcomeValues = Partial<
  Pick<OutcomeEntity, 'commitmentId' | 'cityId' | 'date' | 'type' | 'value' | 'unit' | 'description' | 'evidenceUrl' | 'verifiedById'>
>;

const SORTS = listSorts({ date: 'o.date', type: 'o.type', value: 'o.value' }, [['o.date', 'DESC']], 'o.id');

/** An outcome's hub is its city's hub: the hub filters look it up on the city row. */
const inHubs = (p: string) => `EXISTS (SELECT 1 FROM cities oc WHERE oc.id = o.city_id AND oc.hub_id = ANY(${p}::uuid[]))`;

/** `verifiedAt` is the database's clock when verified, cleared otherwise. */
const verifiedAt = (verifierId: string | null) => (verifierId ? () => 'now()' : null);

/** Every query of the outcomes table. */
@Injectable()
export class OutcomesRepository {
  constructor(@InjectRepository(OutcomeEntity) private readonly outcomes: Repository<OutcomeEntity>) {}

  private repo(m?: EntityManager): Repository<OutcomeEntity> {
    return m ? m.getRepository(OutcomeEntity) : this.outcomes;
  }

  /** Live outcomes the caller may read, alias `o` (the list and the search start here). */
  readable(user: AuthUser): SelectQueryBuilder<OutcomeEntity> {
    const qb = this.outcomes.createQueryBuilder('o').where('o.archived_at IS NULL');
    return andWhereInScope(qb, user, 'outcomes', 'read', { hub: inHubs, city: (p) => `o.city_id = ANY(${p}::uuid[])` });
  }

  /** Live outcomes the caller may read that match the filters (base table only; see listPage). */
  private filtered(user: AuthUser, f: OutcomeFilters): SelectQueryBuilder<OutcomeEntity> {
    const qb = this.readable(user);
    andWhereGiven(qb, f.hubId, `EXISTS (SELECT 1 FROM cities hc WHERE hc.id = o.city_id AND hc.hub_id = :hubId)`, { hubId: f.hubId });
    andWhereGiven(qb, f.cityId, 'o.city_id = :cityId', { cityId: f.cityId });
    andWhereGiven(qb, f.commitmentId, 'o.commitment_id = :commitmentId', { commitmentId: f.commitmentId });
    andWhereGiven(qb, f.type, 'o.type = :type', { type: f.type });
    andWhereGiven(qb, f.from, 'o.date >= :from::date', { from: f.from });
    andWhereGiven(qb, f.to, 'o.date <= :to::date', { to: f.to });
    return andWhereText(qb, f.q, ['o.description', 'o.unit']);
  }

  list(user: AuthUser, f: OutcomeFilters): Promise<Page<OutcomeListItem>> {
    return listPage(this.filtered(user, f), f, SORTS, (ids) => this.load(ids));
  }

  /** Every match in the list's order, up to `cap` (CSV export, a city's timeline). */
  all(user: AuthUser, f: OutcomeFilters, cap?: number): Promise<OutcomeListItem[]> {
    return listAll(this.filtered(user, f), f, SORTS, (ids) => this.load(ids), cap);
  }

  /** Outcomes with their city (and its hub), commitment and verifier (the read model): typed columns, one row per outcome. */
  private readQuery(m?: EntityManager): SelectQueryBuilder<OutcomeEntity> {
    return this.repo(m)
      .createQueryBuilder('o')
      .innerJoin('o.city', 'oc')
      .leftJoin('o.commitment', 'c')
      .leftJoin('o.verifiedBy', 'vu')
      .select('o.id', 'id')
      .addSelect('o.commitment_id', 'commitmentId')
      .addSelect('o.city_id', 'cityId')
      .addSelect(isoDate('o.date'), 'date')
      .addSelect('o.type', 'type')
      .addSelect('o.value', 'value')
      .addSelect('o.unit', 'unit')
      .addSelect('o.description', 'description')
      .addSelect('o.evidence_url', 'evidenceUrl')
      .addSelect('o.verified_by_id', 'verifiedById')
      .addSelect('o.verified_at', 'verifiedAt')
      .addSelect('o.version', 'version')
      .addSelect('oc.name', 'cityName')
      .addSelect('oc.hub_id', 'hubId')
      .addSelect('c.title', 'commitmentTitle')
      .addSelect('vu.name', 'verifiedByName');
  }

  /** The read models of `ids` (live or not), in no particular order. */
  async load(ids: string[], m?: EntityManager): Promise<OutcomeListItem[]> {
    const rows = await this.readQuery(m).where('o.id IN (:...ids)', { ids }).getRawMany<OutcomeReadRow>();
    return rows.map(toOutcomeListItem);
  }

  /** One live outcome. */
  async findLive(id: string, m?: EntityManager): Promise<OutcomeListItem | null> {
    const found = await this.readQuery(m).where('o.id = :id AND o.archived_at IS NULL', { id }).getRawOne<OutcomeReadRow>();
    return found ? toOutcomeListItem(found) : null;
  }

  async insert(m: EntityManager, values: OutcomeValues & Pick<OutcomeEntity, 'cityId' | 'date' | 'type'>): Promise<string> {
    const verifierId = values.verifiedById ?? null;
    const result = await m.getRepository(OutcomeEntity).insert({ ...values, verifiedById: verifierId, verifiedAt: verifiedAt(verifierId) });
    return result.identifiers[0]['id'] as string;
  }

  /**
   * False when `version` is stale or the outcome is archived. A given `verifiedById` also sets or clears
   * `verifiedAt` (now), unless `verifiedAtWas` gives the time back (an undo restoring a verification as it was).
   */
  update(m: EntityManager, id: string, version: number, values: OutcomeValues, verifiedAtWas?: Date | null): Promise<boolean> {
    const verification =
      values.verifiedById === undefined
        ? {}
        : { verifiedAt: verifiedAtWas !== undefined ? verifiedAtWas : verifiedAt(values.verifiedById) };
    return updateVersioned(m, OutcomeEntity, id, version, { ...values, ...verification });
  }

  archive(m: EntityManager, id: string): Promise<boolean> {
    return archiveRecord(m, OutcomeEntity, id);
  }
}
