import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FollowUpEntity } from './follow-up.entity';

/** Routes and services arrive with their feature issues; the repositories are ready. */
@Module({
  imports: [TypeOrmModule.forFeature([FollowUpEntity])],
  exports: [TypeOrmModule],
})
export class FollowUpsModule {}
