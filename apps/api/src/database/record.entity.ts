import type { Language } from '@impact/contracts';
import {
  Column,
  CreateDateColumn,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type JoinTableOptions,
  type ObjectType,
} from 'typeorm';

/**
 * Columns every record table has: uuid id, optimistic-lock `version`, timestamps and `archivedAt`
 * (DELETE archives; history keeps the row).
 */
export abstract class RecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;
}

/**
 * Columns of a link mailed to someone (a city contact's confirmation link, a set-password link): only
 * the SHA-256 of the token is kept, so a copy of the database opens no link. Each table names its own
 * relations (and so its foreign keys), among them the `createdBy` user behind `createdById`.
 */
export abstract class MailedLinkEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The language the mail was written in (the page opens in it too). */
  @Column({ type: 'varchar', length: 2 })
  language!: Language;

  /** Hex SHA-256 of the token. */
  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;
}

/** `date` columns travel as `YYYY-MM-DD` strings, never shifted by a time zone. */
export const DATE = { type: 'date' } as const;

/** The join table of a many-to-many link: `name (ownColumn, otherColumn)`. */
export const linkTable = (name: string, ownColumn: string, otherColumn: string): JoinTableOptions => ({
  name,
  joinColumn: { name: ownColumn },
  inverseJoinColumn: { name: otherColumn },
});

/** A uuid column holding another record's id (`…Id`), indexed unless `index: false`; `@RefTo` declares the relation over it. */
export const RefColumn =
  ({ nullable = false, index = true }: { nullable?: boolean; index?: boolean } = {}): PropertyDecorator =>
  (target, key) => {
    Column({ type: 'uuid', nullable })(target, key);
    if (index) Index()(target, key);
  };

/** The record a `…_id` column points at (loaded only when a query joins it), and what a delete of that record does here. */
export const RefTo =
  <T>(entity: () => ObjectType<T>, column: string, onDelete: 'RESTRICT' | 'SET NULL' | 'CASCADE'): PropertyDecorator =>
  (target, key) => {
    ManyToOne(entity, { onDelete })(target, key);
    JoinColumn({ name: column })(target, key);
  };
