import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EngagementEntity } from './engagement.entity';
import { EngagementsController } from './engagements.controller';
import { EngagementsRepository } from './engagements.repository';
import { EngagementsService } from './engagements.service';

@Module({
  imports: [TypeOrmModule.forFeature([EngagementEntity])],
  controllers: [EngagementsController],
  providers: [EngagementsService, EngagementsRepository],
  exports: [TypeOrmModule, EngagementsService, EngagementsRepository],
})
export class EngagementsModule {}
