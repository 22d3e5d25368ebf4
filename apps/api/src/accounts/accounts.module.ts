import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsController } from './accounts.controller';
import { PasswordLinkEntity } from './password-link.entity';
import { PasswordLinkLimiter } from './password-link-limiter';
import { PasswordLinksRepository } from './password-links.repository';
import { PasswordLinksService } from './password-links.service';

/** Accounts by e-mail: invitations and password resets through set-password links. */
@Module({
  imports: [TypeOrmModule.forFeature([PasswordLinkEntity])],
  controllers: [AccountsController],
  providers: [PasswordLinksService, PasswordLinksRepository, PasswordLinkLimiter],
  exports: [PasswordLinksService],
})
export class AccountsModule {}
