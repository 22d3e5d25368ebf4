import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AuditChanges = Record<string, { old: unknown; new: unknown }>;

/**
 * Who changed what, when. Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE whatever role
 * connects. `actorId` has no foreign key on purpose, so no cascade can ever rewrite history.
 */
@Entity('audit_log')
@Index(['entity', 'entityId'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 64 })
  entity!: string;

  @Column({ type: 'uuid' })
  entityId!: string;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ type: 'jsonb', nullable: true })
  changes!: AuditChanges | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
