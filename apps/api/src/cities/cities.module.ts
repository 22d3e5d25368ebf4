import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitmentsModule } from '../commitments/commitments.module';
import { EngagementsModule } from '../engagements/engagements.module';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { CitiesController } from './cities.controller';
import { CitiesService } from './cities.service';
import { CityEntity } from './city.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CityEntity]), CommitmentsModule, EngagementsModule, FollowUpsModule],
  controllers: [CitiesController],
  providers: [CitiesService],
  exports: [TypeOrmModule, CitiesService],
})
export class CitiesModule {}
