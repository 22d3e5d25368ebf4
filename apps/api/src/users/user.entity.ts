import type { Language, Role } from '@impact/contracts';
import { Column, Entity, Index, JoinTable, ManyToMany } from 'typeorm';
import { CityEntity } from '../cities/city.entity';
import { RecordEntity } from '../database/record.entity';
import { HubEntity } from '../hubs/hub.entity';

@Entity('users')
export class UserEntity extends RecordEntity {
  /** citext: unique whatever the case. */
  @Column({ type: 'citext', unique: true })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Index()
  @Column({ type: 'varchar', length: 32 })
  role!: Role;

  /** argon2id hash; never leaves the service layer. */
  @Column({ type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'varchar', length: 2, default: 'en' })
  language!: Language;

  /** Bumped to invalidate every token issued before (password change, deactivation). */
  @Column({ type: 'int', default: 0 })
  tokenVersion!: number;

  /** Hub scope of a hub manager. */
  @ManyToMany(() => HubEntity)
  @JoinTable({
    name: 'user_hubs',
    joinColumn: { name: 'user_id' },
    inverseJoinColumn: { name: 'hub_id' },
  })
  hubs?: HubEntity[];

  /** City scope of a city liaison (owned by the city side: `city_liaisons`). */
  @ManyToMany(() => CityEntity, (city) => city.liaisons)
  cities?: CityEntity[];
}
