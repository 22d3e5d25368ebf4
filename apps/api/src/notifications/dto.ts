import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, Equals, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  EMAIL_PREFERENCES,
  type EmailPreference,
  type MarkNotificationsReadRequest,
  type NotificationListQuery,
  type NotificationSettings,
} from '@impact/contracts';
import { OptionalNotNull, QueryBoolean } from '../common/dto';
import { PageQueryDto } from '../common/list';

/** Ids marked read at once, at most. */
export const MAX_READ_IDS = 500;

export class NotificationListQueryDto extends PageQueryDto implements NotificationListQuery {
  @ApiPropertyOptional({ description: 'true: unread only; false: read only' }) @IsOptional() @QueryBoolean() unread?: boolean;
}

/** Either `ids` or `all: true` (the service refuses both and neither, naming the fields). */
export class MarkNotificationsReadDto implements MarkNotificationsReadRequest {
  @ApiPropertyOptional({ type: [String], format: 'uuid', minItems: 1, maxItems: MAX_READ_IDS })
  @OptionalNotNull()
  @IsArray({ message: 'ids must be a list of notification ids' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_READ_IDS)
  @IsUUID('all', { each: true })
  ids?: string[];

  @ApiPropertyOptional({ enum: [true], description: 'mark every notification of the caller read' })
  @OptionalNotNull()
  @Equals(true, { message: 'all must be true (or send ids instead)' })
  all?: boolean;
}

export class NotificationSettingsDto implements NotificationSettings {
  @ApiProperty({ enum: EMAIL_PREFERENCES }) @IsIn(EMAIL_PREFERENCES) email!: EmailPreference;
}
