import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min, MinLength } from 'class-validator';
import {
  COMMITMENT_KINDS,
  COMMITMENT_STATUSES,
  type CommitmentFilters,
  type CommitmentKind,
  type CommitmentStatus,
  type CommitmentTransitionRequest,
  type CreateCommitmentRequest,
  type UpdateCommitmentRequest,
} from '@impact/contracts';
import { IsDateOnly, Line, MaxChars, OptionalNotNull, QueryBoolean } from '../../common/dto';
import { ListQueryDto } from '../../common/list';

const uuids = (max: number) => (target: object, key: string | symbol) => {
  IsArray()(target, key);
  IsUUID('all', { each: true })(target, key);
  ArrayMaxSize(max)(target, key);
  ApiPropertyOptional({ type: [String], format: 'uuid' })(target, key);
};

const progress = () => (target: object, key: string | symbol) => {
  IsInt()(target, key);
  Min(0)(target, key);
  Max(100)(target, key);
  ApiPropertyOptional({ minimum: 0, maximum: 100 })(target, key);
};

export class CreateCommitmentDto implements CreateCommitmentRequest {
  @ApiProperty({ maxLength: 300 }) @IsString() @MinLength(1) @Line(300) title!: string;
  @ApiProperty({ enum: COMMITMENT_KINDS }) @IsIn(COMMITMENT_KINDS) kind!: CommitmentKind;
  @ApiProperty({ format: 'uuid', description: "the commitment's hub is this city's hub" }) @IsUUID() cityId!: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() ownerId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @IsDateOnly() targetDate?: string | null;
  @OptionalNotNull() @progress() progress?: number;
  @OptionalNotNull() @uuids(100) inspiredByEngagementIds?: string[];
  @OptionalNotNull() @uuids(100) partnerIds?: string[];
  @ApiPropertyOptional({ maxLength: 20000 }) @OptionalNotNull() @IsString() @MaxChars(20_000) description?: string;
}

export class UpdateCommitmentDto implements UpdateCommitmentRequest {
  @ApiProperty() @IsInt() @Min(1) @Max(2_147_483_647) version!: number;
  @ApiPropertyOptional({ maxLength: 300 }) @OptionalNotNull() @IsString() @MinLength(1) @Line(300) title?: string;
  @ApiPropertyOptional({ enum: COMMITMENT_KINDS }) @OptionalNotNull() @IsIn(COMMITMENT_KINDS) kind?: CommitmentKind;
  @ApiPropertyOptional({ format: 'uuid' }) @OptionalNotNull() @IsUUID() cityId?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() ownerId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @IsDateOnly() targetDate?: string | null;
  @OptionalNotNull() @progress() progress?: number;
  @OptionalNotNull() @uuids(100) inspiredByEngagementIds?: string[];
  @OptionalNotNull() @uuids(100) partnerIds?: string[];
  @ApiPropertyOptional({ maxLength: 20000 }) @OptionalNotNull() @IsString() @MaxChars(20_000) description?: string;
}

export class CommitmentTransitionDto implements CommitmentTransitionRequest {
  @ApiProperty({ enum: COMMITMENT_STATUSES }) @IsIn(COMMITMENT_STATUSES) to!: CommitmentStatus;
  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'why (kept in the history)' })
  @IsString()
  @MinLength(1, { message: 'note must say why (1 to 2000 characters)' })
  @MaxChars(2000)
  note!: string;
}

export class CommitmentListQueryDto extends ListQueryDto implements CommitmentFilters {
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
}
