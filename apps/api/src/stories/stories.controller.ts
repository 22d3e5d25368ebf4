import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  PipeTransform,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ROUTES,
  type HistoryEntry,
  type Page,
  type PublicStory,
  type PublicStoryFacets,
  type StoryDetail,
  type StoryListItem,
  type StoryRevisionDetail,
  type StoryRevisionList,
} from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { ValidationFailedError } from '../common/errors';
import { Can, CurrentUser, Public } from '../auth/auth.decorators';
import {
  CreateStoryDto,
  DraftFromCommitmentDto,
  ListPublicStoriesDto,
  ListStoriesDto,
  StoryTransitionDto,
  UpdateStoryDto,
} from './dto/story.dto';
import { PublicStoriesService } from './public-stories.service';
import { StoriesService } from './stories.service';
import { StoryDraftingService } from './story-drafting.service';
import { StoryExportService, type StoryFile } from './story-export.service';
import { StoryRevisionsService } from './story-revisions.service';
import { StoryWorkflowService } from './story-workflow.service';
import { ApiCreated, ApiFile, ApiNoContent, ApiOk, ApiOkArray, ApiOkPage } from '../openapi/responses';

function sendFile(res: Response, file: StoryFile, type: string, disposition: 'inline' | 'attachment'): string {
  res.setHeader('Content-Type', `${type}; charset=utf-8`);
  res.setHeader('Content-Disposition', `${disposition}; filename="${file.filename}"`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  return file.content;
}

/**
 * A revision number in the path: decimal digits only, else a 400 naming it. The handler takes it as
 * text and converts it itself: typed as a number, the global validation pipe would first turn `1e3`
 * or `0x10` into a number naming another revision.
 */
const REVISION_PIPE: PipeTransform<string, string> = {
  transform(value: string): string {
    if (!/^-?\d{1,15}$/.test(value)) {
      throw new ValidationFailedError([{ field: 'revision', message: 'revision must be a whole number' }]);
    }
    return value;
  },
};

@ApiTags('stories')
@Controller(ROUTES.stories)
export class StoriesController {
  constructor(
    private readonly stories: StoriesService,
    private readonly workflow: StoryWorkflowService,
    private readonly drafting: StoryDraftingService,
    private readonly exports: StoryExportService,
    private readonly revisions: StoryRevisionsService,
  ) {}

  @Can('stories', 'read')
  @Get()
  @ApiOkPage('StoryListItem')
  list(@CurrentUser() user: AuthUser, @Query() query: ListStoriesDto): Promise<Page<StoryListItem>> {
    return this.stories.list(user, query);
  }

  @Can('stories', 'create')
  @Post()
  @ApiCreated('StoryDetail')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateStoryDto): Promise<StoryDetail> {
    return this.stories.create(user, body);
  }

  /** A new draft assembled from an achieved or in-progress commitment's chain. */
  @Can('stories', 'create')
  @Post('draft-from-commitment/:commitmentId')
  @ApiCreated('StoryDetail')
  draft(
    @CurrentUser() user: AuthUser,
    @Param('commitmentId', ParseUUIDPipe) commitmentId: string,
    @Body() body: DraftFromCommitmentDto,
  ): Promise<StoryDetail> {
    return this.drafting.draftFromCommitment(user, commitmentId, body?.language ?? user.language ?? 'en');
  }

  @Can('stories', 'read')
  @Get(':id')
  @ApiOk('StoryDetail')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<StoryDetail> {
    return this.stories.get(user, id);
  }

  @Can('stories', 'update')
  @Patch(':id')
  @ApiOk('StoryDetail')
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateStoryDto): Promise<StoryDetail> {
    return this.stories.update(user, id, body);
  }

  @Can('stories', 'archive')
  @Delete(':id')
  @ApiNoContent()
  async archive(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.workflow.archive(user, id);
  }

  @Can('stories', 'transition')
  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOk('StoryDetail')
  transition(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: StoryTransitionDto,
  ): Promise<StoryDetail> {
    return this.workflow.transition(user, id, body);
  }

  @Can('stories', 'read')
  @Get(':id/history')
  @ApiOkArray('HistoryEntry')
  history(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<HistoryEntry[]> {
    return this.stories.history(user, id);
  }

  /** The frozen published revisions, oldest first. */
  @Can('stories', 'read')
  @Get(':id/revisions')
  @ApiOk('StoryRevisionList')
  revisionList(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<StoryRevisionList> {
    return this.revisions.list(user, id);
  }

  /** One frozen revision, exactly as it was approved. */
  @Can('stories', 'read')
  @Get(':id/revisions/:revision')
  @ApiOk('StoryRevisionDetail')
  revision(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('revision', REVISION_PIPE) revision: string,
  ): Promise<StoryRevisionDetail> {
    return this.revisions.get(user, id, Number(revision));
  }

  @Can('stories', 'read')
  @Get(':id/export.md')
  @ApiFile('text/markdown', 'The story as a Markdown document')
  async exportMarkdown(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return sendFile(res, await this.exports.export(user, id, 'md'), 'text/markdown', 'attachment');
  }

  @Can('stories', 'read')
  @Get(':id/export.html')
  @ApiFile('text/html', 'The story as a standalone, printable HTML page')
  async exportHtml(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return sendFile(res, await this.exports.export(user, id, 'html'), 'text/html', 'attachment');
  }
}

/** The public page's API: published stories only, no sign-in, nothing internal (see PublicStory). */
@ApiTags('public')
@Controller(ROUTES.publicStories)
export class PublicStoriesController {
  constructor(
    private readonly stories: PublicStoriesService,
    private readonly exports: StoryExportService,
  ) {}

  @Public()
  @Get()
  @Header('Cache-Control', 'public, max-age=60')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOk('PublicStoryList')
  list(@Query() query: ListPublicStoriesDto): Promise<string> {
    // A PublicStoryList already written as JSON (its items by the database): sent as it is.
    return this.stories.listJson(query);
  }

  @Public()
  @Get('facets')
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOk('PublicStoryFacets')
  facets(): Promise<PublicStoryFacets> {
    return this.stories.facets();
  }

  @Public()
  @Get(':id')
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOk('PublicStory')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<PublicStory> {
    return this.stories.get(id);
  }

  @Public()
  @Get(':id/export.md')
  @ApiFile('text/markdown', 'The published story as a Markdown document')
  async exportMarkdown(@Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    return sendFile(res, await this.exports.exportPublic(id, 'md'), 'text/markdown', 'attachment');
  }

  @Public()
  @Get(':id/export.html')
  @ApiFile('text/html', 'The published story as a standalone, printable HTML page')
  async exportHtml(@Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    return sendFile(res, await this.exports.exportPublic(id, 'html'), 'text/html', 'inline');
  }
}
