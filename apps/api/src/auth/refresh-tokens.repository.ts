import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity';

export const REFRESH_TOKEN_TTL_DAYS = 14;

const now = () => 'now()';

/** Every query of the refresh_tokens table: a rotation family per session, only hashes stored. */
@Injectable()
export class RefreshTokensRepository {
  /** The token, its row held (FOR UPDATE) until the transaction ends, so it is spent once. */
  findForUpdate(m: EntityManager, id: string): Promise<RefreshTokenEntity | null> {
    return m.getRepository(RefreshTokenEntity).createQueryBuilder('rt').where('rt.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /** A new token of the family, valid for REFRESH_TOKEN_TTL_DAYS from now (the database's clock). */
  async insert(m: EntityManager, token: Pick<RefreshTokenEntity, 'id' | 'userId' | 'familyId' | 'tokenHash'>): Promise<void> {
    await m
      .createQueryBuilder()
      .insert()
      .into(RefreshTokenEntity)
      .values({ ...token, expiresAt: () => `now() + make_interval(days => ${REFRESH_TOKEN_TTL_DAYS})` })
      .execute();
  }

  async markUsed(m: EntityManager, id: string): Promise<void> {
    await m.createQueryBuilder().update(RefreshTokenEntity).set({ usedAt: now }).where('id = :id', { id }).execute();
  }

  /** Ends the session: every live token of the family is revoked. */
  async revokeFamily(m: EntityManager, familyId: string): Promise<void> {
    await m
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ revokedAt: now })
      .where('family_id = :familyId AND revoked_at IS NULL', { familyId })
      .execute();
  }

  /** Ends every session of the user. */
  async revokeAllOf(m: EntityManager, userId: string): Promise<void> {
    await m
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ revokedAt: now })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .execute();
  }

  /**
   * Ends the user's session `familyId` and, when `tokenId` names one of the user's tokens, that
   * token's session too; in one statement.
   */
  async revokeSessions(m: EntityManager, userId: string, familyId: string, tokenId: string | null): Promise<void> {
    const familyOfToken = m
      .createQueryBuilder()
      .subQuery()
      .select('t.familyId')
      .from(RefreshTokenEntity, 't')
      .where('t.id = :tokenId AND t.userId = :userId')
      .getQuery();
    await m
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ revokedAt: now })
      .where(`revoked_at IS NULL AND user_id = :userId AND (family_id = :familyId OR family_id = ${familyOfToken})`, {
        userId,
        familyId,
        tokenId,
      })
      .execute();
  }
}
