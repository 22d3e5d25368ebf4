import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_PAGE_SIZE, type Page, type Person, type Role, type User } from '@impact/contracts';
import { AuditService } from '../audit/audit.service';
import { diffObjects } from '../audit/diff';
import { likePattern } from '../common/list';
import { followUpInCities } from '../follow-ups/follow-up.read';
import { returnedRows } from '../common/legacy-records';
import { ConflictError, ForbiddenError, NotFoundError, StaleVersionError, ValidationFailedError } from '../common/errors';
import type { AuthUser } from '../auth/auth-user';
import { hashPassword } from '../auth/passwords';
import type { CreateUserDto, ListUsersDto, UpdateUserDto } from './dto/user.dto';

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  language: User['language'];
  active: boolean;
  created_at: Date;
  version: number;
  hub_ids: string[];
  city_ids: string[];
  total?: string;
}

const SELECT = `
  SELECT u.id, u.email, u.name, u.role, u.language, u.active, u.created_at, u.version,
         COALESCE((SELECT array_agg(uh.hub_id ORDER BY uh.hub_id) FROM user_hubs uh WHERE uh.user_id = u.id), '{}') AS hub_ids,
         COALESCE((SELECT array_agg(cl.city_id ORDER BY cl.city_id) FROM city_liaisons cl WHERE cl.user_id = u.id), '{}') AS city_ids`;

/** The contract shape of a user: never the hash, never the token version. */
export function toUser(r: UserRow): User {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    language: r.language,
    active: r.active,
    createdAt: r.created_at.toISOString(),
    version: r.version,
    hubIds: r.hub_ids,
    cityIds: r.city_ids,
  };
}

function auditable(u: User): Record<string, unknown> {
  return { email: u.email, name: u.name, role: u.role, language: u.language, active: u.active, hubIds: u.hubIds, cityIds: u.cityIds };
}

