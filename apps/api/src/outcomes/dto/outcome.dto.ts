import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUrl, IsUUID, Max, Min } from 'class-validator';
import {
  OUTCOME_TYPES,
  type CreateOutcomeRequest,
  type OutcomeFilters,
  type OutcomeType,
  type UpdateOutcomeRequest,
} from '@impact/contracts';
import { IsDateOnly, Line, MaxChars, OptionalNotNull } from '../../common/dto';
import { ListQueryDto } from '../../common/list';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true };
const URL_MESSAGE = { message: 'evidenceUrl must be an http(s) URL' };

export class CreateOutcomeDto implements CreateOutcomeRequest {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() commitmentId?: string | null;
  @ApiProperty({ format: 'uuid' }) @IsUUID() cityId!: string;
  @ApiProperty({ format: 'date' }) @IsDateOnly() date!: string;
  @ApiProperty({ enum: OUTCOME_TYPES }) @IsIn(OUTCOME_TYPES) type!: OutcomeType;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-1e12) @Max(1e12) value?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 }) @IsOptional() @IsString() @Line(100) unit?: string | null;
  @ApiPropertyOptional({ maxLength: 20000 }) @OptionalNotNull() @IsString() @MaxChars(20_000) description?: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 }) @IsOptional() @IsUrl(URL_OPTIONS, URL_MESSAGE) @MaxChars(2000) evidenceUrl?: string | null;
  @ApiPropertyOptional({ description: 'true records the caller as verifier (hub managers and admins)' }) @OptionalNotNull() @IsBoolean() verified?: boolean;
}

export class UpdateOutcomeDto implements UpdateOutcomeRequest {
  @ApiProperty() @IsInt() @Min(1) @Max(2_147_483_647) version!: number;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() commitmentId?: string | null;
  @ApiPropertyOptional({ format: 'uuid' }) @OptionalNotNull() @IsUUID() cityId?: string;
  @ApiPropertyOptional({ format: 'date' }) @OptionalNotNull() @IsDateOnly() date?: string;
  @ApiPropertyOptional({ enum: OUTCOME_TYPES }) @OptionalNotNull() @IsIn(OUTCOME_TYPES) type?: OutcomeType;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-1e12) @Max(1e12) value?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 }) @IsOptional() @IsString() @Line(100) unit?: string | null;
  @ApiPropertyOptional({ maxLength: 20000 }) @OptionalNotNull() @IsString() @MaxChars(20_000) description?: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 }) @IsOptional() @IsUrl(URL_OPTIONS, URL_MESSAGE) @MaxChars(2000) evidenceUrl?: string | null;
  @ApiPropertyOptional() @OptionalNotNull() @IsBoolean() verified?: boolean;
}

export class OutcomeListQueryDto extends ListQueryDto implements OutcomeFilters {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() hubId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() cityId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() commitmentId?: string;
  @ApiPropertyOptional({ enum: OUTCOME_TYPES }) @IsOptional() @IsIn(OUTCOME_TYPES) type?: OutcomeType;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsDateOnly() from?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsDateOnly() to?: string;
}
