import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FollowUpEntity } from './follow-up.entity';
import { FollowUpsController } from './follow-ups.controller';
import { FollowUpsService } from './follow-ups.service';

@Module({
  imports: [TypeOrmModule.forFeature([FollowUpEntity])],
  controllers: [FollowUpsController],
  providers: [FollowUpsService],
  exports: [TypeOrmModule, FollowUpsService],
})
export class FollowUpsModule {}
