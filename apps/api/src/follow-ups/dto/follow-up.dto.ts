import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min, MinLength } from 'class-validator';
import {
  BOUNDS,
  FOLLOW_UP_KINDS,
  FOLLOW_UP_STATUSES,
  MAX_LENGTH,
  type CreateFollowUpRequest,
  type FollowUpFilters,
  type FollowUpKind,
  type FollowUpStatus,
  type UpdateFollowUpRequest,
} from '@impact/contracts';
import { IsDateOnly, Line, MaxChars, OptionalNotNull, QueryBoolean } from '../../common/dto';
import { CursorListQueryDto } from '../../common/list';

export class CreateFollowUpDto implements CreateFollowUpRequest {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() commitmentId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() engagementId?: string | null;
  @ApiProperty({ maxLength: MAX_LENGTH.followUp.title }) @IsString() @MinLength(1) @Line(MAX_LENGTH.followUp.title) title!: string;
  @ApiProperty({ enum: FOLLOW_UP_KINDS }) @IsIn(FOLLOW_UP_KINDS) kind!: FollowUpKind;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() ownerId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @IsDateOnly() dueDate?: string | null;
  @ApiPropertyOptional({ enum: FOLLOW_UP_STATUSES, default: 'open' }) @OptionalNotNull() @IsIn(FOLLOW_UP_STATUSES) status?: FollowUpStatus;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: MAX_LENGTH.followUp.note })
  @IsOptional()
  @IsString()
  @MaxChars(MAX_LENGTH.followUp.note)
  note?: string | null;
}

export class UpdateFollowUpDto implements UpdateFollowUpRequest {
  @ApiProperty() @IsInt() @Min(BOUNDS.version.min) @Max(BOUNDS.version.max) version!: number;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() commitmentId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() engagementId?: string | null;
  @ApiPropertyOptional({ maxLength: MAX_LENGTH.followUp.title })
  @OptionalNotNull()
  @IsString()
  @MinLength(1)
  @Line(MAX_LENGTH.followUp.title)
  title?: string;
  @ApiPropertyOptional({ enum: FOLLOW_UP_KINDS }) @OptionalNotNull() @IsIn(FOLLOW_UP_KINDS) kind?: FollowUpKind;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() ownerId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @IsDateOnly() dueDate?: string | null;
  @ApiPropertyOptional({ enum: FOLLOW_UP_STATUSES }) @OptionalNotNull() @IsIn(FOLLOW_UP_STATUSES) status?: FollowUpStatus;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: MAX_LENGTH.followUp.note })
  @IsOptional()
  @IsString()
  @MaxChars(MAX_LENGTH.followUp.note)
  note?: string | null;
}

export class FollowUpListQueryDto extends CursorListQueryDto implements FollowUpFilters {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() hubId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() cityId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() ownerId?: string;
  @ApiPropertyOptional({ enum: FOLLOW_UP_STATUSES }) @IsOptional() @IsIn(FOLLOW_UP_STATUSES) status?: FollowUpStatus;
  @ApiPropertyOptional({ description: 'open and past its due date' }) @IsOptional() @QueryBoolean() overdue?: boolean;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() commitmentId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() engagementId?: string;
}
