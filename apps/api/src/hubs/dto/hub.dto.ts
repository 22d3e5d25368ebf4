import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { BOUNDS, MAX_LENGTH, type CreateHubRequest, type HubNames, type UpdateHubRequest } from '@impact/contracts';
import { Line, NestedObject, OptionalNotNull } from '../../common/dto';

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** One optional name per language; another key is refused (the validation pipe forbids unknown fields). */
export class HubNamesDto implements HubNames {
  @ApiPropertyOptional({ maxLength: MAX_LENGTH.hub.name }) @IsOptional() @IsString() @Line(MAX_LENGTH.hub.name) en?: string;
  @ApiPropertyOptional({ maxLength: MAX_LENGTH.hub.name }) @IsOptional() @IsString() @Line(MAX_LENGTH.hub.name) fr?: string;
  @ApiPropertyOptional({ maxLength: MAX_LENGTH.hub.name }) @IsOptional() @IsString() @Line(MAX_LENGTH.hub.name) ar?: string;
  @ApiPropertyOptional({ maxLength: MAX_LENGTH.hub.name }) @IsOptional() @IsString() @Line(MAX_LENGTH.hub.name) es?: string;
}

export class CreateHubDto implements CreateHubRequest {
  @ApiProperty({ example: 'esa', description: 'lower-case letters, digits and dashes' })
  @IsString()
  @MaxLength(MAX_LENGTH.hub.code)
  @Matches(CODE, { message: 'code must be lower-case letters, digits and dashes' })
  code!: string;

  @ApiProperty({ maxLength: MAX_LENGTH.hub.name }) @IsString() @MinLength(1) @Line(MAX_LENGTH.hub.name) name!: string;

  @ApiPropertyOptional({ type: HubNamesDto, description: 'the name by language (en, fr, ar, es)' })
  @OptionalNotNull()
  @NestedObject(() => HubNamesDto)
  names?: HubNamesDto;
}

export class UpdateHubDto implements UpdateHubRequest {
  @ApiProperty() @IsInt() @Min(BOUNDS.version.min) @Max(BOUNDS.version.max) version!: number;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @MaxLength(MAX_LENGTH.hub.code)
  @Matches(CODE, { message: 'code must be lower-case letters, digits and dashes' })
  code?: string;

  @ApiPropertyOptional() @OptionalNotNull() @IsString() @MinLength(1) @Line(MAX_LENGTH.hub.name) name?: string;

  @ApiPropertyOptional({ type: HubNamesDto, description: 'replaces the stored translations' })
  @OptionalNotNull()
  @NestedObject(() => HubNamesDto)
  names?: HubNamesDto;
}
