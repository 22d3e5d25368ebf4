import { ApiPropertyOptional } from '@nestjs/swagger';
import type { RunRemindersRequest } from '@impact/contracts';
import { IsDateOnly, OptionalNotNull } from '../common/dto';

export class RunRemindersDto implements RunRemindersRequest {
  @ApiPropertyOptional({ format: 'date', description: 'the day to run the rules for (UTC); today when absent' })
  @OptionalNotNull()
  @IsDateOnly()
  asOf?: string;
}
