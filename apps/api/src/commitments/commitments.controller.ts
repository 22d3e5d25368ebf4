import { Body, Controller, Delete, Get, Header, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CSV_EXPORT_SUFFIX, ROUTES, type CommitmentListItem, type HistoryEntry } from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { Can, CurrentUser } from '../auth/auth.decorators';
import { csvDownload, toCsv } from '../common/csv';
import { COMMITMENT_CSV_COLUMNS } from './commitment.columns';
import { ApiCreated, ApiCsv, ApiNoContent, ApiOk, ApiOkArray, ApiOkCursorPage } from '../openapi/responses';
import { CommitmentsService } from './commitments.service';
import { CommitmentListQueryDto, CommitmentTransitionDto, CreateCommitmentDto, UpdateCommitmentDto } from './dto/commitment.dto';

@ApiTags('commitments')
@Controller(ROUTES.commitments)
export class CommitmentsController {
  constructor(private readonly commitments: CommitmentsService) {}

  @Can('commitments', 'read')
  @Get()
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOkCursorPage('CommitmentListItem')
  list(@CurrentUser() user: AuthUser, @Query() query: CommitmentListQueryDto): Promise<string> {
    // A Page<CommitmentListItem> already written as JSON (its items mostly by the database): sent as it is.
    return this.commitments.listJson(user, query);
  }

  @Can('commitments', 'read')
  @Get(CSV_EXPORT_SUFFIX)
  @ApiCsv()
  async export(
    @CurrentUser() user: AuthUser,
    @Query() query: CommitmentListQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const rows = await this.commitments.export(user, query);
    csvDownload(res, 'commitments');
    return toCsv(COMMITMENT_CSV_COLUMNS, rows);
  }

  @Can('commitments', 'read')
  @Get(':id')
  @ApiOk('CommitmentListItem')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<CommitmentListItem> {
    return this.commitments.get(user, id);
  }

  @Can('commitments', 'read')
  @Get(':id/history')
  @ApiOkArray('HistoryEntry')
  history(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<HistoryEntry[]> {
    return this.commitments.history(user, id);
  }

  @Can('commitments', 'create')
  @Post()
  @ApiCreated('CommitmentListItem')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCommitmentDto): Promise<CommitmentListItem> {
    return this.commitments.create(user, body);
  }

  /** Answers 200 with the commitment after the step. */
  @Can('commitments', 'transition')
  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOk(
    'CommitmentListItem',
    'The commitment after the step (422 when the current status does not allow it, or achieving without an outcome)',
  )
  transition(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CommitmentTransitionDto,
  ): Promise<CommitmentListItem> {
    return this.commitments.transition(user, id, body);
  }

  @Can('commitments', 'update')
  @Patch(':id')
  @ApiOk('CommitmentListItem')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateCommitmentDto,
  ): Promise<CommitmentListItem> {
    return this.commitments.update(user, id, body);
  }

  @Can('commitments', 'archive')
  @Delete(':id')
  @ApiNoContent('Archived: it leaves the lists, its history stays')
  async archive(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.commitments.archive(user, id);
  }
}
