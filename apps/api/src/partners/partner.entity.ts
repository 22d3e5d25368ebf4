import type { PartnerKind } from '@impact/contracts';
import { Column, Entity, Index } from 'typeorm';
import { RecordEntity } from '../database/record.entity';

@Entity('partners')
@Index('IDX_partners_name_trgm', { synchronize: false })
export class PartnerEntity extends RecordEntity {
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 32, default: 'other' })
  kind!: PartnerKind;

  @Column({ type: 'char', length: 2, nullable: true })
  countryCode!: string | null;
}
