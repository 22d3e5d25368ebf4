import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { storyPlace, type StoryRevisionDetail, type StoryRevisionList, type StoryRevisionSummary } from '@impact/contracts';
import { requireAccess } from '../auth/access';
import type { AuthUser } from '../auth/auth-user';
import { NotFoundError } from '../common/errors';
import { StoriesService } from './stories.service';
import type { StoryRevisionEntity } from './story-revision.entity';
import { StoryRevisionsRepository } from './story-revisions.repository';
import { StorySourcesRepository } from './story-sources.repository';

/** Revision numbers are PostgreSQL integers: anything outside is no revision at all (404, not a failed query). */
const MAX_REVISION = 2_147_483_647;

function summary(r: StoryRevisionEntity, names: Map<string, string>): StoryRevisionSummary {
  const publishedBy = r.publishedById ? names.get(r.publishedById) : undefined;
  return {
    revision: r.revision,
    publishedAt: r.publishedAt.toISOString(),
    ...(publishedBy ? { publishedBy } : {}),
    title: r.title,
    language: r.language,
    current: r.current,
  };
}

/**
 * The published revisions of a story for the story desk (its history and the word diff): whoever may
 * read the story reads them; outside its scope the story does not exist (404).
 */
@Injectable()
export class StoryRevisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stories: StoriesService,
    private readonly revisions: StoryRevisionsRepository,
    private readonly sources: StorySourcesRepository,
  ) {}

  async list(user: AuthUser, storyId: string): Promise<StoryRevisionList> {
    await this.readable(user, storyId);
    const rows = await this.revisions.list(storyId);
    const names = await this.sources.userNames(
      this.dataSource.manager,
      rows.map((r) => r.publishedById),
    );
    return { items: rows.map((r) => summary(r, names)) };
  }

  async get(user: AuthUser, storyId: string, revision: number): Promise<StoryRevisionDetail> {
    await this.readable(user, storyId);
    const row = revision >= 1 && revision <= MAX_REVISION ? await this.revisions.one(storyId, revision) : null;
    if (!row) throw new NotFoundError('Story revision', `${storyId}/${revision}`);
    const names = await this.sources.userNames(this.dataSource.manager, [row.publishedById]);
    return { ...summary(row, names), snapshot: row.snapshot };
  }

  private async readable(user: AuthUser, storyId: string): Promise<void> {
    const story = await this.stories.load(storyId);
    requireAccess(user, 'stories', 'read', storyPlace(story), () => new NotFoundError('Story', storyId));
  }
}
