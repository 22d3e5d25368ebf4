import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO31661Alpha2, IsNumber, IsOptional, IsString, IsUUID, Max, Min, MinLength } from 'class-validator';
import {
  BOUNDS,
  CITY_KINDS,
  MAX_LENGTH,
  MEMBERSHIP_STATUSES,
  type CityFilters,
  type CityKind,
  type CreateCityRequest,
  type MembershipStatus,
  type UpdateCityRequest,
} from '@impact/contracts';
import { IsDateOnly, Line, OptionalNotNull, QueryBoolean } from '../../common/dto';
import { ListQueryDto } from '../../common/list';

const LAT = BOUNDS.city.latitude;
const LNG = BOUNDS.city.longitude;

const upper = () => Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value));

/** A city's details beyond its name, country, hub, kind and membership: the same, all optional, in create and update. */
class CityDetailsDto {
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @IsDateOnly() memberSince?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: MAX_LENGTH.city.leadOfficial })
  @IsOptional()
  @IsString()
  @Line(MAX_LENGTH.city.leadOfficial)
  leadOfficial?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: LAT.min, maximum: LAT.max })
  @IsOptional()
  @IsNumber()
  @Min(LAT.min)
  @Max(LAT.max)
  latitude?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: LNG.min, maximum: LNG.max })
  @IsOptional()
  @IsNumber()
  @Min(LNG.min)
  @Max(LNG.max)
  longitude?: number | null;
}

export class CreateCityDto extends CityDetailsDto implements CreateCityRequest {
  @ApiProperty({ maxLength: MAX_LENGTH.city.name }) @IsString() @MinLength(1) @Line(MAX_LENGTH.city.name) name!: string;
  @ApiProperty({ example: 'UG', description: 'ISO 3166-1 alpha-2' }) @upper() @IsISO31661Alpha2() countryCode!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() hubId!: string;
  @ApiProperty({ enum: CITY_KINDS }) @IsIn(CITY_KINDS) kind!: CityKind;
  @ApiProperty({ enum: MEMBERSHIP_STATUSES }) @IsIn(MEMBERSHIP_STATUSES) membershipStatus!: MembershipStatus;
}

export class UpdateCityDto extends CityDetailsDto implements UpdateCityRequest {
  @ApiProperty() @IsInt() @Min(BOUNDS.version.min) @Max(BOUNDS.version.max) version!: number;
  @ApiPropertyOptional({ maxLength: MAX_LENGTH.city.name })
  @OptionalNotNull()
  @IsString()
  @MinLength(1)
  @Line(MAX_LENGTH.city.name)
  name?: string;
  @ApiPropertyOptional({ example: 'UG' }) @OptionalNotNull() @upper() @IsISO31661Alpha2() countryCode?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @OptionalNotNull() @IsUUID() hubId?: string;
  @ApiPropertyOptional({ enum: CITY_KINDS }) @OptionalNotNull() @IsIn(CITY_KINDS) kind?: CityKind;
  @ApiPropertyOptional({ enum: MEMBERSHIP_STATUSES }) @OptionalNotNull() @IsIn(MEMBERSHIP_STATUSES) membershipStatus?: MembershipStatus;
}

export class CityListQueryDto extends ListQueryDto implements CityFilters {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() hubId?: string;
  @ApiPropertyOptional({ example: 'UG' }) @IsOptional() @upper() @IsISO31661Alpha2() countryCode?: string;
  @ApiPropertyOptional({ enum: MEMBERSHIP_STATUSES }) @IsOptional() @IsIn(MEMBERSHIP_STATUSES) membershipStatus?: MembershipStatus;
  @ApiPropertyOptional({ description: 'had an engagement or a commitment status change in [activeFrom, activeTo] (dashboard drill-down)' })
  @IsOptional()
  @QueryBoolean()
  active?: boolean;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsDateOnly() activeFrom?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsDateOnly() activeTo?: string;
}
