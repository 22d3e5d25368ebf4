import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import type { CityFilters, CityListItem, Page, Ref } from '@impact/contracts';
import { andWhereInScope } from '../auth/access';
import type { AuthUser } from '../auth/auth-user';
import { andWhereGiven, andWhereText, listAll, listPage, listSorts } from '../common/list-query';
import { archiveRecord, updateVersioned } from '../common/records';
import { CommitmentEntity } from '../commitments/commitment.entity';
import { cityActiveSql, isoDate } from '../rules';
import { toCityListItem, type CityReadRow } from './city.read';
import { CityEntity } from './city.entity';

/** The columns a create or an edit may set. */
export type CityValues = Partial<
  Pick<
    CityEntity,
    'name' | 'countryCode' | 'hubId' | 'kind' | 'membershipStatus' | 'memberSince' | 'leadOfficial' | 'latitude' | 'longitude'
  >
>;

/** One peer-learning link of a city's timeline: the other city and the engagement that joins them. */
export interface LearningLink {
  city: Ref;
  engagement: Ref;
}

const SORTS = listSorts({ name: 'c.name', countryCode: 'c.country_code', memberSince: 'c.member_since' }, [['c.name', 'ASC']], 'c.id');

interface LinkRow {
  city_id: string;
  city_name: string;
  engagement_id: string;
  engagement_title: string;
}

const toLink = (r: LinkRow): LearningLink => ({
  city: { id: r.city_id, name: r.city_name },
  engagement: { id: r.engagement_id, name: r.engagement_title },
});

/** Every query of the cities table (and of its liaisons join table). */
@Injectable()
export class CitiesRepository {
  constructor(@InjectRepository(CityEntity) private readonly cities: Repository<CityEntity>) {}

  private repo(m?: EntityManager): Repository<CityEntity> {
    return m ? m.getRepository(CityEntity) : this.cities;
  }

  /** Live cities the caller may read, alias `c` (the list and the search start here). */
  readable(user: AuthUser): SelectQueryBuilder<CityEntity> {
    const qb = this.cities.createQueryBuilder('c').where('c.archived_at IS NULL');
    return andWhereInScope(qb, user, 'cities', 'read', {
      hub: (p) => `c.hub_id = ANY(${p}::uuid[])`,
      city: (p) => `c.id = ANY(${p}::uuid[])`,
    });
  }

  /** Live cities the caller may read that match the filters (base table only; see listPage). */
  private filtered(user: AuthUser, f: CityFilters): SelectQueryBuilder<CityEntity> {
    const qb = this.readable(user);
    andWhereGiven(qb, f.hubId, 'c.hub_id = :hubId', { hubId: f.hubId });
    andWhereGiven(qb, f.countryCode, 'c.country_code = :countryCode', { countryCode: f.countryCode });
    andWhereGiven(qb, f.membershipStatus, 'c.membership_status = :membershipStatus', { membershipStatus: f.membershipStatus });
    if (f.active !== undefined || f.activeFrom || f.activeTo) {
      const active = cityActiveSql('c', f.activeFrom ? ':activeFrom' : null, f.activeTo ? ':activeTo' : null);
      qb.andWhere(f.active === false ? `NOT ${active}` : active, { activeFrom: f.activeFrom, activeTo: f.activeTo });
    }
    return andWhereText(qb, f.q, ['c.name']);
  }

  list(user: AuthUser, f: CityFilters): Promise<Page<CityListItem>> {
    return listPage(this.filtered(user, f), f, SORTS, (ids) => this.load(ids));
  }

  /** Every match in the list's order (CSV export). */
  all(user: AuthUser, f: CityFilters): Promise<CityListItem[]> {
    return listAll(this.filtered(user, f), f, SORTS, (ids) => this.load(ids));
  }

