import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import type { ListQuery, Page, Person, Role, User } from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CityEntity } from '../cities/city.entity';
import { andWhereGiven, andWhereText, listPage, listSorts } from '../common/list-query';
import { HubEntity } from '../hubs/hub.entity';
import { followUpInCitiesSql } from '../rules';
import { UserEntity } from './user.entity';

/** A user with its scope: the hubs it manages and the cities it is liaison of (ids, each sorted). */
export interface ScopedUser {
  user: UserEntity;
  hubIds: string[];
  cityIds: string[];
}

/** The raw columns `withScope` adds beside the entity's. */
interface ScopeColumns {
  u_id: string;
  hub_ids: string[];
  city_ids: string[];
}

/** A user's hubs and cities (`u`), each an id array, sorted: subselects, not joins (hubs × cities rows). */
export const SCOPE_HUB_IDS = `(SELECT COALESCE(array_agg(uh.hub_id ORDER BY uh.hub_id), '{}') FROM user_hubs uh WHERE uh.user_id = u.id)`;
export const SCOPE_CITY_IDS = `(SELECT COALESCE(array_agg(cl.city_id ORDER BY cl.city_id), '{}') FROM city_liaisons cl WHERE cl.user_id = u.id)`;

/**
 * Runs a query over `users u` and gives each user with its scope, in one round trip. Subselects, not
 * joins: a user's hubs and cities joined together would multiply into hubs × cities rows.
 */
export async function withScope(qb: SelectQueryBuilder<UserEntity>): Promise<ScopedUser[]> {
  const { entities, raw } = await qb
    .addSelect(SCOPE_HUB_IDS, 'hub_ids')
    .addSelect(SCOPE_CITY_IDS, 'city_ids')
    .getRawAndEntities<ScopeColumns>();
  const scope = new Map(raw.map((r) => [r.u_id, r]));
  return entities.map((user) => ({ user, hubIds: scope.get(user.id)?.hub_ids ?? [], cityIds: scope.get(user.id)?.city_ids ?? [] }));
}

/** Who a user is, as both the users module and sign-in give it out. */
export function userIdentity(u: UserEntity): Pick<UserEntity, 'id' | 'email' | 'name' | 'role' | 'language' | 'active'> {
  return { id: u.id, email: u.email, name: u.name, role: u.role, language: u.language, active: u.active };
}

/** The contract shape of a user: never the hash, never the token version. */
export function toUser({ user: u, hubIds, cityIds }: ScopedUser): User {
  return {
    ...userIdentity(u),
    invitationPending: u.passwordHash === '',
    createdAt: u.createdAt.toISOString(),
    version: u.version,
    hubIds,
    cityIds,
  };
}

/** What an administrator's edit may set; `revokes` also ends every token issued before. */
export type UserValues = Partial<Pick<UserEntity, 'name' | 'role' | 'language' | 'active' | 'passwordHash'>> & { revokes: boolean };

/** The users list's filters. */
export interface UserFilters extends ListQuery {
  role?: Role;
}

/** The columns a user is read with; the hash only to tell whether one is set (`toUser` never lets it out). */
const USER_COLUMNS = ['u.id', 'u.email', 'u.name', 'u.role', 'u.language', 'u.active', 'u.passwordHash', 'u.createdAt', 'u.version'];

/** Active first, then by name. */
const SORTS = listSorts(
  {},
  [
    ['u.active', 'DESC'],
    ['u.name', 'ASC'],
  ],
  'u.id',
);

/** How many people an owner picker offers at once. */
const LOOKUP_LIMIT = 20;

/**
 * The people a caller works with (the lookup's scope), as conditions on `users u` over `:me` and
 * `:places` (the caller's city ids for a liaison, hub ids for a hub manager); null for everyone.
 */
