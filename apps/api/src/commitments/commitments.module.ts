import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitmentStatusChangeEntity } from './commitment-status-change.entity';
import { CommitmentEntity } from './commitment.entity';
import { CommitmentsController } from './commitments.controller';
import { CommitmentsService } from './commitments.service';

@Module({
  imports: [TypeOrmModule.forFeature([CommitmentEntity, CommitmentStatusChangeEntity])],
  controllers: [CommitmentsController],
  providers: [CommitmentsService],
  exports: [TypeOrmModule, CommitmentsService],
})
export class CommitmentsModule {}
