import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HubEntity } from './hub.entity';
import { HubsController } from './hubs.controller';
import { HubsRepository } from './hubs.repository';
import { HubsService } from './hubs.service';

@Module({
  imports: [TypeOrmModule.forFeature([HubEntity])],
  controllers: [HubsController],
  providers: [HubsService, HubsRepository],
  exports: [TypeOrmModule, HubsService, HubsRepository],
})
export class HubsModule {}
