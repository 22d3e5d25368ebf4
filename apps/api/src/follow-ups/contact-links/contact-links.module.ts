import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../../notifications/notifications.module';
import { FollowUpsModule } from '../follow-ups.module';
import { ContactLinkLimiter } from './contact-link-limiter';
import { ContactLinkEntity } from './contact-link.entity';
import { ContactLinksController, PublicContactLinksController } from './contact-links.controller';
import { ContactLinksRepository } from './contact-links.repository';
import { ContactLinksService } from './contact-links.service';

@Module({
  imports: [TypeOrmModule.forFeature([ContactLinkEntity]), FollowUpsModule, NotificationsModule],
  controllers: [ContactLinksController, PublicContactLinksController],
  providers: [ContactLinksRepository, ContactLinksService, ContactLinkLimiter],
})
export class ContactLinksModule {}
