import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CityEntity } from './city.entity';

/** Routes and services arrive with their feature issues; the repositories are ready. */
@Module({
  imports: [TypeOrmModule.forFeature([CityEntity])],
  exports: [TypeOrmModule],
})
export class CitiesModule {}
