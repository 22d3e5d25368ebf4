import type { Language, PasswordLinkPurpose } from '@impact/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

/** A mailed set-password link (invitation or reset). Only the SHA-256 of the token is kept. */
@Entity('password_links')
export class PasswordLinkEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_password_links_user')
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_password_links_user' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 8 })
  purpose!: PasswordLinkPurpose;

  /** The language the mail was written in (the page opens in it too). */
  @Column({ type: 'varchar', length: 2 })
  language!: Language;

  /** Hex SHA-256 of the token. */
  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  /** The admin who sent an invitation; null for a reset. */
  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'FK_password_links_created_by' })
  createdBy?: UserEntity | null;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  /** Set when the link is spent (a password was set with it, or a newer link or password replaced it). */
  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
