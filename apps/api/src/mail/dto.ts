import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { MAIL_STATUSES, type MailStatus, type OutboxListQuery } from '@impact/contracts';
import { PageQueryDto } from '../common/list';

export class OutboxListQueryDto extends PageQueryDto implements OutboxListQuery {
  @ApiPropertyOptional({ enum: MAIL_STATUSES }) @IsOptional() @IsIn(MAIL_STATUSES) status?: MailStatus;
}
