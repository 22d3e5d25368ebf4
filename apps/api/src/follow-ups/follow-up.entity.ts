import type { FollowUpKind, FollowUpStatus } from '@impact/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CommitmentEntity } from '../commitments/commitment.entity';
import { DATE, RecordEntity } from '../database/record.entity';
import { EngagementEntity } from '../engagements/engagement.entity';
import { UserEntity } from '../users/user.entity';

/** An action owed on a commitment or an engagement. */
@Entity('follow_ups')
export class FollowUpEntity extends RecordEntity {
  @Index()
  @Column({ type: 'uuid', nullable: true })
  commitmentId!: string | null;

  @ManyToOne(() => CommitmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'commitment_id' })
  commitment?: CommitmentEntity | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  engagementId!: string | null;

  @ManyToOne(() => EngagementEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'engagement_id' })
  engagement?: EngagementEntity | null;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: FollowUpKind;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  ownerId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_id' })
  owner?: UserEntity | null;

  @Index()
  @Column({ ...DATE, nullable: true })
  dueDate!: string | null;

  @Index()
  @Column({ type: 'varchar', length: 32, default: 'open' })
  status!: FollowUpStatus;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
