import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutcomeEntity } from './outcome.entity';
import { OutcomesController } from './outcomes.controller';
import { OutcomesService } from './outcomes.service';

@Module({
  imports: [TypeOrmModule.forFeature([OutcomeEntity])],
  controllers: [OutcomesController],
  providers: [OutcomesService],
  exports: [TypeOrmModule, OutcomesService],
})
export class OutcomesModule {}
