import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HubEntity } from './hub.entity';

/** Routes and services arrive with their feature issues; the repositories are ready. */
@Module({
  imports: [TypeOrmModule.forFeature([HubEntity])],
  exports: [TypeOrmModule],
})
export class HubsModule {}
