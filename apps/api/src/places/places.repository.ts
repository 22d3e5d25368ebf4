import { Injectable } from '@nestjs/common';
import { commitmentPlace, engagementPlace, type RecordPlace } from '@impact/contracts';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { CityEntity } from '../cities/city.entity';
import { CommitmentEntity } from '../commitments/commitment.entity';
import { EngagementEntity } from '../engagements/engagement.entity';
import { FollowUpEntity } from '../follow-ups/follow-up.entity';
import { HubEntity } from '../hubs/hub.entity';
import { OutcomeEntity } from '../outcomes/outcome.entity';
import { StoryEntity } from '../stories/story.entity';

/** The record kinds (as the audit trail names them) that sit in a hub. */
const HUB_RECORD_KINDS = ['hub', 'city', 'engagement', 'commitment', 'followUp', 'outcome', 'story'] as const;
export type HubRecordKind = (typeof HUB_RECORD_KINDS)[number];

export const isHubRecordKind = (kind: string | undefined): kind is HubRecordKind =>
  (HUB_RECORD_KINDS as readonly (string | undefined)[]).includes(kind);

/** Per kind: a query over the record (archived or not) selecting its hub as `hub_id`. */
const HUB_OF: Record<HubRecordKind, (m: EntityManager) => SelectQueryBuilder<object>> = {
  hub: (m) => m.getRepository(HubEntity).createQueryBuilder('r').select('r.id', 'hub_id'),
  city: (m) => m.getRepository(CityEntity).createQueryBuilder('r').select('r.hubId', 'hub_id'),
  engagement: (m) => m.getRepository(EngagementEntity).createQueryBuilder('r').select('r.hubId', 'hub_id'),
  commitment: (m) => m.getRepository(CommitmentEntity).createQueryBuilder('r').select('r.hubId', 'hub_id'),
  followUp: (m) =>
    m
      .getRepository(FollowUpEntity)
      .createQueryBuilder('r')
      .leftJoin(CommitmentEntity, 'c', 'c.id = r.commitmentId')
      .leftJoin(EngagementEntity, 'e', 'e.id = r.engagementId')
      .select('COALESCE(c.hub_id, e.hub_id)', 'hub_id'),
  outcome: (m) =>
    m.getRepository(OutcomeEntity).createQueryBuilder('r').innerJoin(CityEntity, 'ci', 'ci.id = r.cityId').select('ci.hubId', 'hub_id'),
  story: (m) => m.getRepository(StoryEntity).createQueryBuilder('r').select('r.hubId', 'hub_id'),
};

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
    const qb = m
      .getRepository(CommitmentEntity)
      .createQueryBuilder('c')
      .select(['c.id', 'c.hubId', 'c.cityId'])
      .where('c.id = :id', { id });
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

  /** The hub a record of `kind` sits in (archived records too: their history stays readable), or null when there is no such record. */
  async hubOfRecord(m: EntityManager, kind: HubRecordKind, id: string): Promise<{ hubId: string | null } | null> {
    const row = await HUB_OF[kind](m).where('r.id = :id', { id }).getRawOne<{ hub_id: string | null }>();
    return row ? { hubId: row.hub_id } : null;
  }
}
