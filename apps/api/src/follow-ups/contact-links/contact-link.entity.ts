import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DATE, MailedLinkEntity } from '../../database/record.entity';
import { UserEntity } from '../../users/user.entity';
import { FollowUpEntity } from '../follow-up.entity';

/** A link mailed to a city contact (no account) to confirm a follow-up. */
@Entity('follow_up_contact_links')
export class ContactLinkEntity extends MailedLinkEntity {
  @Index('IDX_follow_up_contact_links_follow_up')
  @Column({ type: 'uuid' })
  followUpId!: string;

  @ManyToOne(() => FollowUpEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'follow_up_id', foreignKeyConstraintName: 'FK_follow_up_contact_links_follow_up' })
  followUp?: FollowUpEntity;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'FK_follow_up_contact_links_created_by' })
  createdBy?: UserEntity | null;

  @Column({ type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  /** The contact's last answer (null while none). */
  @Column({ type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ type: 'boolean', nullable: true })
  answerDone!: boolean | null;

  @Column({ type: 'text', nullable: true })
  answerNote!: string | null;

  @Column({ ...DATE, nullable: true })
  proposedDueDate!: string | null;
}
