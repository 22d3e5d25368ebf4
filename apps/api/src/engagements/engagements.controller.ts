import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  CSV_EXPORT_SUFFIX,
  ROUTES,
  type EngagementListItem,
  type EngagementRelated,
  type HistoryEntry,
  type Page,
} from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { Can, CurrentUser } from '../auth/auth.decorators';
import { csvDownload, toCsv, type CsvColumn } from '../common/csv';
import { CreateEngagementDto, EngagementListQueryDto, UpdateEngagementDto } from './dto/engagement.dto';
import { EngagementsService } from './engagements.service';
import { ApiCreated, ApiCsv, ApiNoContent, ApiOk, ApiOkArray, ApiOkPage } from '../openapi/responses';

const CSV: CsvColumn<EngagementListItem>[] = [
  { header: 'id', value: (e) => e.id },
  { header: 'title', value: (e) => e.title },
  { header: 'type', value: (e) => e.type },
  { header: 'hub', value: (e) => e.hubName },
  { header: 'startDate', value: (e) => e.startDate },
  { header: 'endDate', value: (e) => e.endDate },
  { header: 'online', value: (e) => e.online },
  { header: 'location', value: (e) => e.locationCityName },
  { header: 'host', value: (e) => e.hostCityName },
  { header: 'participatingCities', value: (e) => e.participatingCities.map((c) => c.name) },
  { header: 'partners', value: (e) => e.partners.map((p) => p.name) },
  { header: 'participantsTotal', value: (e) => e.participants.total },
  { header: 'mayors', value: (e) => e.participants.mayors },
  { header: 'officials', value: (e) => e.participants.officials },
  { header: 'youth', value: (e) => e.participants.youth },
  { header: 'women', value: (e) => e.participants.women },
  { header: 'communityLeaders', value: (e) => e.participants.communityLeaders },
  { header: 'summary', value: (e) => e.summary },
  { header: 'evidenceLinks', value: (e) => e.evidenceLinks },
];

@ApiTags('engagements')
@Controller(ROUTES.engagements)
export class EngagementsController {
  constructor(private readonly engagements: EngagementsService) {}

  @Can('engagements', 'read')
  @Get()
  @ApiOkPage('EngagementListItem')
  list(@CurrentUser() user: AuthUser, @Query() query: EngagementListQueryDto): Promise<Page<EngagementListItem>> {
    return this.engagements.list(user, query);
  }

  @Can('engagements', 'read')
  @Get(CSV_EXPORT_SUFFIX)
  @ApiCsv()
  async export(
    @CurrentUser() user: AuthUser,
    @Query() query: EngagementListQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const rows = await this.engagements.export(user, query);
    csvDownload(res, 'engagements');
    return toCsv(CSV, rows);
  }

  @Can('engagements', 'read')
  @Get(':id')
  @ApiOk('EngagementListItem')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<EngagementListItem> {
    return this.engagements.get(user, id);
  }

  /** What came of it: the commitments it inspired, its follow-ups and the stories citing it, as far as the caller reads them. */
  @Can('engagements', 'read')
  @Get(':id/related')
  @ApiOk('EngagementRelated')
  related(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<EngagementRelated> {
    return this.engagements.related(user, id);
  }

  @Can('engagements', 'read')
  @Get(':id/history')
  @ApiOkArray('HistoryEntry')
  history(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<HistoryEntry[]> {
    return this.engagements.history(user, id);
  }

  @Can('engagements', 'create')
  @Post()
  @ApiCreated('EngagementListItem')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateEngagementDto): Promise<EngagementListItem> {
    return this.engagements.create(user, body);
  }

  @Can('engagements', 'update')
  @Patch(':id')
  @ApiOk('EngagementListItem')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateEngagementDto,
  ): Promise<EngagementListItem> {
    return this.engagements.update(user, id, body);
  }

  @Can('engagements', 'archive')
  @Delete(':id')
  @ApiNoContent()
  async archive(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.engagements.archive(user, id);
  }
}
