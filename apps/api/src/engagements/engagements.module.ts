import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitmentsModule } from '../commitments/commitments.module';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { StoriesModule } from '../stories/stories.module';
import { EngagementEntity } from './engagement.entity';
import { EngagementsController } from './engagements.controller';
import { EngagementsRepository } from './engagements.repository';
import { EngagementsService } from './engagements.service';

@Module({
  imports: [TypeOrmModule.forFeature([EngagementEntity]), CommitmentsModule, FollowUpsModule, StoriesModule],
  controllers: [EngagementsController],
  providers: [EngagementsService, EngagementsRepository],
  exports: [TypeOrmModule, EngagementsService, EngagementsRepository],
})
export class EngagementsModule {}
