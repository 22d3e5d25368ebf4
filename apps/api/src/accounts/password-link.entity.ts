import type { PasswordLinkPurpose } from '@impact/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { MailedLinkEntity } from '../database/record.entity';
import { UserEntity } from '../users/user.entity';

/** A mailed set-password link (invitation or reset); `createdBy` is the admin who invited, null for a reset. */
@Entity('password_links')
export class PasswordLinkEntity extends MailedLinkEntity {
  @Index('IDX_password_links_user')
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_password_links_user' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 8 })
  purpose!: PasswordLinkPurpose;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'FK_password_links_created_by' })
  createdBy?: UserEntity | null;

  /** Set when the link is spent (a password was set with it, or a newer link or password replaced it). */
  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
