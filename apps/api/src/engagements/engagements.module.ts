import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EngagementEntity } from './engagement.entity';
import { EngagementsController } from './engagements.controller';
import { EngagementsService } from './engagements.service';

@Module({
  imports: [TypeOrmModule.forFeature([EngagementEntity])],
  controllers: [EngagementsController],
  providers: [EngagementsService],
  exports: [TypeOrmModule, EngagementsService],
})
export class EngagementsModule {}
