import type { FollowUpKind, FollowUpStatus } from '@impact/contracts';
import { Column, Entity, Index } from 'typeorm';
import { CommitmentEntity } from '../commitments/commitment.entity';
import { DATE, RecordEntity, RefColumn, RefTo } from '../database/record.entity';
import { EngagementEntity } from '../engagements/engagement.entity';
import { UserEntity } from '../users/user.entity';

/** An action owed on a commitment or an engagement. */
@Entity('follow_ups')
@Index('IDX_follow_ups_title_trgm', { synchronize: false })
@Index('IDX_follow_ups_note_trgm', { synchronize: false })
@Index('IDX_follow_ups_open_due', { synchronize: false })
@Index('IDX_follow_ups_hub_open_due', { synchronize: false })
@Index('IDX_follow_ups_hub_due', { synchronize: false })
export class FollowUpEntity extends RecordEntity {
  @RefColumn({ nullable: true })
  commitmentId!: string | null;

  @RefTo(() => CommitmentEntity, 'commitment_id', 'CASCADE')
  commitment?: CommitmentEntity | null;

  @RefColumn({ nullable: true })
  engagementId!: string | null;

  @RefTo(() => EngagementEntity, 'engagement_id', 'CASCADE')
  engagement?: EngagementEntity | null;

  /**
   * Its commitment's hub, else its engagement's: kept by the database (triggers) whenever a follow-up
   * is written or its parent moves hub, so lists filter a hub on the row. Never set by the app.
   */
  @Column({ type: 'uuid', insert: false, update: false })
  hubId!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: FollowUpKind;

  @RefColumn({ nullable: true })
  ownerId!: string | null;

  @RefTo(() => UserEntity, 'owner_id', 'SET NULL')
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
