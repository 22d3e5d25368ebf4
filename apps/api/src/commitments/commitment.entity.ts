import type { CommitmentKind, CommitmentStatus } from '@impact/contracts';
import { Column, Entity, Index, JoinTable, ManyToMany } from 'typeorm';
import { CityEntity } from '../cities/city.entity';
import { DATE, linkTable, RefColumn, RefTo } from '../database/record.entity';
import { EngagementEntity } from '../engagements/engagement.entity';
import { HubRecordEntity } from '../hubs/hub-record.entity';
import { PartnerEntity } from '../partners/partner.entity';
import { UserEntity } from '../users/user.entity';

@Entity('commitments')
@Index('IDX_commitments_title_trgm', { synchronize: false })
@Index('IDX_commitments_description_trgm', { synchronize: false })
@Index('IDX_commitments_hub_status_target', { synchronize: false })
@Index('IDX_commitments_hub_created', { synchronize: false })
export class CommitmentEntity extends HubRecordEntity {
  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Index()
  @Column({ type: 'varchar', length: 32 })
  kind!: CommitmentKind;

  @RefColumn()
  cityId!: string;

  @RefTo(() => CityEntity, 'city_id', 'RESTRICT')
  city?: CityEntity;

  @RefColumn({ nullable: true })
  ownerId!: string | null;

  @RefTo(() => UserEntity, 'owner_id', 'SET NULL')
  owner?: UserEntity | null;

  @Index()
  @Column({ ...DATE, nullable: true })
  targetDate!: string | null;

  /** 0–100. */
  @Column({ type: 'smallint', default: 0 })
  progress!: number;

  @Index()
  @Column({ type: 'varchar', length: 32, default: 'pledged' })
  status!: CommitmentStatus;

  @Column({ type: 'text', default: '' })
  description!: string;

  /** The engagements that inspired this commitment: the peer-learning edges. */
  @ManyToMany(() => EngagementEntity)
  @JoinTable(linkTable('commitment_engagements', 'commitment_id', 'engagement_id'))
  inspiredBy?: EngagementEntity[];

  @ManyToMany(() => PartnerEntity)
  @JoinTable(linkTable('commitment_partners', 'commitment_id', 'partner_id'))
  partners?: PartnerEntity[];
}
