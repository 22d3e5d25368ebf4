import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CSV_EXPORT_SUFFIX, ROUTES, type OutcomeListItem, type Page } from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { Can, CurrentUser } from '../auth/auth.decorators';
import { csvDownload, toCsv } from '../common/csv';
import { CreateOutcomeDto, OutcomeListQueryDto, UpdateOutcomeDto } from './dto/outcome.dto';
import { OutcomesService } from './outcomes.service';
import { OUTCOME_CSV_COLUMNS } from './outcome.columns';
import { ApiCreated, ApiCsv, ApiNoContent, ApiOk, ApiOkPage } from '../openapi/responses';

@ApiTags('outcomes')
@Controller(ROUTES.outcomes)
export class OutcomesController {
  constructor(private readonly outcomes: OutcomesService) {}

  @Can('outcomes', 'read')
  @Get()
  @ApiOkPage('OutcomeListItem')
  list(@CurrentUser() user: AuthUser, @Query() query: OutcomeListQueryDto): Promise<Page<OutcomeListItem>> {
    return this.outcomes.list(user, query);
  }

  @Can('outcomes', 'read')
  @Get(CSV_EXPORT_SUFFIX)
  @ApiCsv()
  async export(
    @CurrentUser() user: AuthUser,
    @Query() query: OutcomeListQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const rows = await this.outcomes.export(user, query);
    csvDownload(res, 'outcomes');
    return toCsv(OUTCOME_CSV_COLUMNS, rows);
  }

  @Can('outcomes', 'read')
  @Get(':id')
  @ApiOk('OutcomeListItem')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<OutcomeListItem> {
    return this.outcomes.get(user, id);
  }

  @Can('outcomes', 'create')
  @Post()
  @ApiCreated('OutcomeListItem')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateOutcomeDto): Promise<OutcomeListItem> {
    return this.outcomes.create(user, body);
  }

  @Can('outcomes', 'update')
  @Patch(':id')
  @ApiOk('OutcomeListItem')
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateOutcomeDto): Promise<OutcomeListItem> {
    return this.outcomes.update(user, id, body);
  }

  @Can('outcomes', 'archive')
  @Delete(':id')
  @ApiNoContent()
  async archive(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.outcomes.archive(user, id);
  }
}
