import { createHash, randomBytes } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { PASSWORD_LINK_HOURS, type InviteSent, type Language, type PasswordLink, type PasswordLinkPurpose } from '@impact/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { AuthUsersRepository, type AuthUserRecord } from '../auth/auth-users.repository';
import { hashPassword } from '../auth/passwords';
import { RefreshTokensRepository } from '../auth/refresh-tokens.repository';
import { ConflictError, NotFoundError } from '../common/errors';
import { JobsService } from '../jobs/jobs.service';
import { MailService } from '../mail/mail.service';
import { renderPasswordLinkMail } from './password-link-mail';
import { PasswordLinkGoneError } from './password-link.errors';
import { PasswordLinksRepository } from './password-links.repository';

/** 256 random bits, URL-safe; only the SHA-256 is stored. */
const newToken = (): string => randomBytes(32).toString('base64url');
const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');
const HOUR_MS = 3_600_000;

/** The user a link is made for. */
type LinkUser = Pick<AuthUserRecord, 'id' | 'name' | 'email' | 'language'>;

/**
 * Set-password links: an admin's invitation (72 hours) or a reset the user asks for (1 hour). The
 * mail carries a link, never a password; the link is spent once, and setting a password with it
 * ends every session of the user. Each write is one transaction with its audit row.
 */
/** The password-reset job's data. */
interface ResetJob {
  email: string;
}

@Injectable()
export class PasswordLinksService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly links: PasswordLinksRepository,
    private readonly users: AuthUsersRepository,
    private readonly tokens: RefreshTokensRepository,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.work<ResetJob>('password-reset', (job) => this.requestReset(job.data.email), { pollingIntervalSeconds: 1 });
  }

  /**
   * Takes a reset request: the same single job insert whether or not the address has an account (the
   * answer's timing tells nothing); the job looks the account up and mails it (`requestReset`).
   */
  async queueReset(email: string): Promise<void> {
    await this.jobs.send('password-reset', { email } satisfies ResetJob);
  }

  /**
   * Mails `user` an invitation in `m`'s transaction (the user's creation, or an admin's re-send);
   * earlier unused invitations stop working.
   */
  async invite(m: EntityManager, actor: AuthUser, user: LinkUser, language?: Language): Promise<InviteSent> {
    await this.links.spendUnused(m, user.id, 'invite');
    const expiresAt = await this.send(m, 'invite', user, language ?? user.language, actor);
    await this.audit.record(m, {
      actorId: actor.id,
      entity: 'user',
      entityId: user.id,
      action: 'invite',
      note: `set-password link mailed to ${user.email}`,
    });
    return { expiresAt: expiresAt.toISOString() };
  }

  /** An admin's invitation of an existing user (404 unknown, 409 deactivated). */
  async reinvite(actor: AuthUser, userId: string, language?: Language): Promise<InviteSent> {
    return this.dataSource.transaction(async (m) => {
      const user = await this.users.byId(userId, m);
      if (!user) throw new NotFoundError('User', userId);
      if (!user.active) throw new ConflictError('This user is deactivated: reactivate them before inviting them.');
      return this.invite(m, actor, user, language);
    });
  }

  /**
   * A reset link for the active account of `email`, if there is one; nothing otherwise. The caller
   * answers the same either way. A newer reset link replaces the earlier ones.
   */
  async requestReset(email: string): Promise<void> {
    const user = await this.users.byEmail(email.trim());
    if (!user || !user.active) return;
    await this.dataSource.transaction(async (m) => {
      await this.links.spendUnused(m, user.id, 'reset');
      await this.send(m, 'reset', user, user.language, null);
      await this.audit.record(m, {
        actorId: null,
        entity: 'user',
        entityId: user.id,
        action: 'password_reset_request',
        note: `reset link mailed to ${user.email}`,
      });
    });
  }

  /** A password set another way (an admin's edit): the user's unused links stop working. */
  spendLinks(m: EntityManager, userId: string): Promise<void> {
    return this.links.spendUnused(m, userId);
  }

  /** What the set-password page shows: 404 unknown, 410 used, expired or the account is off. */
  async open(token: string): Promise<PasswordLink> {
    const { link, user } = await this.usable(token);
    return { purpose: link.purpose, name: user.name, email: user.email, language: link.language, expiresAt: link.expiresAt.toISOString() };
  }

  /** Spends the link, sets the password, ends every session of the user (and every other link of it); audited. */
  async setPassword(token: string, password: string): Promise<void> {
    // Hashing takes a while: before the transaction, which then holds the link's row only briefly.
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (m) => {
      const { link, user } = await this.usable(token, m);
      await this.links.setPassword(m, user.id, passwordHash);
      await this.links.spendUnused(m, user.id);
      await this.tokens.revokeAllOf(m, user.id);
      await this.audit.record(m, {
        actorId: user.id,
        entity: 'user',
        entityId: user.id,
        action: 'password_set',
        changes: { password: { old: '[redacted]', new: '[redacted]' } },
        note: link.purpose === 'invite' ? 'via invitation link; every session ended' : 'via reset link; every session ended',
      });
    });
  }

  private async usable(token: string, m?: EntityManager) {
    const link = await this.links.byHash(hashOf(token), m);
    if (!link) throw new NotFoundError('Link');
    if (link.usedAt) throw new PasswordLinkGoneError('used', 'This link was already used or replaced by a newer one. Ask for a new link.');
    if (link.expiresAt <= new Date()) throw new PasswordLinkGoneError('expired', 'This link has expired. Ask for a new link.');
    const user = await this.users.byId(link.userId, m);
    if (!user || !user.active) throw new PasswordLinkGoneError('inactive', 'This account is deactivated. Ask an administrator.');
    return { link, user };
  }

  /** Stores a new link and queues its mail in `m`'s transaction; the link's expiry. */
  private async send(
    m: EntityManager,
    purpose: PasswordLinkPurpose,
    user: LinkUser,
    language: Language,
    actor: AuthUser | null,
  ): Promise<Date> {
    const token = newToken();
    const expiresAt = new Date(Date.now() + PASSWORD_LINK_HOURS[purpose] * HOUR_MS);
    const link = await this.links.insert(m, {
      userId: user.id,
      purpose,
      language,
      tokenHash: hashOf(token),
      createdById: actor?.id ?? null,
      expiresAt,
    });
    const rendered = renderPasswordLinkMail(purpose, language, {
      name: user.name,
      email: user.email,
      inviter: actor?.name ?? '',
      url: `${this.mail.publicUrl}/set-password/${token}`,
      expiresAt,
    });
    await this.mail.enqueue(m, { dedupeKey: `password-link:${link.id}`, to: user.email, language, ...rendered });
    return expiresAt;
  }
}
