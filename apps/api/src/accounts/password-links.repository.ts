import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { PasswordLinkPurpose } from '@impact/contracts';
import { UserEntity } from '../users/user.entity';
import { PasswordLinkEntity } from './password-link.entity';

export type NewPasswordLink = Pick<PasswordLinkEntity, 'userId' | 'purpose' | 'language' | 'tokenHash' | 'createdById' | 'expiresAt'>;

/** Every query of the password_links table, and the one write of a user's password hash from a link. */
@Injectable()
export class PasswordLinksRepository {
  constructor(@InjectRepository(PasswordLinkEntity) private readonly links: Repository<PasswordLinkEntity>) {}

  async insert(m: EntityManager, link: NewPasswordLink): Promise<PasswordLinkEntity> {
    const repo = m.getRepository(PasswordLinkEntity);
    return repo.save(repo.create(link));
  }

  /** The link with this token hash; locked when `m` is a transaction that will spend it. */
  byHash(hash: string, m?: EntityManager): Promise<PasswordLinkEntity | null> {
    return (m ?? this.links.manager)
      .getRepository(PasswordLinkEntity)
      .findOne({ where: { tokenHash: hash }, ...(m ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** Spends the user's unused links (of one purpose, or all): a newer link or a new password replaces them. */
  async spendUnused(m: EntityManager, userId: string, purpose?: PasswordLinkPurpose): Promise<void> {
    const qb = m
      .createQueryBuilder()
      .update(PasswordLinkEntity)
      .set({ usedAt: () => 'now()' })
      .where('user_id = :userId AND used_at IS NULL', { userId });
    if (purpose) qb.andWhere('purpose = :purpose', { purpose });
    await qb.execute();
  }

  /**
   * The new hash; the token version moves so tokens issued before it stop working, and the version
   * moves (an edit of the record) so an admin's open form sees the change.
   */
  async setPassword(m: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await m
      .createQueryBuilder()
      .update(UserEntity)
      .set({ passwordHash, tokenVersion: () => 'token_version + 1' })
      .where('id = :userId', { userId })
      .execute();
  }
}