  /** Cities with their hub's name and their liaisons' ids (the read model): typed columns, one row per city. */
  private readQuery(m?: EntityManager): SelectQueryBuilder<CityEntity> {
    return this.repo(m)
      .createQueryBuilder('c')
      .innerJoin('c.hub', 'h')
      .select('c.id', 'id')
      .addSelect('c.name', 'name')
      .addSelect('c.country_code', 'countryCode')
      .addSelect('c.hub_id', 'hubId')
      .addSelect('c.kind', 'kind')
      .addSelect('c.membership_status', 'membershipStatus')
      .addSelect(isoDate('c.member_since'), 'memberSince')
      .addSelect('c.lead_official', 'leadOfficial')
      .addSelect('c.latitude', 'latitude')
      .addSelect('c.longitude', 'longitude')
      .addSelect('ARRAY(SELECT rl.user_id::text FROM city_liaisons rl WHERE rl.city_id = c.id)', 'liaisonIds')
      .addSelect('c.version', 'version')
      .addSelect('h.name', 'hubName');
  }

  /** The read models of `ids` (live or not), in no particular order. */
  async load(ids: string[], m?: EntityManager): Promise<CityListItem[]> {
    const rows = await this.readQuery(m).where('c.id IN (:...ids)', { ids }).getRawMany<CityReadRow>();
    return rows.map(toCityListItem);
  }

  /** One live city. */
  async findLive(id: string, m?: EntityManager): Promise<CityListItem | null> {
    const found = await this.readQuery(m).where('c.id = :id AND c.archived_at IS NULL', { id }).getRawOne<CityReadRow>();
    return found ? toCityListItem(found) : null;
  }

  async insert(
    m: EntityManager,
    values: CityValues & Pick<CityEntity, 'name' | 'countryCode' | 'hubId' | 'kind' | 'membershipStatus'>,
  ): Promise<string> {
    const result = await m.getRepository(CityEntity).insert(values);
    return result.identifiers[0]['id'] as string;
  }

  /** False when `version` is stale or the city is archived. */
  update(m: EntityManager, id: string, version: number, values: CityValues): Promise<boolean> {
    return updateVersioned(m, CityEntity, id, version, values);
  }

  archive(m: EntityManager, id: string): Promise<boolean> {
    return archiveRecord(m, CityEntity, id);
  }

  /** The city's active liaisons, by name. */
  async liaisons(id: string): Promise<Ref[]> {
    const rows = await this.cities
      .createQueryBuilder('c')
      .innerJoin('c.liaisons', 'u', 'u.active')
      .select(['u.id AS id', 'u.name AS name'])
      .where('c.id = :id', { id })
      .orderBy('u.name')
      .addOrderBy('u.id')
      .getRawMany<Ref>();
    return rows.map((r) => ({ id: r.id, name: r.name }));
  }

  /**
   * Peer learning, through "inspired by": learned = another city hosted a live engagement that
   * inspired a live commitment of this city; taught = this city hosted one that inspired another
   * city's commitment. Each pair once, by the engagement's start date, then the other city's name.
   */
  async learningLinks(id: string): Promise<{ learnedFrom: LearningLink[]; taught: LearningLink[] }> {
    const links = (side: 'learned' | 'taught') => {
      const qb = this.cities.manager
        .createQueryBuilder(CommitmentEntity, 'c')
        .innerJoin('c.inspiredBy', 'e')
        .innerJoin(CityEntity, 'other', side === 'learned' ? 'other.id = e.host_city_id' : 'other.id = c.city_id')
        .select([
          'other.id AS city_id',
          'other.name AS city_name',
          'e.id AS engagement_id',
          'e.title AS engagement_title',
          'e.start_date AS start_date',
        ])
        .distinct(true)
        .where('c.archived_at IS NULL AND e.archived_at IS NULL');
      if (side === 'learned') qb.andWhere('c.city_id = :id AND e.host_city_id <> :id', { id });
      else qb.andWhere('e.host_city_id = :id AND c.city_id <> :id', { id });
      return qb.orderBy('start_date').addOrderBy('city_name').getRawMany<LinkRow>();
    };
    const [learned, taught] = await Promise.all([links('learned'), links('taught')]);
    return { learnedFrom: learned.map(toLink), taught: taught.map(toLink) };
  }
}
