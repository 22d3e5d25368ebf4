import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EngagementEntity } from './engagement.entity';

/** Routes and services arrive with their feature issues; the repositories are ready. */
@Module({
  imports: [TypeOrmModule.forFeature([EngagementEntity])],
  exports: [TypeOrmModule],
})
export class EngagementsModule {}
