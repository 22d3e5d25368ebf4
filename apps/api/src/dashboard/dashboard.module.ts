import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { DashboardChartsRepository } from './dashboard-charts.repository';
import { DashboardController } from './dashboard.controller';
import { DashboardFiguresRepository } from './dashboard-figures.repository';
import { DashboardListsRepository } from './dashboard-lists.repository';
import { DashboardRefresher } from './dashboard-refresher';
import { DashboardRollupsRepository } from './dashboard-rollups.repository';
import { DashboardService } from './dashboard.service';

@Module({
  imports: [ScheduleModule.forRoot()],
  controllers: [DashboardController],
  providers: [
    DashboardService,
    DashboardFiguresRepository,
    DashboardChartsRepository,
    DashboardListsRepository,
    DashboardRollupsRepository,
    DashboardRefresher,
  ],
  exports: [DashboardService, DashboardRefresher],
})
export class DashboardModule {}
