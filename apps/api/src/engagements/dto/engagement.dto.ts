import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  Min,
  MinLength,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import {
  BOUNDS,
  ENGAGEMENT_TYPES,
  MAX_ITEMS,
  MAX_LENGTH,
  type CreateEngagementRequest,
  type EngagementFilters,
  type EngagementType,
  type Participants,
  type UpdateEngagementRequest,
} from '@impact/contracts';
import { IsDateOnly, Uuids, Line, MaxChars, NestedObject, NotBefore, OptionalNotNull, QueryBoolean } from '../../common/dto';
import { CursorListQueryDto } from '../../common/list';

/** A group counts at most `total` people (groups overlap: a young woman mayor counts thrice, but the total counts everyone). */
function NotAboveTotal(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'notAboveTotal',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: (a: ValidationArguments) =>
          `${a.property} (${String(a.value)}) must not be more than total (${String((a.object as Record<string, unknown>)['total'])})`,
      },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const total = (args.object as Record<string, unknown>)['total'];
          return typeof value !== 'number' || typeof total !== 'number' || value <= total;
        },
      },
    });
}

const count = () => (target: object, key: string | symbol) => {
  IsInt()(target, key);
  Min(BOUNDS.engagement.participants.min)(target, key);
  Max(BOUNDS.engagement.participants.max)(target, key);
  ApiProperty({ minimum: BOUNDS.engagement.participants.min })(target, key);
};

export class ParticipantsDto implements Participants {
  @count() total!: number;
  @count() @NotAboveTotal() mayors!: number;
  @count() @NotAboveTotal() officials!: number;
  @count() @NotAboveTotal() youth!: number;
  @count() @NotAboveTotal() women!: number;
  @count() @NotAboveTotal() communityLeaders!: number;
}

const links = () => (target: object, key: string | symbol) => {
  IsArray()(target, key);
  IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { each: true, message: 'each evidence link must be an http(s) URL' })(
    target,
    key,
  );
  MaxChars(MAX_LENGTH.engagement.evidenceLink, { each: true })(target, key);
  ArrayMaxSize(MAX_ITEMS.engagement.evidenceLinks)(target, key);
  ApiPropertyOptional({ type: [String], description: 'http(s) URLs' })(target, key);
};

/** What an engagement says beyond its title, type, hub and start, the same whether it is being created or changed: every field optional. */
class EngagementDetailsDto {
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @IsDateOnly() @NotBefore('startDate') endDate?:
    | string
    | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() locationCityId?: string | null;
  @ApiPropertyOptional() @OptionalNotNull() @IsBoolean() online?: boolean;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() hostCityId?: string | null;
  @OptionalNotNull() @Uuids(MAX_ITEMS.engagement.participatingCityIds) participatingCityIds?: string[];
  @OptionalNotNull() @Uuids(MAX_ITEMS.engagement.partnerIds) partnerIds?: string[];
  @ApiPropertyOptional({ type: ParticipantsDto }) @OptionalNotNull() @NestedObject(() => ParticipantsDto) participants?: ParticipantsDto;
  @ApiPropertyOptional({ maxLength: MAX_LENGTH.engagement.summary })
  @OptionalNotNull()
  @IsString()
  @MaxChars(MAX_LENGTH.engagement.summary)
  summary?: string;
  @OptionalNotNull() @links() evidenceLinks?: string[];
}

export class CreateEngagementDto extends EngagementDetailsDto implements CreateEngagementRequest {
  @ApiProperty({ maxLength: MAX_LENGTH.engagement.title }) @IsString() @MinLength(1) @Line(MAX_LENGTH.engagement.title) title!: string;
  @ApiProperty({ enum: ENGAGEMENT_TYPES }) @IsIn(ENGAGEMENT_TYPES) type!: EngagementType;
  @ApiProperty({ format: 'uuid' }) @IsUUID() hubId!: string;
  @ApiProperty({ format: 'date' }) @IsDateOnly() startDate!: string;
}

export class UpdateEngagementDto extends EngagementDetailsDto implements UpdateEngagementRequest {
  @ApiProperty() @IsInt() @Min(BOUNDS.version.min) @Max(BOUNDS.version.max) version!: number;
  @ApiPropertyOptional({ maxLength: MAX_LENGTH.engagement.title })
  @OptionalNotNull()
  @IsString()
  @MinLength(1)
  @Line(MAX_LENGTH.engagement.title)
  title?: string;
  @ApiPropertyOptional({ enum: ENGAGEMENT_TYPES }) @OptionalNotNull() @IsIn(ENGAGEMENT_TYPES) type?: EngagementType;
  @ApiPropertyOptional({ format: 'uuid' }) @OptionalNotNull() @IsUUID() hubId?: string;
  @ApiPropertyOptional({ format: 'date' }) @OptionalNotNull() @IsDateOnly() startDate?: string;
}

export class EngagementListQueryDto extends CursorListQueryDto implements EngagementFilters {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() hubId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'host, place or participant' }) @IsOptional() @IsUUID() cityId?: string;
  @ApiPropertyOptional({ enum: ENGAGEMENT_TYPES }) @IsOptional() @IsIn(ENGAGEMENT_TYPES) type?: EngagementType;
  @ApiPropertyOptional({ format: 'date', description: 'start date on or after' }) @IsOptional() @IsDateOnly() from?: string;
  @ApiPropertyOptional({ format: 'date', description: 'start date on or before' }) @IsOptional() @IsDateOnly() to?: string;
  @ApiPropertyOptional({ description: 'inspired at least one live commitment (dashboard drill-down)' })
  @IsOptional()
  @QueryBoolean()
  ledToCommitment?: boolean;
  @ApiPropertyOptional({ format: 'uuid', description: 'worked with this partner' }) @IsOptional() @IsUUID() partnerId?: string;
}
