import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { LANGUAGES, MAX_LENGTH, type Language, type LoginRequest, type RefreshRequest } from '@impact/contracts';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'leadership@impact.test' })
  @IsEmail({}, { message: 'Enter a valid e-mail address.' })
  @MaxLength(MAX_LENGTH.login.email)
  email!: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @MinLength(1, { message: 'Enter your password.' })
  @MaxLength(MAX_LENGTH.login.password)
  password!: string;
}

export class RefreshDto implements RefreshRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_LENGTH.login.refreshToken)
  refreshToken!: string;
}

export class LogoutDto {
  @ApiProperty({
    required: false,
    description: 'A refresh token whose session ends too; the session of the access token sent always ends.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.login.refreshToken)
  refreshToken?: string;
}

/** What a user may change about itself. */
export class UpdateMeDto {
  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES)
  language!: Language;
}
