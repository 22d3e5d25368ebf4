import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailOutboxEntity } from './mail-outbox.entity';
import { MailRepository } from './mail.repository';
import { MailService } from './mail.service';
import { OutboxController } from './outbox.controller';

/** Global: any domain may enqueue a mail in its transaction. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([MailOutboxEntity])],
  controllers: [OutboxController],
  providers: [MailRepository, MailService],
  exports: [MailService],
})
export class MailModule {}
