import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { Language, MailStatus, OutboxItem, OutboxListQuery, Page } from '@impact/contracts';
import { andWhereGiven, listPage, listSorts } from '../common/list-query';
import { MailOutboxEntity } from './mail-outbox.entity';

export interface NewMail {
  dedupeKey: string;
  to: string;
  language: Language;
  subject: string;
  text: string;
  html: string;
}

/** A claimed mail, ready to hand to SMTP. */
export type ClaimedMail = Pick<MailOutboxEntity, 'id' | 'toAddress' | 'subject' | 'text' | 'html' | 'language' | 'attempts'>;

const SORTS = listSorts({ createdAt: 'o.created_at', status: 'o.status' }, [['o.created_at', 'DESC']], 'o.id');

export function toOutboxItem(o: MailOutboxEntity): OutboxItem {
  return {
    id: o.id,
    to: o.toAddress,
    subject: o.subject,
    text: o.text,
    language: o.language,
    status: o.status,
    attempts: o.attempts,
    createdAt: o.createdAt.toISOString(),
    sentAt: o.sentAt?.toISOString() ?? null,
    error: o.error,
  };
}

/** Every query of the mail outbox. */
@Injectable()
export class MailRepository {
  constructor(@InjectRepository(MailOutboxEntity) private readonly outbox: Repository<MailOutboxEntity>) {}

  /** Adds the mail unless one with its dedupe key exists; the new id, or null when it was a duplicate. */
  async insert(m: EntityManager, mail: NewMail): Promise<string | null> {
    const result = await m
      .createQueryBuilder()
      .insert()
      .into(MailOutboxEntity)
      .values({
        dedupeKey: mail.dedupeKey,
        toAddress: mail.to,
        language: mail.language,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const row = (result.raw as { id: string }[])[0];
    return row?.id ?? null;
  }

  /**
   * Takes the mail for sending: only a queued one, or one whose sender's claim is older than `leaseSeconds`
   * (that sender died). One UPDATE, so of two senders exactly one wins. Null when not claimable.
   */
  async claim(id: string, leaseSeconds: number): Promise<ClaimedMail | null> {
    const result = await this.outbox
      .createQueryBuilder()
      .update(MailOutboxEntity)
      .set({ status: 'sending', claimedAt: () => 'now()', attempts: () => 'attempts + 1' })
      .where(`id = :id AND (status = 'queued' OR (status = 'sending' AND claimed_at < now() - make_interval(secs => :lease)))`, {
        id,
        lease: leaseSeconds,
      })
      .returning('id, to_address, subject, text, html, language, attempts')
      .execute();
    const row = (
      result.raw as { id: string; to_address: string; subject: string; text: string; html: string; language: Language; attempts: number }[]
    )[0];
    return row
      ? {
          id: row.id,
          toAddress: row.to_address,
          subject: row.subject,
          text: row.text,
          html: row.html,
          language: row.language,
          attempts: row.attempts,
        }
      : null;
  }

  async statusOf(id: string): Promise<MailStatus | null> {
    const row = await this.outbox.findOne({ where: { id }, select: { id: true, status: true } });
    return row?.status ?? null;
  }

  /** The SMTP server took the mail: sent, in one statement that also ends the claim. */
  async markSent(m: EntityManager, id: string): Promise<void> {
    await m
      .createQueryBuilder()
      .update(MailOutboxEntity)
      .set({ status: 'sent', sentAt: () => 'now()', error: null, claimedAt: null })
      .where(`id = :id AND status = 'sending'`, { id })
      .execute();
  }

  /** A failed attempt: back to queued for the next retry, or failed for good; the error is kept. */
  async markAttemptFailed(id: string, status: 'queued' | 'failed', error: string): Promise<void> {
    await this.outbox
      .createQueryBuilder()
      .update(MailOutboxEntity)
      .set({ status, error: error.slice(0, 2000), claimedAt: null })
      .where(`id = :id AND status = 'sending'`, { id })
      .execute();
  }

  /** Mails that wait for a sender (queued, or claimed by a sender that died), oldest first. */
  async waiting(leaseSeconds: number, limit: number): Promise<string[]> {
    const rows = await this.outbox
      .createQueryBuilder('o')
      .select('o.id', 'id')
      .where(`o.status = 'queued' OR (o.status = 'sending' AND o.claimed_at < now() - make_interval(secs => :lease))`, {
        lease: leaseSeconds,
      })
      .orderBy('o.created_at', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  list(q: OutboxListQuery): Promise<Page<OutboxItem>> {
    const qb = this.outbox.createQueryBuilder('o');
    andWhereGiven(qb, q.status, 'o.status = :status', { status: q.status });
    return listPage(qb, q, SORTS, async (ids) =>
      (await this.outbox.createQueryBuilder('o').where('o.id IN (:...ids)', { ids }).getMany()).map(toOutboxItem),
    );
  }
}
