import type { Language, MailStatus } from '@impact/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The transactional outbox: a mail is a row written in the same transaction as the event that causes
 * it; a job sends it later and records the outcome. `dedupeKey` makes the same mail impossible twice.
 */
@Entity('mail_outbox')
@Index(['status', 'createdAt'])
export class MailOutboxEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** What makes this mail unique (`notification:<id>`, `digest:<user>:<day>`). */
  @Column({ type: 'varchar', length: 200, unique: true })
  dedupeKey!: string;

  @Column({ type: 'varchar', length: 320 })
  toAddress!: string;

  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text' })
  html!: string;

  @Column({ type: 'varchar', length: 2 })
  language!: Language;

  /** queued → sending (claimed by one sender) → sent, or back to queued for a retry, or failed. */
  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status!: MailStatus;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** When a sender claimed it; a claim older than the lease is taken over (the sender died). */
  @Column({ type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
