import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { REMINDER_KINDS, todayIso, type ReminderKind, type ReminderRunResult } from '@impact/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { APP_CONFIG, type AppConfig } from '../config';
import { JobsService } from '../jobs/jobs.service';
import { NotificationMailer } from '../notifications/notification-mailer';
import { REMINDER_RULES } from './reminder-rules';
import { RemindersRepository } from './reminders.repository';

/** What the scheduled job answers (kept as the job's output): whether this instance ran the day. */
export interface DailyRunOutcome {
  asOf: string;
  ran: boolean;
  result?: ReminderRunResult;
}

/**
 * The daily reminder rules: a pg-boss schedule at REMINDER_HOUR (UTC) sends one job a day, which the
 * first instance to claim the day runs; `run` is the same work for a day an admin names. Each run is
 * one transaction: the notifications, their mails (immediate ones, then the day's digests) and the
 * audit row land together. Re-running a day adds nothing (the notifications' unique key).
 */
@Injectable()
export class RemindersService implements OnModuleInit {
  private readonly logger = new Logger('Reminders');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reminders: RemindersRepository,
    private readonly mailer: NotificationMailer,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.schedule('reminders-daily', `0 ${this.config.reminderHour} * * *`);
    await this.jobs.work<{ asOf?: string }>('reminders-daily', (job) => this.runScheduled(job.data.asOf ?? todayIso()));
  }

  /** The schedule's run: only the instance that claims the day runs it. */
  async runScheduled(asOf: string): Promise<DailyRunOutcome> {
    return this.dataSource.transaction(async (m) => {
      if (!(await this.reminders.claimScheduledDay(m, asOf))) {
        this.logger.log({ asOf }, 'daily reminders already ran');
        return { asOf, ran: false };
      }
      const result = await this.apply(m, asOf);
      await this.reminders.finishScheduledDay(m, asOf, { ...result });
      await this.audit.record(m, {
        actorId: null,
        entity: 'reminders',
        entityId: randomUUID(),
        action: 'run',
        changes: null,
        note: `scheduled run for ${asOf}`,
      });
      this.logger.log({ asOf, notifications: result.notifications, mails: result.mails }, 'daily reminders ran');
      return { asOf, ran: true, result };
    });
  }

  /** An admin's run for `asOf` (default today), exactly the rules the schedule runs. */
  async run(user: AuthUser, asOf: string = todayIso()): Promise<ReminderRunResult> {
    return this.dataSource.transaction(async (m) => {
      const result = await this.apply(m, asOf);
      await this.audit.record(m, {
        actorId: user.id,
        entity: 'reminders',
        entityId: randomUUID(),
        action: 'run',
        changes: null,
        note: `run by hand for ${asOf}`,
      });
      return result;
    });
  }

  private async apply(m: EntityManager, asOf: string): Promise<ReminderRunResult> {
    const notifications = Object.fromEntries(REMINDER_KINDS.map((k) => [k, 0])) as Record<ReminderKind, number>;
    const created: string[] = [];
    for (const rule of REMINDER_RULES) {
      const ids = await this.reminders.apply(m, rule, asOf);
      notifications[rule.kind] += ids.length;
      created.push(...ids);
    }
    const mails = (await this.mailer.mailImmediate(m, created)) + (await this.mailer.mailDigests(m, asOf));
    return { asOf, notifications, mails };
  }
}
