import type { NotificationKind } from '@impact/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DATE } from '../database/record.entity';
import { UserEntity } from '../users/user.entity';

/**
 * One notification for one user. The unique key (kind, record, user, day) is what makes a rule
 * idempotent: running the same day twice, or two instances at once, adds nothing the second time.
 */
@Entity('notifications')
@Index(['kind', 'recordId', 'userId', 'keyDay'], { unique: true })
@Index(['userId', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 32 })
  kind!: NotificationKind;

  /** The follow-up or commitment the notification is about. */
  @Column({ type: 'uuid' })
  recordId!: string;

  /** The day of the unique key: the run's day for daily rules, the event's day for once-only ones. */
  @Column(DATE)
  keyDay!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 500 })
  link!: string;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  /** When it went out by e-mail (alone or in a digest); null while it has not. */
  @Column({ type: 'timestamptz', nullable: true })
  mailedAt!: Date | null;
}
