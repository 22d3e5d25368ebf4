import type { CommitmentStatus } from '@impact/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { CommitmentEntity } from './commitment.entity';

/** One step of a commitment's workflow: who moved it, when, from what, to what, and why. */
@Entity('commitment_status_changes')
/** A day's status changes, for the dashboard's upkeep (made by its migration). */
@Index('IDX_commitment_status_changes_at', { synchronize: false })
export class CommitmentStatusChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  commitmentId!: string;

  @ManyToOne(() => CommitmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'commitment_id' })
  commitment?: CommitmentEntity;

  /** Null for the first status a commitment is created with. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  fromStatus!: CommitmentStatus | null;

  @Column({ type: 'varchar', length: 32 })
  toStatus!: CommitmentStatus;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: UserEntity | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
