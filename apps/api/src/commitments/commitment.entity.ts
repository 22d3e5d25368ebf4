import type { CommitmentKind, CommitmentStatus } from '@impact/contracts';
import { Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne } from 'typeorm';
import { CityEntity } from '../cities/city.entity';
import { DATE, RecordEntity } from '../database/record.entity';
import { EngagementEntity } from '../engagements/engagement.entity';
import { HubEntity } from '../hubs/hub.entity';
import { PartnerEntity } from '../partners/partner.entity';
import { UserEntity } from '../users/user.entity';

@Entity('commitments')
@Index('IDX_commitments_title_trgm', { synchronize: false })
@Index('IDX_commitments_description_trgm', { synchronize: false })
export class CommitmentEntity extends RecordEntity {
  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Index()
  @Column({ type: 'varchar', length: 32 })
  kind!: CommitmentKind;

  @Index()
  @Column({ type: 'uuid' })
  cityId!: string;

  @ManyToOne(() => CityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'city_id' })
  city?: CityEntity;

  /** The city's hub, kept on the row so hub filters and scope checks need no join. */
  @Index()
  @Column({ type: 'uuid' })
  hubId!: string;

  @ManyToOne(() => HubEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hub_id' })
  hub?: HubEntity;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  ownerId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_id' })
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
  @JoinTable({
    name: 'commitment_engagements',
    joinColumn: { name: 'commitment_id' },
    inverseJoinColumn: { name: 'engagement_id' },
  })
  inspiredBy?: EngagementEntity[];

  @ManyToMany(() => PartnerEntity)
  @JoinTable({
    name: 'commitment_partners',
    joinColumn: { name: 'commitment_id' },
    inverseJoinColumn: { name: 'partner_id' },
  })
  partners?: PartnerEntity[];
}
