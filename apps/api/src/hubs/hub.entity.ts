import { Column, Entity } from 'typeorm';
import type { HubNames } from '@impact/contracts';
import { RecordEntity } from '../database/record.entity';

@Entity('hubs')
export class HubEntity extends RecordEntity {
  /** Short stable code, e.g. `esa`, `mena`. */
  @Column({ type: 'varchar', length: 32, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** The name in other languages (`{ "fr": "…", "ar": "…" }`); a language left out reads `name`. */
  @Column({ name: 'name_i18n', type: 'jsonb', default: () => "'{}'" })
  names!: HubNames;
}
