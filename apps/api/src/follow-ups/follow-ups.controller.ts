import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CSV_EXPORT_SUFFIX, ROUTES, type FollowUpListItem, type Page } from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { Can, CurrentUser } from '../auth/auth.decorators';
import { csvDownload, toCsv } from '../common/csv';
import { CreateFollowUpDto, FollowUpListQueryDto, UpdateFollowUpDto } from './dto/follow-up.dto';
import { FollowUpsService } from './follow-ups.service';
import { FOLLOW_UP_CSV_COLUMNS } from './follow-up.columns';
import { ApiCreated, ApiCsv, ApiNoContent, ApiOk, ApiOkCursorPage } from '../openapi/responses';

@ApiTags('follow-ups')
@Controller(ROUTES.followUps)
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Can('followUps', 'read')
  @Get()
  @ApiOkCursorPage('FollowUpListItem')
  list(@CurrentUser() user: AuthUser, @Query() query: FollowUpListQueryDto): Promise<Page<FollowUpListItem>> {
    return this.followUps.list(user, query);
  }

  @Can('followUps', 'read')
  @Get(CSV_EXPORT_SUFFIX)
  @ApiCsv()
  async export(
    @CurrentUser() user: AuthUser,
    @Query() query: FollowUpListQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const rows = await this.followUps.export(user, query);
    csvDownload(res, 'follow-ups');
    return toCsv(FOLLOW_UP_CSV_COLUMNS, rows);
  }

  @Can('followUps', 'read')
  @Get(':id')
  @ApiOk('FollowUpListItem')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<FollowUpListItem> {
    return this.followUps.get(user, id);
  }

  @Can('followUps', 'create')
  @Post()
  @ApiCreated('FollowUpListItem')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateFollowUpDto): Promise<FollowUpListItem> {
    return this.followUps.create(user, body);
  }

  @Can('followUps', 'update')
  @Patch(':id')
  @ApiOk('FollowUpListItem')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateFollowUpDto,
  ): Promise<FollowUpListItem> {
    return this.followUps.update(user, id, body);
  }

  @Can('followUps', 'archive')
  @Delete(':id')
  @ApiNoContent()
  async archive(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.followUps.archive(user, id);
  }
}
