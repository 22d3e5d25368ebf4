import type { OutcomeType } from '@impact/contracts';
import { Column, Entity, Index } from 'typeorm';
import { CityEntity } from '../cities/city.entity';
import { CommitmentEntity } from '../commitments/commitment.entity';
import { DATE, RecordEntity, RefColumn, RefTo } from '../database/record.entity';
import { UserEntity } from '../users/user.entity';

/** A result with evidence, e.g. "150 people trained". */
@Entity('outcomes')
@Index('IDX_outcomes_description_trgm', { synchronize: false })
export class OutcomeEntity extends RecordEntity {
  @RefColumn({ nullable: true })
  commitmentId!: string | null;

  @RefTo(() => CommitmentEntity, 'commitment_id', 'SET NULL')
  commitment?: CommitmentEntity | null;

  @RefColumn()
  cityId!: string;

  @RefTo(() => CityEntity, 'city_id', 'RESTRICT')
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

  @RefColumn({ nullable: true, index: false })
  verifiedById!: string | null;

  @RefTo(() => UserEntity, 'verified_by_id', 'SET NULL')
  verifiedBy?: UserEntity | null;

  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;
}
