import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ROUTES,
  type Language,
  type MarkNotificationsReadResult,
  type NotificationPage,
  type NotificationSettings,
} from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { Can, CurrentUser } from '../auth/auth.decorators';
import { RequestLanguage } from '../common/http/request-language';
import { ApiOk } from '../openapi/responses';
import { MarkNotificationsReadDto, NotificationListQueryDto, NotificationSettingsDto } from './dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller(ROUTES.notifications)
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The caller's notifications, newest first, with the count of unread ones, worded in the `Accept-Language` asked for. */
  @Can('notifications', 'read')
  @Get()
  @ApiOk('NotificationPage')
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: NotificationListQueryDto,
    @RequestLanguage() language: Language | null,
  ): Promise<NotificationPage> {
    return this.notifications.list(user, query, language);
  }

  /** Marks some (`ids`) or all (`all: true`) of the caller's notifications read; another user's ids change nothing. */
  @Can('notifications', 'update')
  @Post('read')
  @HttpCode(200)
  @ApiOk('MarkNotificationsReadResult')
  markRead(@CurrentUser() user: AuthUser, @Body() body: MarkNotificationsReadDto): Promise<MarkNotificationsReadResult> {
    return this.notifications.markRead(user, body);
  }
}

@ApiTags('notifications')
@Controller(ROUTES.notificationSettings)
export class NotificationSettingsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Can('notifications', 'read')
  @Get()
  @ApiOk('NotificationSettings', "The caller's settings (e-mail: daily unless changed)")
  get(@CurrentUser() user: AuthUser): Promise<NotificationSettings> {
    return this.notifications.settings(user);
  }

  @Can('notifications', 'update')
  @Patch()
  @ApiOk('NotificationSettings')
  update(@CurrentUser() user: AuthUser, @Body() body: NotificationSettingsDto): Promise<NotificationSettings> {
    return this.notifications.updateSettings(user, body);
  }
}
