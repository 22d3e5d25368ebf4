import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationMailer } from './notification-mailer';
import { NotificationSettingsEntity } from './notification-settings.entity';
import { NotificationEntity } from './notification.entity';
import { NotificationSettingsController, NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity, NotificationSettingsEntity])],
  controllers: [NotificationsController, NotificationSettingsController],
  providers: [NotificationsRepository, NotificationsService, NotificationMailer],
  exports: [NotificationMailer, NotificationsRepository],
})
export class NotificationsModule {}
