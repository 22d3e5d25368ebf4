import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  LANGUAGES,
  MAX_PAGE_SIZE,
  PASSWORD_MIN_LENGTH,
  ROLES,
  type CreateUserRequest,
  type Language,
  type Role,
  type UpdateUserRequest,
} from '@impact/contracts';
import { IsNotCommonPassword } from '../../auth/common-passwords';
import { Line } from '../../common/dto';

const PASSWORD_MESSAGE = `Use at least ${PASSWORD_MIN_LENGTH} characters.`;

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty() @IsEmail({}, { message: 'Enter a valid e-mail address.' }) @MaxLength(254) email!: string;
  @ApiProperty() @IsString() @MinLength(1, { message: 'Enter a name.' }) @Line(200) name!: string;
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: PASSWORD_MESSAGE })
  @MaxLength(256)
  @IsNotCommonPassword()
  password!: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role!: Role;
  @ApiProperty({ type: [String] }) @IsArray() @IsUUID('all', { each: true }) @ArrayMaxSize(50) hubIds!: string[];
  @ApiProperty({ type: [String] }) @IsArray() @IsUUID('all', { each: true }) @ArrayMaxSize(500) cityIds!: string[];
  @ApiPropertyOptional({ enum: LANGUAGES }) @IsOptional() @IsIn(LANGUAGES) language?: Language;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) @Max(2_147_483_647) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @Line(200) name?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @IsUUID('all', { each: true }) @ArrayMaxSize(50) hubIds?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @IsUUID('all', { each: true }) @ArrayMaxSize(500) cityIds?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ enum: LANGUAGES }) @IsOptional() @IsIn(LANGUAGES) language?: Language;
  @ApiPropertyOptional({ minLength: PASSWORD_MIN_LENGTH })
  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: PASSWORD_MESSAGE })
  @MaxLength(256)
  @IsNotCommonPassword()
  password?: string;
}

export class ListUsersDto {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE) pageSize?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
}

export class LookupUsersDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) q?: string;
}
