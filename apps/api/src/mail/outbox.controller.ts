import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ROUTES, type OutboxItem, type Page } from '@impact/contracts';
import { Can } from '../auth/auth.decorators';
import { ApiOkPage } from '../openapi/responses';
import { OutboxListQueryDto } from './dto';
import { MailService } from './mail.service';

@ApiTags('mail')
@Controller(ROUTES.outbox)
export class OutboxController {
  constructor(private readonly mail: MailService) {}

  /** Every mail the app wrote, newest first: queued ones too (without SMTP_URL nothing leaves). */
  @Can('outbox', 'read')
  @Get()
  @ApiOkPage('OutboxItem')
  list(@Query() query: OutboxListQueryDto): Promise<Page<OutboxItem>> {
    return this.mail.list(query);
  }
}
