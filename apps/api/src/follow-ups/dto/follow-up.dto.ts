import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min, MinLength } from 'class-validator';
import {
  FOLLOW_UP_KINDS,
  FOLLOW_UP_STATUSES,
  type CreateFollowUpRequest,
  type FollowUpFilters,
  type FollowUpKind,
  type FollowUpStatus,
  type UpdateFollowUpRequest,
} from '@impact/contracts';
import { IsDateOnly, Line, MaxChars, OptionalNotNull, QueryBoolean } from '../../common/dto';
import { ListQueryDto } from '../../common/list';

export class CreateFollowUpDto implements CreateFollowUpRequest {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() commitmentId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() engagementId?: string | null;
  @ApiProperty({ maxLength: 300 }) @IsString() @MinLength(1) @Line(300) title!: string;
  @ApiProperty({ enum: FOLLOW_UP_KINDS }) @IsIn(FOLLOW_UP_KINDS) kind!: FollowUpKind;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() ownerId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @IsDateOnly() dueDate?: string | null;
  @ApiPropertyOptional({ enum: FOLLOW_UP_STATUSES, default: 'open' }) @OptionalNotNull() @IsIn(FOLLOW_UP_STATUSES) status?: FollowUpStatus;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000 }) @IsOptional() @IsString() @MaxChars(5000) note?: string | null;
}

export class UpdateFollowUpDto implements UpdateFollowUpRequest {
  @ApiProperty() @IsInt() @Min(1) @Max(2_147_483_647) version!: number;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() commitmentId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() engagementId?: string | null;
  @ApiPropertyOptional({ maxLength: 300 }) @OptionalNotNull() @IsString() @MinLength(1) @Line(300) title?: string;
  @ApiPropertyOptional({ enum: FOLLOW_UP_KINDS }) @OptionalNotNull() @IsIn(FOLLOW_UP_KINDS) kind?: FollowUpKind;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() ownerId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @IsDateOnly() dueDate?: string | null;
  @ApiPropertyOptional({ enum: FOLLOW_UP_STATUSES }) @OptionalNotNull() @IsIn(FOLLOW_UP_STATUSES) status?: FollowUpStatus;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000 }) @IsOptional() @IsString() @MaxChars(5000) note?: string | null;
}

export class FollowUpListQueryDto extends ListQueryDto implements FollowUpFilters {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() hubId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() cityId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() ownerId?: string;
  @ApiPropertyOptional({ enum: FOLLOW_UP_STATUSES }) @IsOptional() @IsIn(FOLLOW_UP_STATUSES) status?: FollowUpStatus;
  @ApiPropertyOptional({ description: 'open and past its due date' }) @IsOptional() @QueryBoolean() overdue?: boolean;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() commitmentId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() engagementId?: string;
}
