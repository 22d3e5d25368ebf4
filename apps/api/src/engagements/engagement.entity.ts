import type { EngagementType } from '@impact/contracts';
import { Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne } from 'typeorm';
import { CityEntity } from '../cities/city.entity';
import { DATE, RecordEntity } from '../database/record.entity';
import { HubEntity } from '../hubs/hub.entity';
import { PartnerEntity } from '../partners/partner.entity';

/** Head-counts of an engagement, stored as `participants_*` columns. */
export class ParticipantsColumns {
  @Column({ type: 'int', default: 0 })
  total!: number;

  @Column({ type: 'int', default: 0 })
  mayors!: number;

  @Column({ type: 'int', default: 0 })
  officials!: number;

  @Column({ type: 'int', default: 0 })
  youth!: number;

  @Column({ type: 'int', default: 0 })
  women!: number;

  @Column({ type: 'int', default: 0 })
  communityLeaders!: number;
}

@Entity('engagements')
@Index('IDX_engagements_title_trgm', { synchronize: false })
@Index('IDX_engagements_summary_trgm', { synchronize: false })
export class EngagementEntity extends RecordEntity {
  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Index()
  @Column({ type: 'varchar', length: 32 })
  type!: EngagementType;

  @Index()
  @Column({ type: 'uuid' })
  hubId!: string;

  @ManyToOne(() => HubEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hub_id' })
  hub?: HubEntity;

  @Index()
  @Column(DATE)
  startDate!: string;

  @Column({ ...DATE, nullable: true })
  endDate!: string | null;

  /** Where it took place; null when online or outside the network's cities. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  locationCityId!: string | null;

  @ManyToOne(() => CityEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'location_city_id' })
  locationCity?: CityEntity | null;

  @Column({ type: 'boolean', default: false })
  online!: boolean;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  hostCityId!: string | null;

  @ManyToOne(() => CityEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'host_city_id' })
  hostCity?: CityEntity | null;

  @ManyToMany(() => CityEntity)
  @JoinTable({
    name: 'engagement_cities',
    joinColumn: { name: 'engagement_id' },
    inverseJoinColumn: { name: 'city_id' },
  })
  participatingCities?: CityEntity[];

  @ManyToMany(() => PartnerEntity)
  @JoinTable({
    name: 'engagement_partners',
    joinColumn: { name: 'engagement_id' },
    inverseJoinColumn: { name: 'partner_id' },
  })
  partners?: PartnerEntity[];

  @Column(() => ParticipantsColumns, { prefix: 'participants' })
  participants!: ParticipantsColumns;

  @Column({ type: 'text', default: '' })
  summary!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  evidenceLinks!: string[];
}
