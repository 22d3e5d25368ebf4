import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from './auth-user';

interface Row {
  id: string;
  email: string;
  name: string;
  role: AuthUser['role'];
  language: AuthUser['language'];
  active: boolean;
  token_version: number;
  password_hash: string;
  hub_ids: string[];
  city_ids: string[];
}

export interface AuthUserRecord extends AuthUser {
  active: boolean;
  tokenVersion: number;
  passwordHash: string;
}

/** Loads a user with its hub and city scope in one query (every authenticated request does this). */
@Injectable()
export class AuthUsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private static readonly SELECT = `
    SELECT u.id, u.email, u.name, u.role, u.language, u.active, u.token_version, u.password_hash,
           COALESCE((SELECT array_agg(uh.hub_id ORDER BY uh.hub_id) FROM user_hubs uh WHERE uh.user_id = u.id), '{}') AS hub_ids,
           COALESCE((SELECT array_agg(cl.city_id ORDER BY cl.city_id) FROM city_liaisons cl WHERE cl.user_id = u.id), '{}') AS city_ids
      FROM users u`;

  async byId(id: string, manager: EntityManager = this.dataSource.manager): Promise<AuthUserRecord | null> {
    const rows: Row[] = await manager.query(`${AuthUsersRepository.SELECT} WHERE u.id = $1`, [id]);
    return rows[0] ? AuthUsersRepository.map(rows[0]) : null;
  }

  /**
   * The user of an access token, only while its session is live: the newest refresh token of the
   * family is neither revoked nor expired. One query, so every request still makes one round trip.
   */
  async bySession(id: string, sessionId: string): Promise<AuthUserRecord | null> {
    const rows: Row[] = await this.dataSource.query(
      `${AuthUsersRepository.SELECT}
         JOIN LATERAL (SELECT rt.revoked_at, rt.expires_at FROM refresh_tokens rt
                        WHERE rt.family_id = $2 AND rt.user_id = u.id
                        ORDER BY rt.created_at DESC, rt.id DESC LIMIT 1) s
           ON s.revoked_at IS NULL AND s.expires_at > now()
        WHERE u.id = $1`,
      [id, sessionId],
    );
    return rows[0] ? AuthUsersRepository.map(rows[0]) : null;
  }

  async byEmail(email: string): Promise<AuthUserRecord | null> {
    const rows: Row[] = await this.dataSource.query(`${AuthUsersRepository.SELECT} WHERE u.email = $1`, [email]);
    return rows[0] ? AuthUsersRepository.map(rows[0]) : null;
  }

  private static map(r: Row): AuthUserRecord {
    return {
      id: r.id,
      email: r.email,
      name: r.name,
      role: r.role,
      language: r.language,
      active: r.active,
      tokenVersion: r.token_version,
      passwordHash: r.password_hash,
      hubIds: r.hub_ids,
      cityIds: r.city_ids,
    };
  }
}

/** The public part of a user record: what may travel to a client. */
export function toAuthUser(r: AuthUserRecord): AuthUser {
  return { id: r.id, email: r.email, name: r.name, role: r.role, language: r.language, hubIds: r.hubIds, cityIds: r.cityIds };
}
