import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DashboardAtRisk, DashboardGraph, DashboardMap, DashboardStories, DashboardSummary, DashboardTrends } from '@impact/contracts';
import { Can, CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { DashboardQueryDto } from './dashboard.dto';
import { DashboardService } from './dashboard.service';
import { ApiOk } from '../openapi/responses';

/** The leadership dashboard; a city liaison's figures cover its cities only. */
@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('summary')
  @Can('dashboard', 'read')
  @ApiOk('DashboardSummary', 'KPIs in total and per hub (see libs/contracts kpis.ts), and when the rollups were rebuilt')
  summary(@CurrentUser() user: AuthUser, @Query() query: DashboardQueryDto): Promise<DashboardSummary> {
    return this.dashboard.summary(user, query);
  }

  @Get('trends')
  @Can('dashboard', 'read')
  @ApiOk('DashboardTrends', 'Engagements, new commitments and achievements per month')
  trends(@CurrentUser() user: AuthUser, @Query() query: DashboardQueryDto): Promise<DashboardTrends> {
    return this.dashboard.trends(user, query);
  }

  @Get('map')
  @Can('dashboard', 'read')
  @ApiOk('DashboardMap', 'Cities with coordinates, engagements in the range and the furthest commitment status')
  map(@CurrentUser() user: AuthUser, @Query() query: DashboardQueryDto): Promise<DashboardMap> {
    return this.dashboard.map(user, query);
  }

  @Get('graph')
  @Can('dashboard', 'read')
  @ApiOk('DashboardGraph', 'Peer learning: host city → city whose commitment the engagement inspired')
  graph(@CurrentUser() user: AuthUser, @Query() query: DashboardQueryDto): Promise<DashboardGraph> {
    return this.dashboard.graph(user, query);
  }

  @Get('at-risk')
  @Can('dashboard', 'read')
  @ApiOk('DashboardAtRisk', 'Stalled or overdue commitments and the oldest overdue follow-ups, with owners')
  atRisk(@CurrentUser() user: AuthUser, @Query() query: DashboardQueryDto): Promise<DashboardAtRisk> {
    return this.dashboard.atRisk(user, query);
  }

  @Get('stories')
  @Can('dashboard', 'read')
  @ApiOk(
    'DashboardStories',
    'Stories by category and status, and achieved commitments no story tells yet (newest first, 50 at most); the date range does not apply',
  )
  stories(@CurrentUser() user: AuthUser, @Query() query: DashboardQueryDto): Promise<DashboardStories> {
    return this.dashboard.stories(user, query);
  }
}
