import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Language, MarkNotificationsReadResult, NotificationPage, NotificationSettings } from '@impact/contracts';
import { AuditService } from '../audit/audit.service';
import { diffObjects } from '../audit/diff';
import type { AuthUser } from '../auth/auth-user';
import { ValidationFailedError } from '../common/errors';
import type { MarkNotificationsReadDto, NotificationListQueryDto, NotificationSettingsDto } from './dto';
import { NotificationsRepository } from './notifications.repository';

/** The caller's own notifications and settings: nobody reads or marks another user's. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsRepository,
    private readonly audit: AuditService,
  ) {}

  /** `language`: the one the reader uses now (the request's), else the user's preferred one. */
  list(user: AuthUser, query: NotificationListQueryDto, language: Language | null): Promise<NotificationPage> {
    return this.notifications.list(user.id, query, language ?? user.language);
  }

  /** Marking read is the user's own bookkeeping, not a change to a record: no audit row. */
  async markRead(user: AuthUser, dto: MarkNotificationsReadDto): Promise<MarkNotificationsReadResult> {
    if ((dto.ids === undefined) === (dto.all === undefined)) {
      const message = 'send either ids (a list of notification ids) or all: true';
      throw new ValidationFailedError([
        { field: 'ids', message },
        { field: 'all', message },
      ]);
    }
    return this.dataSource.transaction(async (m) => {
      const marked = await this.notifications.markRead(m, user.id, dto.all ? 'all' : (dto.ids ?? []));
      return { marked, unread: await this.notifications.unreadCount(user.id, m) };
    });
  }

  async settings(user: AuthUser): Promise<NotificationSettings> {
    return { email: await this.notifications.preference(user.id) };
  }

  async updateSettings(user: AuthUser, dto: NotificationSettingsDto): Promise<NotificationSettings> {
    await this.dataSource.transaction(async (m) => {
      const before = await this.notifications.preference(user.id, m);
      await this.notifications.setPreference(m, user.id, dto.email);
      const changes = diffObjects({ email: before }, { email: dto.email });
      if (changes)
        await this.audit.record(m, { actorId: user.id, entity: 'notification_settings', entityId: user.id, action: 'update', changes });
    });
    return { email: dto.email };
  }
}
