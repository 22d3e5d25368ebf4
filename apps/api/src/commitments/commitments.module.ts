import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitmentStatusChangeEntity } from './commitment-status-change.entity';
import { CommitmentEntity } from './commitment.entity';
import { CommitmentsController } from './commitments.controller';
import { CommitmentsRepository } from './commitments.repository';
import { CommitmentsService } from './commitments.service';

@Module({
  imports: [TypeOrmModule.forFeature([CommitmentEntity, CommitmentStatusChangeEntity])],
  controllers: [CommitmentsController],
  providers: [CommitmentsService, CommitmentsRepository],
  exports: [CommitmentsService, CommitmentsRepository],
})
export class CommitmentsModule {}
