import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitmentStatusChangeEntity } from './commitment-status-change.entity';
import { CommitmentEntity } from './commitment.entity';

/** Routes and services arrive with their feature issues; the repositories are ready. */
@Module({
  imports: [
    TypeOrmModule.forFeature([CommitmentEntity, CommitmentStatusChangeEntity]),
  ],
  exports: [TypeOrmModule],
})
export class CommitmentsModule {}
