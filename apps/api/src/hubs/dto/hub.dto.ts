import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { CreateHubRequest, UpdateHubRequest } from '@impact/contracts';
import { Line, OptionalNotNull } from '../../common/dto';

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export class CreateHubDto implements CreateHubRequest {
  @ApiProperty({ example: 'esa', description: 'lower-case letters, digits and dashes' })
  @IsString()
  @MaxLength(32)
  @Matches(CODE, { message: 'code must be lower-case letters, digits and dashes' })
  code!: string;

  @ApiProperty({ maxLength: 200 }) @IsString() @MinLength(1) @Line(200) name!: string;
}

export class UpdateHubDto implements UpdateHubRequest {
  @ApiProperty() @IsInt() @Min(1) @Max(2_147_483_647) version!: number;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @MaxLength(32)
  @Matches(CODE, { message: 'code must be lower-case letters, digits and dashes' })
  code?: string;

  @ApiPropertyOptional() @OptionalNotNull() @IsString() @MinLength(1) @Line(200) name?: string;
}
