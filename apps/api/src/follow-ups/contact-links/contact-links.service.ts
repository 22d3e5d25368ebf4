import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  followUpPlace,
  type ContactLink,
  type ContactLinkAnswerResult,
  type CityContact,
  type ContactLinkCreated,
  type FollowUpListItem,
  type PublicFollowUpLink,
} from '@impact/contracts';
import { AuditService } from '../../audit/audit.service';
import { diffObjects } from '../../audit/diff';
import { requireAccess } from '../../auth/access';
import type { AuthUser } from '../../auth/auth-user';
import { APP_CONFIG, type AppConfig } from '../../config';
import { NotFoundError, StaleVersionError, WorkflowError } from '../../common/errors';
import { trimmed } from '../../common/records';
import { MailService } from '../../mail/mail.service';
import { NotificationMailer } from '../../notifications/notification-mailer';
import { wordNotification } from '../../notifications/notification-messages';
import { NotificationsRepository } from '../../notifications/notifications.repository';
import { PlacesRepository } from '../../places/places.repository';
import { followUpRecord } from '../follow-up.read';
import { FollowUpsRepository } from '../follow-ups.repository';
import { renderContactLinkMail } from './contact-link-mail';
import type { ContactLinkEntity } from './contact-link.entity';
import { ContactLinkGoneError } from './contact-link.errors';
import { ContactLinksRepository } from './contact-links.repository';
import type { ContactLinkAnswerDto, CreateContactLinkDto } from './dto';

/** 256 random bits, URL-safe; only the SHA-256 is stored. */
const newToken = (): string => randomBytes(32).toString('base64url');
const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');
const DAY_MS = 86_400_000;
/** How many of a city's contacts the picker offers. */
const CITY_CONTACTS_SHOWN = 50;

/**
 * Contact links: staff who may edit a follow-up mail a city contact a link; the contact opens it
 * without an account and answers done / not yet. Each write is one transaction with its audit row.
 */
