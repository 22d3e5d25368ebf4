import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import type { Page, Partner, PartnerFilters } from '@impact/contracts';
import { andWhereGiven, andWhereText, listAll, listPage, listSorts } from '../common/list-query';
import { archiveRecord, updateVersioned } from '../common/records';
import { PartnerEntity } from './partner.entity';

/** The columns a create or an edit may set. */
export type PartnerValues = Partial<Pick<PartnerEntity, 'name' | 'kind' | 'countryCode'>>;

export const toPartner = (p: PartnerEntity): Partner => ({
  id: p.id,
  name: p.name,
  kind: p.kind,
  countryCode: p.countryCode,
  version: p.version,
});

const SORTS = listSorts({ name: 'p.name', kind: 'p.kind', countryCode: 'p.country_code' }, [['p.name', 'ASC']], 'p.id');

/** Every query of the partners table. */
@Injectable()
export class PartnersRepository {
  constructor(@InjectRepository(PartnerEntity) private readonly partners: Repository<PartnerEntity>) {}

  private repo(m?: EntityManager): Repository<PartnerEntity> {
    return m ? m.getRepository(PartnerEntity) : this.partners;
  }

  /** Live partners, alias `p` (every staff role reads them all; the list and the search start here). */
  readable(): SelectQueryBuilder<PartnerEntity> {
    return this.partners.createQueryBuilder('p').where('p.archived_at IS NULL');
  }

  /** Live partners that match the filters. */
  private filtered(f: PartnerFilters): SelectQueryBuilder<PartnerEntity> {
    const qb = this.readable();
    andWhereGiven(qb, f.kind, 'p.kind = :kind', { kind: f.kind });
    return andWhereText(qb, f.q, ['p.name']);
  }

  list(f: PartnerFilters): Promise<Page<Partner>> {
    return listPage(this.filtered(f), f, SORTS, (ids) => this.load(ids));
  }

  /** Every match in the list's order (CSV export). */
  all(f: PartnerFilters): Promise<Partner[]> {
    return listAll(this.filtered(f), f, SORTS, (ids) => this.load(ids));
  }

  /** The partners of `ids` (live or not), in no particular order. */
  async load(ids: string[]): Promise<Partner[]> {
    const partners = await this.partners.createQueryBuilder('p').where('p.id IN (:...ids)', { ids }).getMany();
    return partners.map(toPartner);
  }

  async findLive(id: string, m?: EntityManager): Promise<Partner | null> {
    const partner = await this.repo(m).createQueryBuilder('p').where('p.id = :id AND p.archived_at IS NULL', { id }).getOne();
    return partner ? toPartner(partner) : null;
  }

  async insert(m: EntityManager, values: Pick<PartnerEntity, 'name' | 'kind' | 'countryCode'>): Promise<string> {
    const result = await m.getRepository(PartnerEntity).insert(values);
    return result.identifiers[0]['id'] as string;
  }

  /** False when `version` is stale or the partner archived. */
  update(m: EntityManager, id: string, version: number, values: PartnerValues): Promise<boolean> {
    return updateVersioned(m, PartnerEntity, id, version, values);
  }

  archive(m: EntityManager, id: string): Promise<boolean> {
    return archiveRecord(m, PartnerEntity, id);
  }
}
