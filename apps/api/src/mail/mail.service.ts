import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, type Transporter } from 'nodemailer';
import type { DataSource, EntityManager } from 'typeorm';
import type { OutboxItem, OutboxListQuery, Page } from '@impact/contracts';
import { APP_CONFIG, type AppConfig } from '../config';
import { JobsService } from '../jobs/jobs.service';
import { MailRepository, type NewMail } from './mail.repository';

/** A claim older than this means its sender died: another may take the mail over. */
export const MAIL_CLAIM_LEASE_SECONDS = 300;
/** Attempts before a mail is failed for good (the mail-send queue's retryLimit + 1). */
export const MAIL_MAX_ATTEMPTS = 6;
/** Mails re-sent to the queue at start, at most (the rest at the next start or by their own jobs). */
const SWEEP_LIMIT = 5_000;

export interface MailJob {
  id: string;
}

/**
 * The outbox: `enqueue` writes a mail in the caller's transaction and sends its job in the same
 * transaction, so the mail exists exactly when the event does. A worker then claims the row, hands it
 * to SMTP (SMTP_URL) and records sent or the error; without SMTP_URL no worker runs and mail stays
 * queued, readable by admins, until a start with SMTP_URL sends it.
 */
@Injectable()
export class MailService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mails: MailRepository,
    private readonly jobs: JobsService,
  ) {
    this.transport = config.mail.smtpUrl ? createTransport(config.mail.smtpUrl) : null;
  }

  /** The base of links in mails. */
  get publicUrl(): string {
    return this.config.mail.publicUrl;
  }

  /** Writes the mail in `m`'s transaction (once per dedupe key) and queues its sending; the id, or null for a duplicate. */
  async enqueue(m: EntityManager, mail: NewMail): Promise<string | null> {
    const id = await this.mails.insert(m, mail);
    if (id) await this.jobs.send('mail-send', { id } satisfies MailJob, {}, m);
    return id;
  }

  list(query: OutboxListQuery): Promise<Page<OutboxItem>> {
    return this.mails.list(query);
  }

  async onModuleInit(): Promise<void> {
    if (this.transport) await this.jobs.work<MailJob>('mail-send', (job) => this.deliver(job.data.id));
  }

  /** Mail queued while no sender ran (no SMTP_URL, or every instance down) gets a job again. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.transport) return;
    try {
      for (const id of await this.mails.waiting(MAIL_CLAIM_LEASE_SECONDS, SWEEP_LIMIT))
        await this.jobs.send('mail-send', { id } satisfies MailJob);
    } catch (e) {
      this.logger.error({ err: { message: (e as Error).message } }, 'could not queue the waiting mail');
    }
  }

  /**
   * Sends one outbox mail, at most once: the claim lets one sender at a time hold it, and a sent mail
   * is never claimed again. A temporary failure goes back to queued and throws, so pg-boss retries
   * with backoff; a permanent one (SMTP 5xx) or the last attempt is recorded as failed.
   */
  async deliver(id: string): Promise<void> {
    const transport = this.transport;
    if (!transport) return;
    const mail = await this.mails.claim(id, MAIL_CLAIM_LEASE_SECONDS);
    if (!mail) {
      // Another sender holds it: try again later (its claim ends with it, or its lease runs out).
      if ((await this.mails.statusOf(id)) === 'sending') throw new Error(`mail ${id} is being sent by another worker`);
      return;
    }
    try {
      await transport.sendMail({
        from: this.config.mail.from,
        to: mail.toAddress,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // The outbox id: a receiving system can tell a re-delivery from a new mail.
        messageId: `<${mail.id}@impact-tracker>`,
        headers: { 'Content-Language': mail.language },
      });
    } catch (e) {
      const code = (e as { responseCode?: number }).responseCode;
      const final = (code !== undefined && code >= 500) || mail.attempts >= MAIL_MAX_ATTEMPTS;
      await this.mails.markAttemptFailed(id, final ? 'failed' : 'queued', (e as Error).message);
      this.logger.warn({ mailId: id, attempt: mail.attempts, final }, 'mail not sent');
      if (!final) throw e;
      return;
    }
    await this.dataSource.transaction((m) => this.mails.markSent(m, id));
  }
}