@Injectable()
export class ContactLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly links: ContactLinksRepository,
    private readonly followUps: FollowUpsRepository,
    private readonly places: PlacesRepository,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly notifications: NotificationsRepository,
    private readonly mailer: NotificationMailer,
  ) {}

  /** The live follow-up the caller may edit: 404 outside read scope, 403 when readable only. */
  private async editable(m: EntityManager, user: AuthUser, id: string): Promise<FollowUpListItem> {
    const followUp = await this.followUps.findLive(id, m);
    if (!followUp) throw new NotFoundError('Follow-up', id);
    const place = followUpPlace(await this.places.ofFollowUpParents(m, followUp, false)) ?? { hubIds: [], cityIds: [] };
    requireAccess(user, 'followUps', 'update', place, () => new NotFoundError('Follow-up', id));
    return followUp;
  }

  async create(user: AuthUser, followUpId: string, dto: CreateContactLinkDto): Promise<ContactLinkCreated> {
    return this.dataSource.transaction(async (m) => {
      const followUp = await this.editable(m, user, followUpId);
      if (followUp.status !== 'open')
        throw new WorkflowError(followUp.status, 'contact link', 'Only an open follow-up can be confirmed by a contact.');
      const token = newToken();
      const name = dto.name.trim();
      const email = dto.email.trim();
      const link = await this.links.insert(m, {
        followUpId,
        name,
        email,
        language: dto.language,
        tokenHash: hashOf(token),
        createdById: user.id,
        expiresAt: new Date(Date.now() + this.config.contactLinkDays * DAY_MS),
      });
      const rendered = renderContactLinkMail(dto.language, {
        name,
        title: followUp.title,
        city: followUp.cityName,
        due: followUp.dueDate,
        url: `${this.mail.publicUrl}/confirm/${token}`,
        expires: link.expiresAt.toISOString().slice(0, 10),
      });
      await this.mail.enqueue(m, { dedupeKey: `contact-link:${link.id}`, to: email, language: dto.language, ...rendered });
      await this.audit.record(m, {
        actorId: user.id,
        entity: 'followUp',
        entityId: followUpId,
        action: 'contact_link',
        changes: null,
        note: `link sent to ${name} <${email}>`,
      });
      return { id: link.id, expiresAt: link.expiresAt.toISOString() };
    });
  }

  async list(user: AuthUser, followUpId: string): Promise<ContactLink[]> {
    await this.editable(this.dataSource.manager, user, followUpId);
    return this.links.ofFollowUp(followUpId);
  }

  /** The city's contacts already asked by link, for whoever may send this follow-up's links. */
  async contacts(user: AuthUser, followUpId: string): Promise<CityContact[]> {
    const followUp = await this.editable(this.dataSource.manager, user, followUpId);
    return followUp.cityId ? this.links.contactsOfCity(followUp.cityId, CITY_CONTACTS_SHOWN) : [];
  }

  /** Revoking twice is harmless (the first revocation stands). */
  async revoke(user: AuthUser, followUpId: string, linkId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.editable(m, user, followUpId);
      const link = await this.links.findOfFollowUp(m, followUpId, linkId);
      if (!link) throw new NotFoundError('Contact link', linkId);
      if (link.revokedAt) return;
      await this.links.revoke(m, linkId);
      await this.audit.record(m, {
        actorId: user.id,
        entity: 'followUp',
        entityId: followUpId,
        action: 'contact_link_revoke',
        changes: null,
        note: `link of ${link.name} <${link.email}> revoked`,
      });
    });
  }

  /** The link and its live follow-up, or 404 (unknown) / 410 (revoked, expired, follow-up closed). */
  private async usable(token: string, m?: EntityManager): Promise<{ link: ContactLinkEntity; followUp: FollowUpListItem }> {
    const link = await this.links.byHash(hashOf(token), m);
    if (!link) throw new NotFoundError('Link');
    if (link.revokedAt) throw new ContactLinkGoneError('revoked', 'This link was withdrawn. Ask your contact for a new one.');
    if (link.expiresAt <= new Date()) throw new ContactLinkGoneError('expired', 'This link has expired. Ask your contact for a new one.');
    const followUp = await this.followUps.findLive(link.followUpId, m);
    if (!followUp || followUp.status !== 'open')
      throw new ContactLinkGoneError('closed', 'This follow-up is already closed: there is nothing left to confirm.');
    return { link, followUp };
  }

  async open(token: string): Promise<PublicFollowUpLink> {
    const { link, followUp } = await this.usable(token);
    await this.links.markOpened(link.id);
    return {
      title: followUp.title,
      dueDate: followUp.dueDate,
      status: followUp.status,
      cityName: followUp.cityName,
      commitmentTitle: followUp.commitmentTitle,
      language: link.language,
      expiresAt: link.expiresAt.toISOString(),
    };
  }

  /** Done closes the follow-up; either way the answer is kept on the link, audited and told to the owner and hub managers. */
  async answer(token: string, dto: ContactLinkAnswerDto): Promise<ContactLinkAnswerResult> {
    return this.dataSource.transaction(async (m) => {
      const { link, followUp } = await this.usable(token, m);
      const note = trimmed(dto.note) ?? null;
      const proposedDueDate = dto.done ? null : (dto.proposedDueDate ?? null);
      const via = `via link: ${link.name} <${link.email}>`;
      await this.links.openedNow(m, link.id);
      await this.links.recordAnswer(m, link.id, { done: dto.done, note, proposedDueDate });
      let status = followUp.status;
      if (dto.done) {
        if (!(await this.followUps.update(m, followUp.id, followUp.version, { status: 'done' }))) throw new StaleVersionError(null);
        const after = await this.followUps.findLive(followUp.id, m);
        status = after?.status ?? 'done';
        await this.audit.record(m, {
          actorId: null,
          entity: 'followUp',
          entityId: followUp.id,
          action: 'update',
          changes: diffObjects({ ...followUpRecord(followUp) }, after ? { ...followUpRecord(after) } : null),
          note: note ? `${via} — ${note}` : via,
        });
      } else {
        await this.audit.record(m, {
          actorId: null,
          entity: 'followUp',
          entityId: followUp.id,
          action: 'contact_answer',
          changes: proposedDueDate ? { proposedDueDate: { old: followUp.dueDate, new: proposedDueDate } } : null,
          note: note ? `${via} — not done yet: ${note}` : `${via} — not done yet`,
        });
      }
      await this.notify(m, link, followUp, { done: dto.done, note, proposedDueDate });
      return { done: dto.done, note, proposedDueDate, status };
    });
  }

  /** The owner and the hub's managers, each in their language; mailed at once to those who chose so. */
  private async notify(
    m: EntityManager,
    link: ContactLinkEntity,
    followUp: FollowUpListItem,
    answer: { done: boolean; note: string | null; proposedDueDate: string | null },
  ): Promise<void> {
    const recipients = await this.links.recipients(m, followUp.ownerId, followUp.hubId);
    const kind = answer.done ? ('follow_up_confirmed' as const) : ('follow_up_not_done' as const);
    const values = {
      title: followUp.title,
      city: followUp.cityName ?? '—',
      contact: `${link.name} <${link.email}>`,
      note: answer.note ?? '',
      date: answer.proposedDueDate ?? '',
    };
    const keyDay = new Date().toISOString().slice(0, 10);
    const ids = await this.notifications.add(
      m,
      recipients.map((r) => ({
        userId: r.id,
        kind,
        recordId: link.id,
        keyDay,
        // Stored worded in the recipient's language now, and with its values, to be worded again when read.
        ...(wordNotification(kind, values, r.language) as { title: string; body: string }),
        args: values,
        link: followUp.commitmentId ? `/commitments/${followUp.commitmentId}` : `/engagements/${followUp.engagementId}`,
      })),
    );
    await this.mailer.mailImmediate(m, ids);
  }
}
