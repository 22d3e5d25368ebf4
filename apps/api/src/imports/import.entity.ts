import type { ImportEntity as ImportEntityName, ImportRowError, ImportStatus } from '@impact/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

/** A record the import created, at the version it left it (undo leaves it alone once changed). */
export interface ImportCreated {
  id: string;
  version: number;
}

/** A field's value before an import's edit: what a record's JSON holds. */
export type BeforeValue = string | number | boolean | null | readonly string[] | { [key: string]: number };

/** A record the import updated: the version it left and the fields as they were before (what undo restores). */
export interface ImportUpdated {
  id: string;
  version: number;
  before: Record<string, BeforeValue>;
}

/** One import of a spreadsheet: its progress, its row errors, and what undo needs. */
@Entity('imports')
export class ImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  entity!: ImportEntityName;

  @Column({ type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ type: 'varchar', length: 8, default: 'queued' })
  status!: ImportStatus;

  @Column({ type: 'boolean' })
  dryRun!: boolean;

  @Column({ type: 'integer', nullable: true })
  total!: number | null;

  @Column({ type: 'integer', default: 0 })
  processed!: number;

  @Column({ type: 'integer', default: 0 })
  created!: number;

  @Column({ type: 'integer', default: 0 })
  updated!: number;

  @Column({ type: 'integer', default: 0 })
  unchanged!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  errors!: ImportRowError[];

  @Column({ type: 'text', nullable: true })
  message!: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  createdIds!: ImportCreated[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  beforeImages!: ImportUpdated[];

  @Index('IDX_imports_created_by')
  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'FK_imports_created_by' })
  createdBy?: UserEntity | null;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
