import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import {
  LANGUAGES,
  MAX_LENGTH,
  MIN_LENGTH,
  type InviteUserRequest,
  type Language,
  type PasswordResetRequest,
  type SetPasswordRequest,
} from '@impact/contracts';
import { IsNotCommonPassword } from '../auth/common-passwords';
import { OptionalNotNull } from '../common/dto';

export class InviteUserDto implements InviteUserRequest {
  @ApiPropertyOptional({ enum: LANGUAGES, description: "The mail's language; the user's own when left out" })
  @OptionalNotNull()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class PasswordResetDto implements PasswordResetRequest {
  @ApiProperty({ example: 'someone@impact.test' })
  @IsEmail({}, { message: 'Enter a valid e-mail address.' })
  @MaxLength(MAX_LENGTH.user.email)
  email!: string;
}

export class SetPasswordDto implements SetPasswordRequest {
  @ApiProperty({ description: 'The token of the mailed link' })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_LENGTH.login.refreshToken)
  token!: string;

  @ApiProperty({ minLength: MIN_LENGTH.user.password })
  @IsString()
  @MinLength(MIN_LENGTH.user.password, { message: `Use at least ${MIN_LENGTH.user.password} characters.` })
  @MaxLength(MAX_LENGTH.user.password)
  @IsNotCommonPassword()
  password!: string;
}
