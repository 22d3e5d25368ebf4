import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { mayOnRecord, storyPlace, type StoryListItem, type StoryNotificationKind, type StoryStatus } from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { NotificationMailer } from '../notifications/notification-mailer';
import { wordNotification } from '../notifications/notification-messages';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { UserEntity } from '../users/user.entity';
import { withScope } from '../users/users.repository';

/** The kind a step makes, or none: archiving and other steps tell nobody. */
function kindOf(from: StoryStatus, to: StoryStatus): StoryNotificationKind | null {
  if (to === 'in_review') return 'story_in_review';
  if (from === 'in_review' && to === 'draft') return 'story_sent_back';
  if (to === 'published') return 'story_published';
  return null;
}

/**
 * Tells people of a story's workflow step, in the caller's transaction: sent to review → every
 * active leadership user; sent back (with the reason) or published → its author. Never the one who
 * took the step, and only those who may read the story. Mails follow each recipient's setting.
 */
@Injectable()
export class StoryNotifier {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly mailer: NotificationMailer,
  ) {}

  /** `stepId` names this step (its audit row), so each step notifies each recipient once, even twice a day. */
  async notify(
    m: EntityManager,
    actor: AuthUser,
    story: StoryListItem,
    to: StoryStatus,
    note: string | null,
    stepId: string,
  ): Promise<void> {
    const kind = kindOf(story.status, to);
    if (!kind) return;
    const qb = m.getRepository(UserEntity).createQueryBuilder('u').where('u.active AND u.archived_at IS NULL').andWhere('u.id <> :actor', {
      actor: actor.id,
    });
    if (kind === 'story_in_review') qb.andWhere(`u.role = 'leadership'`);
    else qb.andWhere('u.id = :author', { author: story.authorId });
    const place = storyPlace(story);
    const recipients = (await withScope(qb.orderBy('u.id'))).filter(({ user, hubIds, cityIds }) =>
      mayOnRecord({ id: user.id, role: user.role, hubIds, cityIds }, 'stories', 'read', place),
    );
    const values = { title: story.title, hub: story.hubName, actor: actor.name || actor.email, note: note ?? '' };
    const ids = await this.notifications.add(
      m,
      recipients.map(({ user }) => ({
        userId: user.id,
        kind,
        recordId: stepId,
        keyDay: new Date().toISOString().slice(0, 10),
        // Stored worded in the recipient's language now, and with its values, to be worded again when read.
        ...(wordNotification(kind, values, user.language) as { title: string; body: string }),
        args: values,
        link: `/story-desk/${story.id}`,
      })),
    );
    await this.mailer.mailImmediate(m, ids);
  }
}
