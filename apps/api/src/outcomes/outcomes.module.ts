import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutcomeEntity } from './outcome.entity';
import { OutcomesController } from './outcomes.controller';
import { OutcomesRepository } from './outcomes.repository';
import { OutcomesService } from './outcomes.service';

@Module({
  imports: [TypeOrmModule.forFeature([OutcomeEntity])],
  controllers: [OutcomesController],
  providers: [OutcomesService, OutcomesRepository],
  exports: [TypeOrmModule, OutcomesService, OutcomesRepository],
})
export class OutcomesModule {}
