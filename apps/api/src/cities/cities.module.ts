import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitmentsModule } from '../commitments/commitments.module';
import { CitiesController } from './cities.controller';
import { CitiesService } from './cities.service';
import { CityEntity } from './city.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CityEntity]), CommitmentsModule],
  controllers: [CitiesController],
  providers: [CitiesService],
  exports: [TypeOrmModule, CitiesService],
})
export class CitiesModule {}
