import { Injectable } from '@nestjs/common';
import { commitmentPlace, engagementPlace, type RecordPlace } from '@impact/contracts';
import type { EntityManager } from 'typeorm';
import { CityEntity } from '../cities/city.entity';
import { CommitmentEntity } from '../commitments/commitment.entity';
import { EngagementEntity } from '../engagements/engagement.entity';

/** The places of a follow-up's parents; null where no id was given or no such record was found. */
export interface FollowUpParentPlaces {
  commitment: RecordPlace | null;
  engagement: RecordPlace | null;
}

/**
 * The one place that answers "which hub and which cities does this record belong to", for access
 * checks. Records keep their hub on the row where they can (commitments, engagements, stories); what
 * must be looked up (a city's hub, where a follow-up or an outcome sits) is looked up here, below
 * every records module, so none of them needs another's service. The places themselves are the pure
 * functions of libs/contracts (place.ts), which the web uses too.
 */
@Injectable()
export class PlacesRepository {
  /** The live city's place (its hub and itself), or null when there is no such live city. */
  async ofCity(m: EntityManager, cityId: string): Promise<(RecordPlace & { hubId: string }) | null> {
    const city = await m
      .getRepository(CityEntity)
      .createQueryBuilder('c')
      .select(['c.id', 'c.hubId'])
      .where('c.id = :cityId AND c.archived_at IS NULL', { cityId })
      .getOne();
    return city ? { hubId: city.hubId, hubIds: [city.hubId], cityIds: [city.id] } : null;
  }

  /**
   * The live commitment's hub and city (an outcome names one, which must be of the outcome's city),
   * or null when there is no such live commitment.
   */
  async ofCommitment(m: EntityManager, commitmentId: string): Promise<{ hubId: string; cityId: string } | null> {
    const commitment = await m
      .getRepository(CommitmentEntity)
      .createQueryBuilder('c')
      .select(['c.id', 'c.hubId', 'c.cityId'])
      .where('c.id = :commitmentId AND c.archived_at IS NULL', { commitmentId })
      .getOne();
    return commitment ? { hubId: commitment.hubId, cityId: commitment.cityId } : null;
  }

  /**
   * Where a follow-up's commitment and engagement sit (`followUpPlace` picks one). `live`: only live
   * parents count (a follow-up being created or moved); an existing follow-up keeps the place of an
   * archived parent.
   */
  async ofFollowUpParents(
    m: EntityManager,
    parents: { commitmentId: string | null; engagementId: string | null },
    live: boolean,
  ): Promise<FollowUpParentPlaces> {
    const [commitment, engagement] = await Promise.all([
      parents.commitmentId ? this.commitmentPlace(m, parents.commitmentId, live) : null,
      parents.engagementId ? this.engagementPlace(m, parents.engagementId, live) : null,
    ]);
    return { commitment, engagement };
  }

  private async commitmentPlace(m: EntityManager, id: string, live: boolean): Promise<RecordPlace | null> {
    const qb = m.getRepository(CommitmentEntity).createQueryBuilder('c').select(['c.id', 'c.hubId', 'c.cityId']).where('c.id = :id', { id });
    if (live) qb.andWhere('c.archived_at IS NULL');
    const c = await qb.getOne();
    return c ? commitmentPlace(c) : null;
  }

  private async engagementPlace(m: EntityManager, id: string, live: boolean): Promise<RecordPlace | null> {
    const qb = m
      .getRepository(EngagementEntity)
      .createQueryBuilder('e')
      .select(['e.id', 'e.hubId', 'e.hostCityId', 'e.locationCityId'])
      .leftJoin('e.participatingCities', 'pc')
      .addSelect('pc.id')
      .where('e.id = :id', { id });
    if (live) qb.andWhere('e.archived_at IS NULL');
    const e = await qb.getOne();
    return e ? engagementPlace({ ...e, participatingCityIds: (e.participatingCities ?? []).map((c) => c.id) }) : null;
  }
}
