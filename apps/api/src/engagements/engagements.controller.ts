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
import { csvDownload, toCsv } from '../common/csv';
import { ENGAGEMENT_CSV_COLUMNS } from './engagement.columns';
import { CreateEngagementDto, EngagementListQueryDto, UpdateEngagementDto } from './dto/engagement.dto';
import { EngagementsService } from './engagements.service';
import { ApiCreated, ApiCsv, ApiNoContent, ApiOk, ApiOkArray, ApiOkCursorPage } from '../openapi/responses';

@ApiTags('engagements')
@Controller(ROUTES.engagements)
export class EngagementsController {
  constructor(private readonly engagements: EngagementsService) {}

  @Can('engagements', 'read')
  @Get()
  @ApiOkCursorPage('EngagementListItem')
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
    return toCsv(ENGAGEMENT_CSV_COLUMNS, rows);
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
