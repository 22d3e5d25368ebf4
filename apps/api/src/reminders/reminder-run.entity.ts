import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { DATE } from '../database/record.entity';

/** The daily run of the reminder rules, one row per day: the schedule claims the day before running it. */
@Entity('reminder_runs')
export class ReminderRunEntity {
  @PrimaryColumn(DATE)
  day!: string;

  /** `schedule` or `manual` (the last run of the day). */
  @Column({ type: 'varchar', length: 16 })
  trigger!: string;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  result!: Record<string, unknown> | null;
}
