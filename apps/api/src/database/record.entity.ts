import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

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

/** `date` columns travel as `YYYY-MM-DD` strings, never shifted by a time zone. */
export const DATE = { type: 'date' } as const;
