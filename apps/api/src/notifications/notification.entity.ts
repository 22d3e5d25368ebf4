import type { NotificationKind } from '@impact/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DATE } from '../database/record.entity';
import { UserEntity } from '../users/user.entity';
import type { NotificationArgs } from './notification-messages';

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

  /**
   * What the title and body were filled in with: the reminder rules' positional values (title, date,
   * days, city) or a story step's named ones. With them the text is worded in the reader's language
   * when it is read; null on rows written before they were kept, which show their stored text.
   */
  @Column({ type: 'jsonb', nullable: true })
  args!: NotificationArgs | null;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  /** When it went out by e-mail (alone or in a digest); null while it has not. */
  @Column({ type: 'timestamptz', nullable: true })
  mailedAt!: Date | null;
}
