import { activeUserSql, followUpInCitiesSql } from '../../rules';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { CityContact, ContactLink, ContactLinkState, Language } from '@impact/contracts';
import { UserEntity } from '../../users/user.entity';
import { ContactLinkEntity } from './contact-link.entity';

export type NewContactLink = Pick<
  ContactLinkEntity,
  'followUpId' | 'name' | 'email' | 'language' | 'tokenHash' | 'createdById' | 'expiresAt'
>;

/** Someone told when a contact answers: the follow-up's owner and its hub's managers. */
export interface LinkRecipient {
  id: string;
  language: Language;
}

export function contactLinkState(l: ContactLinkEntity, now = new Date()): ContactLinkState {
  if (l.revokedAt) return 'revoked';
  if (l.answeredAt) return 'confirmed';
  if (l.expiresAt <= now) return 'expired';
  return l.openedAt ? 'opened' : 'sent';
}

export function toContactLink(l: ContactLinkEntity): ContactLink {
  return {
    id: l.id,
    name: l.name,
    email: l.email,
    language: l.language,
    state: contactLinkState(l),
    createdAt: l.createdAt.toISOString(),
    expiresAt: l.expiresAt.toISOString(),
    openedAt: l.openedAt?.toISOString() ?? null,
    revokedAt: l.revokedAt?.toISOString() ?? null,
    answer:
      l.answeredAt && l.answerDone !== null
        ? { done: l.answerDone, note: l.answerNote, proposedDueDate: l.proposedDueDate, at: l.answeredAt.toISOString() }
        : null,
  };
}

/** Every query of the follow_up_contact_links table. */
@Injectable()
export class ContactLinksRepository {
  constructor(@InjectRepository(ContactLinkEntity) private readonly links: Repository<ContactLinkEntity>) {}

  async insert(m: EntityManager, link: NewContactLink): Promise<ContactLinkEntity> {
    const repo = m.getRepository(ContactLinkEntity);
    return repo.save(repo.create(link));
  }

  /** A follow-up's links, newest first. */
  async ofFollowUp(followUpId: string): Promise<ContactLink[]> {
    const rows = await this.links.find({ where: { followUpId }, order: { createdAt: 'DESC', id: 'ASC' } });
    return rows.map(toContactLink);
  }

  /**
   * The people asked by link about any follow-up of `cityId` (its commitment's city, or without one its
   * engagement's cities), one per address with the name and language used last, newest first.
   */
  async contactsOfCity(cityId: string, limit: number): Promise<CityContact[]> {
    const rows = (await this.links.query(
      `SELECT name, email, language, last_asked_at AS "lastAskedAt" FROM (
         SELECT DISTINCT ON (lower(l.email)) l.name, l.email, l.language, l.created_at AS last_asked_at
           FROM follow_up_contact_links l
           JOIN follow_ups f ON f.id = l.follow_up_id
           LEFT JOIN commitments c ON c.id = f.commitment_id
           LEFT JOIN engagements e ON e.id = f.engagement_id
          WHERE ${followUpInCitiesSql('c', 'e', 'ARRAY[$1]')}
          ORDER BY lower(l.email), l.created_at DESC
       ) latest
       ORDER BY last_asked_at DESC, email
       LIMIT $2`,
      [cityId, limit],
    )) as (Omit<CityContact, 'lastAskedAt'> & { lastAskedAt: Date })[];
    return rows.map((r) => ({ ...r, lastAskedAt: r.lastAskedAt.toISOString() }));
  }

  /** One link of one follow-up, locked for the change that follows. */
  findOfFollowUp(m: EntityManager, followUpId: string, id: string): Promise<ContactLinkEntity | null> {
    return m.getRepository(ContactLinkEntity).findOne({ where: { id, followUpId }, lock: { mode: 'pessimistic_write' } });
  }

  /** The link with this token hash; locked when `m` is a transaction that will change it. */
  byHash(hash: string, m?: EntityManager): Promise<ContactLinkEntity | null> {
    return (m ?? this.links.manager)
      .getRepository(ContactLinkEntity)
      .findOne({ where: { tokenHash: hash }, ...(m ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  async revoke(m: EntityManager, id: string): Promise<void> {
    await m.getRepository(ContactLinkEntity).update({ id }, { revokedAt: () => 'now()' });
  }

  /** The first opening is kept; later ones change nothing. */
  async markOpened(id: string): Promise<void> {
    await this.links
      .createQueryBuilder()
      .update(ContactLinkEntity)
      .set({ openedAt: () => 'now()' })
      .where('id = :id AND opened_at IS NULL', { id })
      .execute();
  }

  /** An answer without a GET first (a retried form) still counts as opened. */
  async openedNow(m: EntityManager, id: string): Promise<void> {
    await m
      .createQueryBuilder()
      .update(ContactLinkEntity)
      .set({ openedAt: () => 'now()' })
      .where('id = :id AND opened_at IS NULL', { id })
      .execute();
  }

  async recordAnswer(
    m: EntityManager,
    id: string,
    answer: { done: boolean; note: string | null; proposedDueDate: string | null },
  ): Promise<void> {
    await m
      .getRepository(ContactLinkEntity)
      .update(
        { id },
        { answeredAt: () => 'now()', answerDone: answer.done, answerNote: answer.note, proposedDueDate: answer.proposedDueDate },
      );
  }

  /**
   * The follow-up's owner (when active) and the active managers of `hubId`, once each, with their
   * language. Read here because the users domain has no query for "who manages this hub".
   */
  async recipients(m: EntityManager, ownerId: string | null, hubId: string): Promise<LinkRecipient[]> {
    const rows = await m
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select(['u.id AS id', 'u.language AS language'])
      .where(activeUserSql('u'))
      .andWhere(
        `(u.id = :ownerId OR (u.role = 'hub_manager' AND EXISTS (SELECT 1 FROM user_hubs uh WHERE uh.user_id = u.id AND uh.hub_id = :hubId)))`,
        { ownerId, hubId },
      )
      .orderBy('u.id')
      .getRawMany<LinkRecipient>();
    return rows;
  }
}
