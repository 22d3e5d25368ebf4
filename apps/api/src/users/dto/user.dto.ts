import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import {
  BOUNDS,
  LANGUAGES,
  MAX_ITEMS,
  MAX_LENGTH,
  MIN_LENGTH,
  ROLES,
  type CreateUserRequest,
  type DeactivateUserRequest,
  type Language,
  type Role,
  type UpdateUserRequest,
} from '@impact/contracts';
import { IsNotCommonPassword } from '../../auth/common-passwords';
import { Line, OptionalNotNull, Uuids } from '../../common/dto';
import type { UserFilters } from '../users.repository';

/** A new password: long enough, not too long, not a common one; may be left out. */
const NewPassword = (): PropertyDecorator =>
  applyDecorators(
    OptionalNotNull(),
    IsString(),
    MinLength(MIN_LENGTH.user.password, { message: `Use at least ${MIN_LENGTH.user.password} characters.` }),
    MaxLength(MAX_LENGTH.user.password),
    IsNotCommonPassword(),
  );

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty() @IsEmail({}, { message: 'Enter a valid e-mail address.' }) @MaxLength(MAX_LENGTH.user.email) email!: string;
  @ApiProperty() @IsString() @MinLength(1, { message: 'Enter a name.' }) @Line(MAX_LENGTH.user.name) name!: string;
  @ApiPropertyOptional({
    minLength: MIN_LENGTH.user.password,
    description: 'Left out, the user is invited: a set-password link valid for 72 hours is mailed, in their language',
  })
  @NewPassword()
  password?: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role!: Role;
  @Uuids(MAX_ITEMS.user.hubIds, { required: true }) hubIds!: string[];
  @Uuids(MAX_ITEMS.user.cityIds, { required: true }) cityIds!: string[];
  @ApiPropertyOptional({ enum: LANGUAGES }) @OptionalNotNull() @IsIn(LANGUAGES) language?: Language;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(BOUNDS.version.min) @Max(BOUNDS.version.max) version!: number;
  @ApiPropertyOptional() @OptionalNotNull() @IsString() @MinLength(1) @Line(MAX_LENGTH.user.name) name?: string;
  @ApiPropertyOptional({ enum: ROLES }) @OptionalNotNull() @IsIn(ROLES) role?: Role;
  @OptionalNotNull() @Uuids(MAX_ITEMS.user.hubIds) hubIds?: string[];
  @OptionalNotNull() @Uuids(MAX_ITEMS.user.cityIds) cityIds?: string[];
  @ApiPropertyOptional() @OptionalNotNull() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ enum: LANGUAGES }) @OptionalNotNull() @IsIn(LANGUAGES) language?: Language;
  @ApiPropertyOptional({ minLength: MIN_LENGTH.user.password })
  @NewPassword()
  password?: string;
}

export class ListUsersDto implements UserFilters {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(BOUNDS.page.min) @Max(BOUNDS.page.max) page?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(BOUNDS.pageSize.min) @Max(BOUNDS.pageSize.max) pageSize?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(MAX_LENGTH.search) q?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
}

export class LookupUsersDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(MAX_LENGTH.search) q?: string;
}

export class DeactivateUserDto implements DeactivateUserRequest {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'an active user who may own every open follow-up and commitment of the deactivated user; they take them over',
  })
  @IsOptional()
  @IsUUID()
  reassignToId?: string | null;
}
