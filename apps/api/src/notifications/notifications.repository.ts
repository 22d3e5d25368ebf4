import { activeUserSql } from '../rules';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type EntityManager, type Repository } from 'typeorm';
import {
  DEFAULT_EMAIL_PREFERENCE,
  type EmailPreference,
  type Language,
  type NotificationItem,
  type NotificationKind,
  type NotificationListQuery,
  type NotificationPage,
} from '@impact/contracts';
import { andWhereFlag, listPage, listSorts } from '../common/list-query';
import { UserEntity } from '../users/user.entity';
import { NotificationSettingsEntity } from './notification-settings.entity';
import { wordNotification } from './notification-messages';
import { NotificationEntity } from './notification.entity';

const SORTS = listSorts({ createdAt: 'n.created_at' }, [['n.created_at', 'DESC']], 'n.id');

/** A notification as its reader sees it: worded in `language` when its values were kept, else as stored. */
export function toNotificationItem(n: NotificationEntity, language: Language): NotificationItem {
  const { title, body } = wordNotification(n.kind, n.args, language) ?? n;
  return {
    id: n.id,
    kind: n.kind,
    title,
    body,
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}

/** A notification not yet mailed, with what its mail needs to know about the recipient. */
export interface UnmailedNotification {
  id: string;
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  email: string;
  name: string;
  language: Language;
  preference: EmailPreference;
}

/** Every query of the notifications and notification_settings tables. */
@Injectable()
export class NotificationsRepository {
  constructor(
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
    @InjectRepository(NotificationSettingsEntity) private readonly settings: Repository<NotificationSettingsEntity>,
  ) {}

  /** The page of `userId`'s notifications, worded in `language` (the one the reader uses now). */
  async list(userId: string, q: NotificationListQuery, language: Language): Promise<NotificationPage> {
    const qb = this.notifications.createQueryBuilder('n').where('n.user_id = :userId', { userId });
    andWhereFlag(qb, q.unread, 'n.read_at IS NULL');
    const [page, unread] = await Promise.all([
      listPage(qb, q, SORTS, async (ids) =>
        (await this.notifications.createQueryBuilder('n').where('n.id IN (:...ids)', { ids }).getMany()).map((n) =>
          toNotificationItem(n, language),
        ),
      ),
      this.unreadCount(userId),
    ]);
    return { ...page, unread };
  }

  unreadCount(userId: string, m?: EntityManager): Promise<number> {
    return (m ? m.getRepository(NotificationEntity) : this.notifications).countBy({ userId, readAt: IsNull() });
  }

  /** Marks the caller's unread notifications read (`ids`, or all); others' ids change nothing. How many changed. */
  async markRead(m: EntityManager, userId: string, ids: string[] | 'all'): Promise<number> {
    const qb = m
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: () => 'now()' })
      .where('user_id = :userId AND read_at IS NULL', { userId });
    if (ids !== 'all') qb.andWhere('id = ANY(:ids::uuid[])', { ids });
    return (await qb.execute()).affected ?? 0;
  }

  async preference(userId: string, m?: EntityManager): Promise<EmailPreference> {
    return (
      (await (m ? m.getRepository(NotificationSettingsEntity) : this.settings).findOneBy({ userId }))?.email ?? DEFAULT_EMAIL_PREFERENCE
    );
  }

  async setPreference(m: EntityManager, userId: string, email: EmailPreference): Promise<void> {
    await m.getRepository(NotificationSettingsEntity).upsert({ userId, email }, ['userId']);
  }

  /**
   * Notifications not mailed yet, of active users whose setting is not `off`, with the user's
   * address, name, language and setting: `ids` given → those only; else everything of the last day.
   */
  async unmailed(m: EntityManager, ids?: string[]): Promise<UnmailedNotification[]> {
    const qb = m
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .innerJoin(UserEntity, 'u', `u.id = n.user_id AND ${activeUserSql('u')}`)
      .leftJoin(NotificationSettingsEntity, 's', 's.user_id = n.user_id')
      .select([
        'n.id AS id',
        'n.user_id AS "userId"',
        'n.kind AS kind',
        'n.title AS title',
        'n.body AS body',
        'n.link AS link',
        'n.args AS args',
      ])
      .addSelect(['u.email AS email', 'u.name AS name', 'u.language AS language'])
      .addSelect(`COALESCE(s.email, :fallback)`, 'preference')
      .where('n.mailed_at IS NULL')
      .andWhere(`COALESCE(s.email, :fallback) <> 'off'`, { fallback: DEFAULT_EMAIL_PREFERENCE })
      .orderBy('n.user_id')
      .addOrderBy('n.created_at')
      .addOrderBy('n.id');
    if (ids) qb.andWhere('n.id = ANY(:ids::uuid[])', { ids });
    else qb.andWhere(`n.created_at > now() - interval '1 day'`);
    // Worded in the recipient's language as it is when the mail goes, like the list in the app.
    const rows = await qb.getRawMany<UnmailedNotification & Pick<NotificationEntity, 'args'>>();
    return rows.map(({ args, ...n }) => ({ ...n, ...wordNotification(n.kind, args, n.language) }));
  }

  /** Adds notifications, each at most once per (kind, record, user, day); the ids of the new ones. */
  async add(
    m: EntityManager,
    rows: (Pick<NotificationEntity, 'userId' | 'kind' | 'recordId' | 'keyDay' | 'title' | 'body' | 'link'> &
      Partial<Pick<NotificationEntity, 'args'>>)[],
  ): Promise<string[]> {
    if (!rows.length) return [];
    const result = await m.createQueryBuilder().insert().into(NotificationEntity).values(rows).orIgnore().returning(['id']).execute();
    return (result.raw as { id: string }[]).map((r) => r.id);
  }

  async markMailed(m: EntityManager, ids: string[]): Promise<void> {
    if (!ids.length) return;
    await m
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ mailedAt: () => 'now()' })
      .where('id = ANY(:ids::uuid[])', { ids })
      .execute();
  }
}
