import type { OutcomeType } from '@impact/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CityEntity } from '../cities/city.entity';
import { CommitmentEntity } from '../commitments/commitment.entity';
import { DATE, RecordEntity } from '../database/record.entity';
import { UserEntity } from '../users/user.entity';

/** A result with evidence, e.g. "150 people trained". */
@Entity('outcomes')
@Index('IDX_outcomes_description_trgm', { synchronize: false })
export class OutcomeEntity extends RecordEntity {
  @Index()
  @Column({ type: 'uuid', nullable: true })
  commitmentId!: string | null;

  @ManyToOne(() => CommitmentEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'commitment_id' })
  commitment?: CommitmentEntity | null;

  @Index()
  @Column({ type: 'uuid' })
  cityId!: string;

  @ManyToOne(() => CityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'city_id' })
  city?: CityEntity;

  @Index()
  @Column(DATE)
  date!: string;

  @Index()
  @Column({ type: 'varchar', length: 32 })
  type!: OutcomeType;

  @Column({ type: 'double precision', nullable: true })
  value!: number | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  unit!: string | null;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  evidenceUrl!: string | null;

  @Column({ type: 'uuid', nullable: true })
  verifiedById!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'verified_by_id' })
  verifiedBy?: UserEntity | null;

  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;
}