/** Administration of users: admins only (the route says so; the matrix gives `users` to no other role). */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListUsersDto): Promise<Page<User>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const q = likePattern(query.q);
    const rows: UserRow[] = await this.dataSource.query(
      `${SELECT}, count(*) OVER () AS total
         FROM users u
        WHERE ($1::text IS NULL OR u.name ILIKE $1 OR u.email::text ILIKE $1)
          AND ($2::text IS NULL OR u.role = $2)
        ORDER BY u.active DESC, u.name, u.id
        LIMIT $3 OFFSET $4`,
      [q, query.role ?? null, pageSize, (page - 1) * pageSize],
    );
    const total = rows[0]?.total ? Number(rows[0].total) : await this.count(q, query.role ?? null, rows.length, page);
    return { items: rows.map(toUser), total, page, pageSize };
  }

  private async count(q: string | null, role: string | null, found: number, page: number): Promise<number> {
    if (page === 1) return found;
    const [{ n }] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM users u WHERE ($1::text IS NULL OR u.name ILIKE $1 OR u.email::text ILIKE $1) AND ($2::text IS NULL OR u.role = $2)`,
      [q, role],
    );
    return n;
  }

  /**
   * Up to 20 active people for owner pickers, among those the caller works with: a liaison sees the
   * people on its cities (their liaisons, the owners of their commitments and follow-ups) and the
   * managers of their hubs; a hub manager the people of its hubs (managers, liaisons of its cities,
   * owners of its work) and leadership; leadership and admins everyone. Names match for everyone,
   * e-mail addresses only for admins (a fragment of an address must not find its owner).
   */
  async lookup(user: AuthUser, q?: string): Promise<Person[]> {
    const params: unknown[] = [likePattern(q)];
    const match = user.role === 'admin' ? `(u.name ILIKE $1 OR u.email::text ILIKE $1)` : `u.name ILIKE $1`;
    let scope = 'TRUE';
    if (user.role === 'city_liaison') {
      params.push(user.id, user.cityIds);
      scope = `(u.id = $2
        OR EXISTS (SELECT 1 FROM city_liaisons cl WHERE cl.user_id = u.id AND cl.city_id = ANY($3::uuid[]))
        OR (u.role = 'hub_manager' AND EXISTS (SELECT 1 FROM user_hubs uh JOIN cities c ON c.hub_id = uh.hub_id
                                                WHERE uh.user_id = u.id AND c.id = ANY($3::uuid[])))
        OR EXISTS (SELECT 1 FROM commitments cm WHERE cm.owner_id = u.id AND cm.archived_at IS NULL AND cm.city_id = ANY($3::uuid[]))
        OR EXISTS (SELECT 1 FROM follow_ups f LEFT JOIN commitments c ON c.id = f.commitment_id LEFT JOIN engagements e ON e.id = f.engagement_id
                    WHERE f.owner_id = u.id AND f.archived_at IS NULL AND ${followUpInCities('$3')}))`;
    } else if (user.role === 'hub_manager') {
      params.push(user.id, user.hubIds);
      scope = `(u.id = $2 OR u.role = 'leadership'
        OR EXISTS (SELECT 1 FROM user_hubs uh WHERE uh.user_id = u.id AND uh.hub_id = ANY($3::uuid[]))
        OR EXISTS (SELECT 1 FROM city_liaisons cl JOIN cities c ON c.id = cl.city_id WHERE cl.user_id = u.id AND c.hub_id = ANY($3::uuid[]))
        OR EXISTS (SELECT 1 FROM commitments cm WHERE cm.owner_id = u.id AND cm.archived_at IS NULL AND cm.hub_id = ANY($3::uuid[]))
        OR EXISTS (SELECT 1 FROM follow_ups f LEFT JOIN commitments c ON c.id = f.commitment_id LEFT JOIN engagements e ON e.id = f.engagement_id
                    WHERE f.owner_id = u.id AND f.archived_at IS NULL AND COALESCE(c.hub_id, e.hub_id) = ANY($3::uuid[])))`;
    }
    return this.dataSource.query(
      `SELECT u.id, u.name, u.role FROM users u
        WHERE u.active AND ($1::text IS NULL OR ${match}) AND ${scope}
        ORDER BY u.name, u.id LIMIT 20`,
      params,
    );
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<User> {
    const rows: UserRow[] = await manager.query(`${SELECT} FROM users u WHERE u.id = $1`, [id]);
    if (!rows[0]) throw new NotFoundError('User', id);
    return toUser(rows[0]);
  }

  async create(actor: AuthUser, dto: CreateUserDto): Promise<User> {
    this.checkScope(dto.role, dto.hubIds, dto.cityIds);
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (manager) => {
      await this.checkIdsExist(manager, dto.hubIds, dto.cityIds);
      const clash = await manager.query('SELECT 1 FROM users WHERE email = $1', [dto.email]);
      if (clash.length) throw new ConflictError('A user with this e-mail already exists.');
      const [{ id }] = await manager.query(
        `INSERT INTO users (email, name, role, password_hash, language) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [dto.email.trim(), dto.name.trim(), dto.role, passwordHash, dto.language ?? 'en'],
      );
      await this.replaceScope(manager, id, dto.hubIds, dto.cityIds);
      const created = await this.get(id, manager);
      await this.audit.record(manager, {
        actorId: actor.id,
        entity: 'user',
        entityId: id,
        action: 'create',
        changes: diffObjects(null, auditable(created)),
      });
      return created;
    });
  }

  async update(actor: AuthUser, id: string, dto: UpdateUserDto): Promise<User> {
    if (actor.id === id && (dto.active === false || (dto.role && dto.role !== 'admin'))) {
      throw new ForbiddenError('You cannot deactivate yourself or give up your own admin role.');
    }
    const passwordHash = dto.password ? await hashPassword(dto.password) : null;
    return this.dataSource.transaction(async (manager) => {
      const removesAdmin = dto.active === false || (dto.role !== undefined && dto.role !== 'admin');
      const admins = removesAdmin ? await this.lockActiveAdmins(manager) : null;
      const before = await this.get(id, manager);
      if (admins) this.keepOneAdmin(admins, before);
      const role = dto.role ?? before.role;
      const hubIds = dto.hubIds ?? before.hubIds;
      const cityIds = dto.cityIds ?? before.cityIds;
      this.checkScope(role, hubIds, cityIds);
      await this.checkIdsExist(manager, dto.hubIds ?? [], dto.cityIds ?? []);
      // Anything that changes what the user may do ends the tokens issued before it.
      const revokes =
        role !== before.role ||
        !sameSet(hubIds, before.hubIds) ||
        !sameSet(cityIds, before.cityIds) ||
        (dto.active !== undefined && dto.active !== before.active) ||
        passwordHash !== null;
      const updated = await returnedRows<{ id: string }>(
        manager,
        `UPDATE users SET name = COALESCE($3, name), role = $4, language = COALESCE($5, language),
                active = COALESCE($6, active), password_hash = COALESCE($7, password_hash),
                token_version = token_version + $8, version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2 RETURNING id`,
        [id, dto.version, dto.name?.trim() ?? null, role, dto.language ?? null, dto.active ?? null, passwordHash, revokes ? 1 : 0],
      );
      if (updated.length === 0) {
        throw new StaleVersionError(before);
      }
      await this.replaceScope(manager, id, dto.hubIds, dto.cityIds);
      if (revokes) await manager.query('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [id]);
      const after = await this.get(id, manager);
      const changes = diffObjects(auditable(before), auditable(after)) ?? {};
      if (passwordHash) changes['password'] = { old: '[redacted]', new: '[redacted]' };
      await this.audit.record(manager, { actorId: actor.id, entity: 'user', entityId: id, action: 'update', changes });
      return after;
    });
  }

  /** DELETE deactivates: the user can no longer sign in and every token it holds stops working. */
  async deactivate(actor: AuthUser, id: string): Promise<void> {
    if (actor.id === id) throw new ForbiddenError('You cannot deactivate yourself.');
    await this.dataSource.transaction(async (manager) => {
      const admins = await this.lockActiveAdmins(manager);
      const before = await this.get(id, manager);
      if (!before.active) return;
      this.keepOneAdmin(admins, before);
      await manager.query(
        'UPDATE users SET active = false, token_version = token_version + 1, version = version + 1, updated_at = now() WHERE id = $1',
        [id],
      );
      await manager.query('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [id]);
      await this.audit.record(manager, {
        actorId: actor.id,
        entity: 'user',
        entityId: id,
        action: 'deactivate',
        changes: { active: { old: true, new: false } },
      });
    });
  }

  /**
   * Locks the rows of every active admin, always first in the transaction and in id order, and returns
   * their ids. Two admins removing each other at the same moment then take turns: the second sees the
   * admin set the first one left and is refused if it would empty it.
   */
  private async lockActiveAdmins(manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM users WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`);
    return rows.map((r) => r.id);
  }

  /** Refuses (409) a change that takes the last active admin away. */
  private keepOneAdmin(activeAdmins: readonly string[], target: User): void {
    if (activeAdmins.includes(target.id) && activeAdmins.length <= 1) {
      throw new ConflictError('This is the last active admin: make another user an admin first.');
    }
  }

  private checkScope(role: Role, hubIds: readonly string[], cityIds: readonly string[]): void {
    const details: { field: string; message: string }[] = [];
    if (role === 'hub_manager' && hubIds.length === 0) details.push({ field: 'hubIds', message: 'A hub manager needs at least one hub.' });
    if (role === 'city_liaison' && cityIds.length === 0) details.push({ field: 'cityIds', message: 'A city liaison needs at least one city.' });
    if (details.length) throw new ValidationFailedError(details);
  }

  private async checkIdsExist(manager: EntityManager, hubIds: readonly string[], cityIds: readonly string[]): Promise<void> {
    const details: { field: string; message: string }[] = [];
    if (hubIds.length) {
      const [{ n }] = await manager.query('SELECT count(*)::int AS n FROM hubs WHERE id = ANY($1::uuid[])', [[...new Set(hubIds)]]);
      if (n !== new Set(hubIds).size) details.push({ field: 'hubIds', message: 'One or more hubs do not exist.' });
    }
    if (cityIds.length) {
      const [{ n }] = await manager.query('SELECT count(*)::int AS n FROM cities WHERE id = ANY($1::uuid[]) AND archived_at IS NULL', [
        [...new Set(cityIds)],
      ]);
      if (n !== new Set(cityIds).size) details.push({ field: 'cityIds', message: 'One or more cities do not exist.' });
    }
    if (details.length) throw new ValidationFailedError(details);
  }

  private async replaceScope(manager: EntityManager, id: string, hubIds?: readonly string[], cityIds?: readonly string[]): Promise<void> {
    if (hubIds) {
      await manager.query('DELETE FROM user_hubs WHERE user_id = $1', [id]);
      if (hubIds.length)
        await manager.query('INSERT INTO user_hubs (user_id, hub_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING', [id, [...new Set(hubIds)]]);
    }
    if (cityIds) {
      await manager.query('DELETE FROM city_liaisons WHERE user_id = $1', [id]);
      if (cityIds.length)
        await manager.query('INSERT INTO city_liaisons (city_id, user_id) SELECT unnest($2::uuid[]), $1 ON CONFLICT DO NOTHING', [
          id,
          [...new Set(cityIds)],
        ]);
    }
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
