import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO31661Alpha2, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import {
  BOUNDS,
  MAX_LENGTH,
  PARTNER_KINDS,
  type CreatePartnerRequest,
  type PartnerFilters,
  type PartnerKind,
  type UpdatePartnerRequest,
} from '@impact/contracts';
import { Line, OptionalNotNull } from '../../common/dto';
import { ListQueryDto } from '../../common/list';

const upper = () => Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value));

export class CreatePartnerDto implements CreatePartnerRequest {
  @ApiProperty({ maxLength: MAX_LENGTH.partner.name }) @IsString() @MinLength(1) @Line(MAX_LENGTH.partner.name) name!: string;
  @ApiProperty({ enum: PARTNER_KINDS }) @IsIn(PARTNER_KINDS) kind!: PartnerKind;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'ZA' }) @IsOptional() @upper() @IsISO31661Alpha2() countryCode?:
    | string
    | null;
}

export class UpdatePartnerDto implements UpdatePartnerRequest {
  @ApiProperty() @IsInt() @Min(BOUNDS.version.min) @Max(BOUNDS.version.max) version!: number;
  @ApiPropertyOptional({ maxLength: MAX_LENGTH.partner.name })
  @OptionalNotNull()
  @IsString()
  @MinLength(1)
  @Line(MAX_LENGTH.partner.name)
  name?: string;
  @ApiPropertyOptional({ enum: PARTNER_KINDS }) @OptionalNotNull() @IsIn(PARTNER_KINDS) kind?: PartnerKind;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @upper() @IsISO31661Alpha2() countryCode?: string | null;
}

export class PartnerListQueryDto extends ListQueryDto implements PartnerFilters {
  @ApiPropertyOptional({ enum: PARTNER_KINDS }) @IsOptional() @IsIn(PARTNER_KINDS) kind?: PartnerKind;
}
