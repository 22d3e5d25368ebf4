import { Injectable } from '@nestjs/common';
import type { RecordPlace } from '@impact/contracts';
import type { EntityManager } from 'typeorm';
import { CityEntity } from '../cities/city.entity';

/**
 * The one place that answers "which hub and which cities does this record belong to", for access
 * checks. Records keep their hub on the row where they can (commitments, engagements, stories); what
 * must be looked up (a city's hub, where a follow-up or an outcome sits) is looked up here, below
 * every records module, so none of them needs another's service.
 */
@Injectable()
export class PlacesRepository {
  /** The live city's place (its hub and itself), or null when there is no such live city. */
  async ofCity(m: EntityManager, cityId: string): Promise<RecordPlace & { hubId: string } | null> {
    const city = await m
      .getRepository(CityEntity)
      .createQueryBuilder('c')
      .select(['c.id', 'c.hubId'])
      .where('c.id = :cityId AND c.archived_at IS NULL', { cityId })
      .getOne();
    return city ? { hubId: city.hubId, hubIds: [city.hubId], cityIds: [city.id] } : null;
  }
}
