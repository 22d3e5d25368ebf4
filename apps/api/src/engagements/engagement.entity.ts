import type { EngagementType } from '@impact/contracts';
import { Column, Entity, Index, JoinTable, ManyToMany } from 'typeorm';
import { CityEntity } from '../cities/city.entity';
import { DATE, linkTable, RefColumn, RefTo } from '../database/record.entity';
import { HubRecordEntity } from '../hubs/hub-record.entity';
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
export class EngagementEntity extends HubRecordEntity {
  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Index()
  @Column({ type: 'varchar', length: 32 })
  type!: EngagementType;

  @Index()
  @Column(DATE)
  startDate!: string;

  @Column({ ...DATE, nullable: true })
  endDate!: string | null;

  /** Where it took place; null when online or outside the network's cities. */
  @RefColumn({ nullable: true })
  locationCityId!: string | null;

  @RefTo(() => CityEntity, 'location_city_id', 'SET NULL')
  locationCity?: CityEntity | null;

  @Column({ type: 'boolean', default: false })
  online!: boolean;

  @RefColumn({ nullable: true })
  hostCityId!: string | null;

  @RefTo(() => CityEntity, 'host_city_id', 'SET NULL')
  hostCity?: CityEntity | null;

  @ManyToMany(() => CityEntity)
  @JoinTable(linkTable('engagement_cities', 'engagement_id', 'city_id'))
  participatingCities?: CityEntity[];

  @ManyToMany(() => PartnerEntity)
  @JoinTable(linkTable('engagement_partners', 'engagement_id', 'partner_id'))
  partners?: PartnerEntity[];

  @Column(() => ParticipantsColumns, { prefix: 'participants' })
  participants!: ParticipantsColumns;

  @Column({ type: 'text', default: '' })
  summary!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  evidenceLinks!: string[];
}
