import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitmentsModule } from '../commitments/commitments.module';
import { EngagementsModule } from '../engagements/engagements.module';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { CitiesController } from './cities.controller';
import { CitiesRepository } from './cities.repository';
import { CitiesService } from './cities.service';
import { CityEntity } from './city.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CityEntity]), CommitmentsModule, OutcomesModule, EngagementsModule, FollowUpsModule],
  controllers: [CitiesController],
  providers: [CitiesService, CitiesRepository],
  exports: [TypeOrmModule, CitiesService, CitiesRepository],
})
export class CitiesModule {}
