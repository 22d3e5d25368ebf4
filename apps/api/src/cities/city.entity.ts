import type { CityKind, MembershipStatus } from '@impact/contracts';
import { Column, Entity, Index, JoinTable, ManyToMany } from 'typeorm';
import { DATE, linkTable } from '../database/record.entity';
import { HubRecordEntity } from '../hubs/hub-record.entity';
import { UserEntity } from '../users/user.entity';

@Entity('cities')
@Index('IDX_cities_name_trgm', { synchronize: false })
export class CityEntity extends HubRecordEntity {
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** ISO 3166-1 alpha-2. */
  @Index()
  @Column({ type: 'char', length: 2 })
  countryCode!: string;

  @Column({ type: 'varchar', length: 32, default: 'city' })
  kind!: CityKind;

  @Index()
  @Column({ type: 'varchar', length: 32, default: 'member' })
  membershipStatus!: MembershipStatus;

  @Column({ ...DATE, nullable: true })
  memberSince!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  leadOfficial!: string | null;

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  @ManyToMany(() => UserEntity, (user) => user.cities)
  @JoinTable(linkTable('city_liaisons', 'city_id', 'user_id'))
  liaisons?: UserEntity[];
}
