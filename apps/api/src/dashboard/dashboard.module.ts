import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { DashboardController } from './dashboard.controller';
import { DashboardRefresher } from './dashboard-refresher';
import { DashboardService } from './dashboard.service';

@Module({
  imports: [ScheduleModule.forRoot()],
  controllers: [DashboardController],
  providers: [DashboardService, DashboardRefresher],
  exports: [DashboardService, DashboardRefresher],
})
export class DashboardModule {}
