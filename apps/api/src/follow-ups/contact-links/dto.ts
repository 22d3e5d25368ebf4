import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { LANGUAGES, MAX_LENGTH, type ContactLinkAnswerRequest, type CreateContactLinkRequest, type Language } from '@impact/contracts';
import { IsDateOnly, Line, MaxChars, OptionalNotNull } from '../../common/dto';

export class CreateContactLinkDto implements CreateContactLinkRequest {
  @ApiProperty({ maxLength: MAX_LENGTH.user.name })
  @IsString()
  @MinLength(1, { message: 'Enter the contact’s name.' })
  @Line(MAX_LENGTH.user.name)
  name!: string;

  @ApiProperty({ maxLength: MAX_LENGTH.user.email })
  @IsEmail({}, { message: 'Enter a valid e-mail address.' })
  @MaxLength(MAX_LENGTH.user.email)
  email!: string;

  @ApiProperty({ enum: LANGUAGES, description: 'The language of the mail and of the page the contact opens' })
  @IsIn(LANGUAGES)
  language!: Language;
}

export class ContactLinkAnswerDto implements ContactLinkAnswerRequest {
  @ApiProperty({ description: 'true: the follow-up is done (it is closed); false: not yet' })
  @IsBoolean({ message: 'done must be true or false' })
  done!: boolean;

  @ApiPropertyOptional({ maxLength: MAX_LENGTH.followUp.note })
  @OptionalNotNull()
  @IsString()
  @MaxChars(MAX_LENGTH.followUp.note)
  note?: string;

  @ApiPropertyOptional({ type: String, format: 'date', description: 'A new date the contact proposes' })
  @OptionalNotNull()
  @IsDateOnly()
  proposedDueDate?: string;
}
