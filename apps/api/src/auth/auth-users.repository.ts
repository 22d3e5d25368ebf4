import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import type { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { Language } from '@impact/contracts';
import { UserEntity } from '../users/user.entity';
import { SCOPE_CITY_IDS, SCOPE_HUB_IDS, userIdentity, withScope, type ScopedUser } from '../users/users.repository';
import type { AuthUser } from './auth-user';
import { RefreshTokenEntity } from './refresh-token.entity';

export interface AuthUserRecord extends AuthUser {
  active: boolean;
  tokenVersion: number;
  passwordHash: string;
}

function toRecord({ user: u, hubIds, cityIds }: ScopedUser): AuthUserRecord {
  return {
    ...userIdentity(u),
    tokenVersion: u.tokenVersion,
    passwordHash: u.passwordHash,
    hubIds,
    cityIds,
  };
}

/** What the session check reads of a user: who it is, its scope, and what may end its tokens. */
export interface SessionRecord extends AuthUser {
  active: boolean;
  tokenVersion: number;
}

/** The users table as sign-in sees it: a user with its hub and city scope, in one query (every authenticated request does this). */
@Injectable()
export class AuthUsersRepository {
  private session?: { sql: string; params: ('id' | 'sessionId')[] };

  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  private select(m?: EntityManager): SelectQueryBuilder<UserEntity> {
    return (m ? m.getRepository(UserEntity) : this.users)
      .createQueryBuilder('u')
      .select(['u.id', 'u.email', 'u.name', 'u.role', 'u.language', 'u.active', 'u.tokenVersion', 'u.passwordHash']);
  }

  private async one(qb: SelectQueryBuilder<UserEntity>): Promise<AuthUserRecord | null> {
    const [found] = await withScope(qb);
    return found ? toRecord(found) : null;
  }

  byId(id: string, m?: EntityManager): Promise<AuthUserRecord | null> {
    return this.one(this.select(m).where('u.id = :id', { id }));
  }

  /**
   * The user of an access token, only while its session is live: the newest refresh token of the
   * family is neither revoked nor expired. One query, so every request still makes one round trip;
   * checked in the database every time (no cache), so a logout or a deactivation on any instance counts
   * on the next request.
   */
  async bySession(id: string, sessionId: string): Promise<SessionRecord | null> {
    const { sql, params } = this.sessionStatement();
    // A named statement: each pooled connection parses and plans it once, then only binds the two values.
    const pool = (this.users.manager.connection.driver as PostgresDriver).master as Pool;
    const { rows } = await pool.query<SessionRecord>({
      name: 'auth-session',
      text: sql,
      values: params.map((p) => (p === 'id' ? id : sessionId)),
    });
    return rows[0] ?? null;
  }

  /**
   * The session check's statement, built by the query builder once (every authenticated request sends
   * it: rebuilding the same SQL and hydrating an entity each time was CPU spent for nothing). Plain
   * columns named as `SessionRecord` names them; `params` says which value goes in each placeholder.
   */
  private sessionStatement(): { sql: string; params: ('id' | 'sessionId')[] } {
    if (this.session) return this.session;
    const probe = { id: 'id', sessionId: 'sessionId' } as const;
    const qb = this.users
      .createQueryBuilder('u')
      .select('u.id', 'id')
      .addSelect('u.email', 'email')
      .addSelect('u.name', 'name')
      .addSelect('u.role', 'role')
      .addSelect('u.language', 'language')
      .addSelect('u.active', 'active')
      .addSelect('u.token_version', 'tokenVersion')
      .addSelect(SCOPE_HUB_IDS, 'hubIds')
      .addSelect(SCOPE_CITY_IDS, 'cityIds')
      .innerJoin(
        (sq) =>
          sq
            .select('rt.userId', 'user_id')
            .addSelect('rt.revokedAt', 'revoked_at')
            .addSelect('rt.expiresAt', 'expires_at')
            .from(RefreshTokenEntity, 'rt')
            .where('rt.familyId = :sessionId AND rt.userId = :id')
            .orderBy('rt.createdAt', 'DESC')
            .addOrderBy('rt.id', 'DESC')
            .limit(1),
        's',
        's.user_id = u.id AND s.revoked_at IS NULL AND s.expires_at > now()',
      )
      .where('u.id = :id', probe);
    const [sql, params] = qb.getQueryAndParameters();
    this.session = { sql, params: params.map((p) => (p === probe.id ? 'id' : 'sessionId')) };
    return this.session;
  }

  byEmail(email: string): Promise<AuthUserRecord | null> {
    return this.one(this.select().where('u.email = :email', { email }));
  }

  /** Replaces the hash, only if nobody changed the password meanwhile. Not an edit: version and updated_at stay. */
  async rehash(m: EntityManager, id: string, oldHash: string, newHash: string): Promise<void> {
    await m
      .createQueryBuilder()
      .update(UserEntity)
      .set({ passwordHash: newHash, version: () => 'version', updatedAt: () => 'updated_at' })
      .where('id = :id AND password_hash = :oldHash', { id, oldHash })
      .execute();
  }

  /** The user's preferred language (an edit of the record: the version moves). */
  async setLanguage(m: EntityManager, id: string, language: Language): Promise<void> {
    await m.createQueryBuilder().update(UserEntity).set({ language }).where('id = :id', { id }).execute();
  }
}

/** The public part of a user record: what may travel to a client. */
export function toAuthUser(r: AuthUser): AuthUser {
  return { id: r.id, email: r.email, name: r.name, role: r.role, language: r.language, hubIds: r.hubIds, cityIds: r.cityIds };
}
