import { Column, Entity } from 'typeorm';
import { RecordEntity } from '../database/record.entity';

@Entity('hubs')
export class HubEntity extends RecordEntity {
  /** Short stable code, e.g. `esa`, `mena`. */
  @Column({ type: 'varchar', length: 32, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;
}