const LOOKUP_SCOPE: Partial<Record<Role, string>> = {
  city_liaison: `(u.id = :me
    OR EXISTS (SELECT 1 FROM city_liaisons cl WHERE cl.user_id = u.id AND cl.city_id = ANY(:places::uuid[]))
    OR (u.role = 'hub_manager' AND EXISTS (SELECT 1 FROM user_hubs uh JOIN cities c ON c.hub_id = uh.hub_id
                                            WHERE uh.user_id = u.id AND c.id = ANY(:places::uuid[])))
    OR EXISTS (SELECT 1 FROM commitments cm WHERE cm.owner_id = u.id AND cm.archived_at IS NULL AND cm.city_id = ANY(:places::uuid[]))
    OR EXISTS (SELECT 1 FROM follow_ups f LEFT JOIN commitments c ON c.id = f.commitment_id LEFT JOIN engagements e ON e.id = f.engagement_id
                WHERE f.owner_id = u.id AND f.archived_at IS NULL AND ${followUpInCitiesSql('c', 'e', ':places')}))`,
  hub_manager: `(u.id = :me OR u.role = 'leadership'
    OR EXISTS (SELECT 1 FROM user_hubs uh WHERE uh.user_id = u.id AND uh.hub_id = ANY(:places::uuid[]))
    OR EXISTS (SELECT 1 FROM city_liaisons cl JOIN cities c ON c.id = cl.city_id WHERE cl.user_id = u.id AND c.hub_id = ANY(:places::uuid[]))
    OR EXISTS (SELECT 1 FROM commitments cm WHERE cm.owner_id = u.id AND cm.archived_at IS NULL AND cm.hub_id = ANY(:places::uuid[]))
    OR EXISTS (SELECT 1 FROM follow_ups f LEFT JOIN commitments c ON c.id = f.commitment_id LEFT JOIN engagements e ON e.id = f.engagement_id
                WHERE f.owner_id = u.id AND f.archived_at IS NULL AND COALESCE(c.hub_id, e.hub_id) = ANY(:places::uuid[])))`,
};

const unique = (ids: readonly string[]) => [...new Set(ids)];

