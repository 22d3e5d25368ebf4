import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { BOUNDS, MAX_LENGTH, type CreateHubRequest, type UpdateHubRequest } from '@impact/contracts';
import { Line, OptionalNotNull } from '../../common/dto';

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export class CreateHubDto implements CreateHubRequest {
  @ApiProperty({ example: 'esa', description: 'lower-case letters, digits and dashes' })
  @IsString()
  @MaxLength(MAX_LENGTH.hub.code)
  @Matches(CODE, { message: 'code must be lower-case letters, digits and dashes' })
  code!: string;

  @ApiProperty({ maxLength: MAX_LENGTH.hub.name }) @IsString() @MinLength(1) @Line(MAX_LENGTH.hub.name) name!: string;
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
}
