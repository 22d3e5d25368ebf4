import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { Hub } from '@impact/contracts';
import { CityEntity } from '../cities/city.entity';
import { archiveRecord, updateVersioned } from '../common/records';
import { HubEntity } from './hub.entity';

export const toHub = (h: HubEntity): Hub => ({ id: h.id, code: h.code, name: h.name, names: h.names ?? {}, version: h.version });

/** Every query of the hubs table. */
@Injectable()
export class HubsRepository {
  constructor(@InjectRepository(HubEntity) private readonly hubs: Repository<HubEntity>) {}

  /** The live hubs by name (a handful: no paging). */
  async list(): Promise<Hub[]> {
    const hubs = await this.hubs.createQueryBuilder('h').where('h.archived_at IS NULL').orderBy('h.name').addOrderBy('h.id').getMany();
    return hubs.map(toHub);
  }

  async findLive(id: string, m?: EntityManager): Promise<Hub | null> {
    const hub = await (m ? m.getRepository(HubEntity) : this.hubs)
      .createQueryBuilder('h')
      .where('h.id = :id AND h.archived_at IS NULL', { id })
      .getOne();
    return hub ? toHub(hub) : null;
  }

  /** Whether another hub (archived ones too: the code stays unique) has this code. */
  codeTaken(m: EntityManager, code: string, exceptId: string | null): Promise<boolean> {
    const qb = m.getRepository(HubEntity).createQueryBuilder('h').where('h.code = :code', { code });
    if (exceptId) qb.andWhere('h.id <> :exceptId', { exceptId });
    return qb.getExists();
  }

  async insert(m: EntityManager, values: Pick<HubEntity, 'code' | 'name' | 'names'>): Promise<string> {
    const result = await m.getRepository(HubEntity).insert(values);
    return result.identifiers[0]['id'] as string;
  }

  /** False when `version` is stale or the hub archived. */
  update(m: EntityManager, id: string, version: number, values: Partial<Pick<HubEntity, 'code' | 'name' | 'names'>>): Promise<boolean> {
    return updateVersioned(m, HubEntity, id, version, values);
  }

  archive(m: EntityManager, id: string): Promise<boolean> {
    return archiveRecord(m, HubEntity, id);
  }

  /** Live cities of the hub (counted here, so the hubs module needs nothing of the cities module). */
  countLiveCities(m: EntityManager, hubId: string): Promise<number> {
    return m.getRepository(CityEntity).createQueryBuilder('c').where('c.hub_id = :hubId AND c.archived_at IS NULL', { hubId }).getCount();
  }
}