/** Every query of the users tables (users, user_hubs, city_liaisons). */
@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  private repo(m?: EntityManager): Repository<UserEntity> {
    return m ? m.getRepository(UserEntity) : this.users;
  }

  private read(m?: EntityManager): SelectQueryBuilder<UserEntity> {
    return this.repo(m).createQueryBuilder('u').select(USER_COLUMNS);
  }

  list(f: UserFilters): Promise<Page<User>> {
    const qb = this.users.createQueryBuilder('u');
    andWhereText(qb, f.q, ['u.name', 'u.email::text']);
    andWhereGiven(qb, f.role, 'u.role = :role', { role: f.role });
    return listPage(qb, f, SORTS, (ids) => this.load(ids));
  }

  /** The users of `ids`, in no particular order. */
  async load(ids: string[], m?: EntityManager): Promise<User[]> {
    return (await withScope(this.read(m).where('u.id IN (:...ids)', { ids }))).map(toUser);
  }

  async find(id: string, m?: EntityManager): Promise<User | null> {
    const [found] = await this.load([id], m);
    return found ?? null;
  }

  /**
   * Active people whose name contains `q` (admins: also the e-mail address), among those `user` works
   * with (LOOKUP_SCOPE; leadership and admins: everyone), by name.
   */
  async lookup(user: AuthUser, q: string | undefined): Promise<Person[]> {
    const liaison = user.role === 'city_liaison';
    // A liaison reads only its own cities, so only those of another person's cities are named to it.
    const cityNames = `ARRAY(SELECT ci.name FROM city_liaisons cl JOIN cities ci ON ci.id = cl.city_id
      WHERE cl.user_id = u.id${liaison ? ' AND ci.id = ANY(:myCities::uuid[])' : ''} ORDER BY ci.name)`;
    const qb = this.users
      .createQueryBuilder('u')
      .select('u.id', 'id')
      .addSelect('u.name', 'name')
      .addSelect('u.role', 'role')
      .addSelect(cityNames, 'cityNames')
      .addSelect('ARRAY(SELECT uh.hub_id::text FROM user_hubs uh WHERE uh.user_id = u.id ORDER BY uh.hub_id)', 'hubIds')
      .where('u.active');
    if (liaison) qb.setParameter('myCities', user.cityIds);
    andWhereText(qb, q, user.role === 'admin' ? ['u.name', 'u.email::text'] : ['u.name']);
    const scope = LOOKUP_SCOPE[user.role];
    if (scope) qb.andWhere(scope, { me: user.id, places: liaison ? user.cityIds : user.hubIds });
    return qb.orderBy('u.name').addOrderBy('u.id').limit(LOOKUP_LIMIT).getRawMany<Person>();
  }

  /** Whether any account has this address (citext: whatever the case). */
  emailTaken(m: EntityManager, email: string): Promise<boolean> {
    return m.getRepository(UserEntity).existsBy({ email });
  }

  async insert(m: EntityManager, values: Pick<UserEntity, 'email' | 'name' | 'role' | 'passwordHash' | 'language'>): Promise<string> {
    const result = await m.getRepository(UserEntity).insert(values);
    return result.identifiers[0]['id'] as string;
  }

  /** One UPDATE guarded by `version`; false when it is stale. */
  async update(m: EntityManager, id: string, version: number, { revokes, ...values }: UserValues): Promise<boolean> {
    const result = await m
      .createQueryBuilder()
      .update(UserEntity)
      .set({ ...values, ...(revokes ? { tokenVersion: () => 'token_version + 1' } : {}) })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** The user can no longer sign in, and every token it holds stops working. */
  async deactivate(m: EntityManager, id: string): Promise<void> {
    await m
      .createQueryBuilder()
      .update(UserEntity)
      .set({ active: false, tokenVersion: () => 'token_version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /**
   * Locks the rows of every active admin (FOR UPDATE, in id order, so two transactions never take
   * them in different orders) and returns their ids.
   */
  async lockActiveAdmins(m: EntityManager): Promise<string[]> {
    const admins = await m
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select('u.id')
      .where('u.role = :role AND u.active', { role: 'admin' })
      .orderBy('u.id')
      .setLock('pessimistic_write')
      .getMany();
    return admins.map((u) => u.id);
  }

  /** How many of `ids` name hubs (archived ones too, as assigning a scope always allowed). */
  countHubs(m: EntityManager, ids: readonly string[]): Promise<number> {
    return m
      .getRepository(HubEntity)
      .createQueryBuilder('h')
      .where('h.id IN (:...ids)', { ids: unique(ids) })
      .getCount();
  }

  /** How many of `ids` name live cities (counted here, so the users module needs nothing of the cities module). */
  countLiveCities(m: EntityManager, ids: readonly string[]): Promise<number> {
    return m
      .getRepository(CityEntity)
      .createQueryBuilder('c')
      .where('c.id IN (:...ids) AND c.archived_at IS NULL', { ids: unique(ids) })
      .getCount();
  }

  /** Replaces the user's hubs and cities (each only when given). */
  async replaceScope(m: EntityManager, id: string, hubIds?: readonly string[], cityIds?: readonly string[]): Promise<void> {
    if (hubIds) await replaceRows(m, 'user_hubs', 'hub_id', id, hubIds);
    if (cityIds) await replaceRows(m, 'city_liaisons', 'city_id', id, cityIds);
  }
}

async function replaceRows(
  m: EntityManager,
  table: 'user_hubs' | 'city_liaisons',
  column: string,
  userId: string,
  ids: readonly string[],
): Promise<void> {
  await m.createQueryBuilder().delete().from(table).where('user_id = :userId', { userId }).execute();
  if (!ids.length) return;
  await m
    .createQueryBuilder()
    .insert()
    .into(table, ['user_id', column])
    .values(unique(ids).map((other) => ({ user_id: userId, [column]: other })))
    .orIgnore()
    .execute();
}
