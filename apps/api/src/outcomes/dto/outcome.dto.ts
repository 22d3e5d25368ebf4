import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUrl, IsUUID, Max, Min } from 'class-validator';
import {
  BOUNDS,
  MAX_LENGTH,
  OUTCOME_TYPES,
  type CreateOutcomeRequest,
  type OutcomeFilters,
  type OutcomeType,
  type UpdateOutcomeRequest,
} from '@impact/contracts';
import { IsDateOnly, Line, MaxChars, OptionalNotNull } from '../../common/dto';
import { ListQueryDto } from '../../common/list';

const VALUE = BOUNDS.outcome.value;
const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true };
const URL_MESSAGE = { message: 'evidenceUrl must be an http(s) URL' };

/** What an outcome says, the same whether it is being created or changed: every field optional. */
class OutcomeDetailsDto {
  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(VALUE.min)
  @Max(VALUE.max)
  value?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: MAX_LENGTH.outcome.unit })
  @IsOptional()
  @IsString()
  @Line(MAX_LENGTH.outcome.unit)
  unit?: string | null;
  @ApiPropertyOptional({ maxLength: MAX_LENGTH.outcome.description })
  @OptionalNotNull()
  @IsString()
  @MaxChars(MAX_LENGTH.outcome.description)
  description?: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: MAX_LENGTH.outcome.evidenceUrl })
  @IsOptional()
  @IsUrl(URL_OPTIONS, URL_MESSAGE)
  @MaxChars(MAX_LENGTH.outcome.evidenceUrl)
  evidenceUrl?: string | null;
  @ApiPropertyOptional({ description: 'true records the caller as verifier (hub managers and admins)' })
  @OptionalNotNull()
  @IsBoolean()
  verified?: boolean;
}

export class CreateOutcomeDto extends OutcomeDetailsDto implements CreateOutcomeRequest {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() commitmentId?: string | null;
  @ApiProperty({ format: 'uuid' }) @IsUUID() cityId!: string;
  @ApiProperty({ format: 'date' }) @IsDateOnly() date!: string;
  @ApiProperty({ enum: OUTCOME_TYPES }) @IsIn(OUTCOME_TYPES) type!: OutcomeType;
}

export class UpdateOutcomeDto extends OutcomeDetailsDto implements UpdateOutcomeRequest {
  @ApiProperty() @IsInt() @Min(BOUNDS.version.min) @Max(BOUNDS.version.max) version!: number;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() commitmentId?: string | null;
  @ApiPropertyOptional({ format: 'uuid' }) @OptionalNotNull() @IsUUID() cityId?: string;
  @ApiPropertyOptional({ format: 'date' }) @OptionalNotNull() @IsDateOnly() date?: string;
  @ApiPropertyOptional({ enum: OUTCOME_TYPES }) @OptionalNotNull() @IsIn(OUTCOME_TYPES) type?: OutcomeType;
}

export class OutcomeListQueryDto extends ListQueryDto implements OutcomeFilters {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() hubId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() cityId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() commitmentId?: string;
  @ApiPropertyOptional({ enum: OUTCOME_TYPES }) @IsOptional() @IsIn(OUTCOME_TYPES) type?: OutcomeType;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsDateOnly() from?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsDateOnly() to?: string;
}
