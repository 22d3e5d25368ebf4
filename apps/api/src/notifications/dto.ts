import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, Equals, IsArray, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import {
  DEFAULT_PAGE_SIZE,
  EMAIL_PREFERENCES,
  MAX_PAGE_SIZE,
  type EmailPreference,
  type MarkNotificationsReadRequest,
  type NotificationListQuery,
  type NotificationSettings,
} from '@impact/contracts';
import { OptionalNotNull, QueryBoolean } from '../common/dto';

/** Ids marked read at once, at most. */
export const MAX_READ_IDS = 500;

export class NotificationListQueryDto implements NotificationListQuery {
  @ApiPropertyOptional({ description: 'true: unread only; false: read only' }) @IsOptional() @QueryBoolean() unread?: boolean;
  @ApiPropertyOptional({ minimum: 1, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000) page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
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
