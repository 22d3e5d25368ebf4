import { ContactLinkEntity } from '../follow-ups/contact-links/contact-link.entity';
import { AuditLogEntity } from '../audit/audit-log.entity';
import { RefreshTokenEntity } from '../auth/refresh-token.entity';
import { CityEntity } from '../cities/city.entity';
import { CommitmentStatusChangeEntity } from '../commitments/commitment-status-change.entity';
import { CommitmentEntity } from '../commitments/commitment.entity';
import { EngagementEntity } from '../engagements/engagement.entity';
import { FollowUpEntity } from '../follow-ups/follow-up.entity';
import { HubEntity } from '../hubs/hub.entity';
import { MailOutboxEntity } from '../mail/mail-outbox.entity';
import { NotificationSettingsEntity } from '../notifications/notification-settings.entity';
import { NotificationEntity } from '../notifications/notification.entity';
import { OutcomeEntity } from '../outcomes/outcome.entity';
import { PartnerEntity } from '../partners/partner.entity';
import { ReminderRunEntity } from '../reminders/reminder-run.entity';
import { StoryRevisionEntity } from '../stories/story-revision.entity';
import { StoryEntity } from '../stories/story.entity';
import { UserEntity } from '../users/user.entity';
import { PasswordLinkEntity } from '../accounts/password-link.entity';
import { ImportEntity } from '../imports/import.entity';
import { ImportFileEntity } from '../imports/import-file.entity';

/** Every entity, listed by hand: the API is bundled by webpack, so no file globs. */
export const ENTITIES = [
  HubEntity,
  CityEntity,
  PartnerEntity,
  UserEntity,
  RefreshTokenEntity,
  EngagementEntity,
  CommitmentEntity,
  CommitmentStatusChangeEntity,
  FollowUpEntity,
  OutcomeEntity,
  StoryEntity,
  StoryRevisionEntity,
  AuditLogEntity,
  MailOutboxEntity,
  NotificationEntity,
  NotificationSettingsEntity,
  ReminderRunEntity,
  ContactLinkEntity,
  PasswordLinkEntity,
  ImportEntity,
  ImportFileEntity,
];
