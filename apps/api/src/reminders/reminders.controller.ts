import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ROUTES, type ReminderRunResult } from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { Can, CurrentUser } from '../auth/auth.decorators';
import { ApiOk } from '../openapi/responses';
import { RunRemindersDto } from './dto';
import { RemindersService } from './reminders.service';

@ApiTags('reminders')
@Controller(ROUTES.reminders)
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  /** Runs the daily rules for a day now, as the schedule does; a day run twice notifies nobody twice. */
  @Can('reminders', 'create')
  @Post('run')
  @HttpCode(200)
  @ApiOk('ReminderRunResult', 'New notifications per rule, and mails queued')
  run(@CurrentUser() user: AuthUser, @Body() body: RunRemindersDto): Promise<ReminderRunResult> {
    return this.reminders.run(user, body.asOf);
  }
}
