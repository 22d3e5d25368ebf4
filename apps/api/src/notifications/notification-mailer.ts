import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NotificationKind } from '@impact/contracts';
import { fill, MAIL_WORDS } from '../mail/mail-messages';
import { renderMail } from '../mail/mail-render';
import { MailService } from '../mail/mail.service';
import { NotificationsRepository, type UnmailedNotification } from './notifications.repository';

/** Kinds that go out only in the daily digest, whatever the setting: a daily nag is not worth a mail of its own. */
const DIGEST_ONLY: ReadonlySet<NotificationKind> = new Set(['follow_up_overdue']);

/**
 * Turns notifications into outbox mails by each recipient's setting: `immediate` → one mail per
 * notification, `daily` → one digest per user per day, `off` → none. Runs in the caller's
 * transaction, so notifications and their mails land together.
 */
@Injectable()
export class NotificationMailer {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly mail: MailService,
  ) {}

  private url(link: string): string {
    return `${this.mail.publicUrl}${link}`;
  }

  /** One mail per new notification of users who chose `immediate`. How many mails were queued. */
  async mailImmediate(m: EntityManager, ids: string[]): Promise<number> {
    if (!ids.length) return 0;
    const due = (await this.notifications.unmailed(m, ids)).filter((n) => n.preference === 'immediate' && !DIGEST_ONLY.has(n.kind));
    let queued = 0;
    for (const n of due) {
      const rendered = renderMail(n.language, {
        subject: n.title,
        name: n.name,
        items: [{ title: n.title, body: n.body, url: this.url(n.link) }],
        settingsUrl: this.url('/notifications/settings'),
      });
      if (await this.mail.enqueue(m, { dedupeKey: `notification:${n.id}`, to: n.email, language: n.language, ...rendered })) queued++;
    }
    await this.notifications.markMailed(
      m,
      due.map((n) => n.id),
    );
    return queued;
  }

  /** One digest per user of what the last day brought and was not mailed yet (`day` names it). */
  async mailDigests(m: EntityManager, day: string): Promise<number> {
    const byUser = new Map<string, UnmailedNotification[]>();
    for (const n of await this.notifications.unmailed(m)) byUser.set(n.userId, [...(byUser.get(n.userId) ?? []), n]);
    let queued = 0;
    for (const [userId, items] of byUser) {
      const [first] = items;
      const w = MAIL_WORDS[first.language];
      const rendered = renderMail(first.language, {
        subject: fill(w.digestSubject, { count: items.length, day }),
        name: first.name,
        intro: w.digestIntro,
        items: items.map((n) => ({ title: n.title, body: n.body, url: this.url(n.link) })),
        settingsUrl: this.url('/notifications/settings'),
      });
      if (await this.mail.enqueue(m, { dedupeKey: `digest:${userId}:${day}`, to: first.email, language: first.language, ...rendered }))
        queued++;
      await this.notifications.markMailed(
        m,
        items.map((n) => n.id),
      );
    }
    return queued;
  }
}
