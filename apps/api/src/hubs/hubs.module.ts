import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HubEntity } from './hub.entity';
import { HubsController } from './hubs.controller';
import { HubsService } from './hubs.service';

@Module({
  imports: [TypeOrmModule.forFeature([HubEntity])],
  controllers: [HubsController],
  providers: [HubsService],
  exports: [TypeOrmModule, HubsService],
})
export class HubsModule {}
