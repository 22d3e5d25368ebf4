import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min, MinLength } from 'class-validator';
import {
  BOUNDS,
  COMMITMENT_KINDS,
  COMMITMENT_STATUSES,
  MAX_ITEMS,
  MAX_LENGTH,
  type CommitmentFilters,
  type CommitmentKind,
  type CommitmentStatus,
  type CommitmentTransitionRequest,
  type CreateCommitmentRequest,
  type UpdateCommitmentRequest,
} from '@impact/contracts';
import { IsDateOnly, Uuids, Line, MaxChars, OptionalNotNull, QueryBoolean } from '../../common/dto';
import { CursorListQueryDto } from '../../common/list';

const progress = () => (target: object, key: string | symbol) => {
  IsInt()(target, key);
  Min(BOUNDS.commitment.progress.min)(target, key);
  Max(BOUNDS.commitment.progress.max)(target, key);
  ApiPropertyOptional({ minimum: BOUNDS.commitment.progress.min, maximum: BOUNDS.commitment.progress.max })(target, key);
};

/** What a commitment says beyond its title, kind and city, the same whether it is being created or changed: every field optional. */
class CommitmentDetailsDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() ownerId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @IsDateOnly() targetDate?: string | null;
  @OptionalNotNull() @progress() progress?: number;
  @OptionalNotNull() @Uuids(MAX_ITEMS.commitment.inspiredByEngagementIds) inspiredByEngagementIds?: string[];
  @OptionalNotNull() @Uuids(MAX_ITEMS.commitment.partnerIds) partnerIds?: string[];
  @ApiPropertyOptional({ maxLength: MAX_LENGTH.commitment.description })
  @OptionalNotNull()
  @IsString()
  @MaxChars(MAX_LENGTH.commitment.description)
  description?: string;
}

export class CreateCommitmentDto extends CommitmentDetailsDto implements CreateCommitmentRequest {
  @ApiProperty({ maxLength: MAX_LENGTH.commitment.title }) @IsString() @MinLength(1) @Line(MAX_LENGTH.commitment.title) title!: string;
  @ApiProperty({ enum: COMMITMENT_KINDS }) @IsIn(COMMITMENT_KINDS) kind!: CommitmentKind;
  @ApiProperty({ format: 'uuid', description: "the commitment's hub is this city's hub" }) @IsUUID() cityId!: string;
}

export class UpdateCommitmentDto extends CommitmentDetailsDto implements UpdateCommitmentRequest {
  @ApiProperty() @IsInt() @Min(BOUNDS.version.min) @Max(BOUNDS.version.max) version!: number;
  @ApiPropertyOptional({ maxLength: MAX_LENGTH.commitment.title })
  @OptionalNotNull()
  @IsString()
  @MinLength(1)
  @Line(MAX_LENGTH.commitment.title)
  title?: string;
  @ApiPropertyOptional({ enum: COMMITMENT_KINDS }) @OptionalNotNull() @IsIn(COMMITMENT_KINDS) kind?: CommitmentKind;
  @ApiPropertyOptional({ format: 'uuid' }) @OptionalNotNull() @IsUUID() cityId?: string;
}

export class CommitmentTransitionDto implements CommitmentTransitionRequest {
  @ApiProperty({ enum: COMMITMENT_STATUSES }) @IsIn(COMMITMENT_STATUSES) to!: CommitmentStatus;
  @ApiProperty({ minLength: 1, maxLength: MAX_LENGTH.commitment.transitionNote, description: 'why (kept in the history)' })
  @IsString()
  @MinLength(1, { message: `note must say why (1 to ${MAX_LENGTH.commitment.transitionNote} characters)` })
  @MaxChars(MAX_LENGTH.commitment.transitionNote)
  note!: string;
}

export class CommitmentListQueryDto extends CursorListQueryDto implements CommitmentFilters {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() hubId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() cityId?: string;
  @ApiPropertyOptional({ enum: COMMITMENT_STATUSES }) @IsOptional() @IsIn(COMMITMENT_STATUSES) status?: CommitmentStatus;
  @ApiPropertyOptional({ enum: COMMITMENT_KINDS }) @IsOptional() @IsIn(COMMITMENT_KINDS) kind?: CommitmentKind;
  @ApiPropertyOptional({ description: 'open work past its target date' }) @IsOptional() @QueryBoolean() overdue?: boolean;
  @ApiPropertyOptional({ description: 'stalled, or pledged / in progress past its target date' })
  @IsOptional()
  @QueryBoolean()
  atRisk?: boolean;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() ownerId?: string;
  @ApiPropertyOptional({ format: 'date', description: 'achieved on or after (dashboard drill-down)' })
  @IsOptional()
  @IsDateOnly()
  achievedFrom?: string;
  @ApiPropertyOptional({ format: 'date', description: 'achieved on or before (dashboard drill-down)' })
  @IsOptional()
  @IsDateOnly()
  achievedTo?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'inspired by this engagement' }) @IsOptional() @IsUUID() engagementId?: string;
}
