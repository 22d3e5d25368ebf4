import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { PublicStory, PublicStoryFacets, PublicStoryQuery } from '@impact/contracts';
import { NotFoundError } from '../common/errors';
import { StoriesRepository } from './stories.repository';
import { StoryRevisionsRepository, toPublicFromRevision } from './story-revisions.repository';
import { toSnapshot } from './story-snapshot';
import { StorySourcesRepository } from './story-sources.repository';
import { toPublicStory, type LoadedStory } from './story.mapper';
import { StoryEntity } from './story.entity';
import { StoryRevisionEntity } from './story-revision.entity';

/**
 * The public page: the current published revision of each live story, for anyone. Public answers read
 * the frozen revisions only, never the live story or the outcomes it cites, so nothing changes in
 * public until leadership publishes again.
 */
@Injectable()
export class PublicStoriesService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stories: StoriesRepository,
    private readonly sources: StorySourcesRepository,
    private readonly revisions: StoryRevisionsRepository,
  ) {}

  /** Stories published before revisions existed get their first one, so they stay public. */
  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.transaction((m) => this.freezeUnfrozen(m));
  }

  /**
   * One page as the JSON text of a PublicStoryList: the count and the page with its language versions
   * (two queries whatever the page size), the items written by the database.
   */
  async listJson(query: PublicStoryQuery): Promise<string> {
    const { itemsJson, total, page, pageSize } = await this.revisions.publicPageJson(query);
    return `{"items":${itemsJson},"total":${total},"page":${page},"pageSize":${pageSize}}`;
  }

  /** The hubs, cities and languages of the published stories, for the public page's filters. */
  facets(): Promise<PublicStoryFacets> {
    return this.revisions.facets();
  }

  async get(id: string): Promise<PublicStory> {
    const revision = await this.revisions.findPublic(id);
    if (!revision) throw new NotFoundError('Story', id);
    const versions = await this.revisions.versionsOf([revision]);
    return toPublicFromRevision(revision, versions.get(id) ?? []);
  }

  /**
   * Freezes the story as it is now into its new current revision (inside the publishing transaction,
   * after the status moved); answers the revision number.
   */
  async freeze(m: EntityManager, id: string, publishedById: string | null): Promise<number> {
    const [story] = await this.stories.load([id], m);
    if (!story) throw new NotFoundError('Story', id);
    const [view] = await this.views([story], false, m);
    return this.freezeView(m, story, view, publishedById);
  }

  /** Published stories that have no revision yet (stories published before revisions existed, the demo data) get their first one. */
  async freezeUnfrozen(m: EntityManager): Promise<number> {
    const ids = await this.stories.publishedWithoutRevision(m);
    if (!ids.length) return 0;
    const stories = await this.stories.load(ids, m);
    const views = await this.views(stories, false, m);
    for (const [i, story] of stories.entries()) await this.freezeView(m, story, views[i], story.item.approvedById ?? null);
    return stories.length;
  }

  /** Stores `view` (what the public would see of `story` now) as the story's next revision. */
  private async freezeView(m: EntityManager, story: LoadedStory, view: PublicStory, publishedById: string | null): Promise<number> {
    const previous = await this.revisions.current(story.id, m);
    const firstPublishedAt = previous?.snapshot.publishedAt ?? story.item.publishedAt ?? new Date().toISOString();
    return this.revisions.publish(m, {
      storyId: story.id,
      rootId: story.item.translationOf ?? story.id,
      cityIds: story.item.cityIds,
      outcomeIds: story.item.outcomeIds,
      snapshot: toSnapshot(view, firstPublishedAt),
      publishedById,
    });
  }

  /**
   * What the public would see of `stories` as they are now, with their figures and language versions
   * (only the published ones when `publishedVersionsOnly`): for freezing and for the staff's exports of
   * unpublished work. Figures and versions of all the stories are read at once.
   */
  async views(stories: readonly LoadedStory[], publishedVersionsOnly: boolean, m?: EntityManager): Promise<PublicStory[]> {
    if (!stories.length) return [];
    const figures = await this.sources.figures(m, { ids: [...new Set(stories.flatMap((s) => s.item.outcomeIds))] });
    const versions = await this.stories.translationsOf(
      m,
      stories.map((s) => s.item),
    );
    return stories.map((s) => {
      const linked = new Set(s.item.outcomeIds);
      const translations = (versions.get(s.id) ?? []).filter((t) => !publishedVersionsOnly || t.status === 'published');
      return toPublicStory(
        s,
        figures.filter((f) => linked.has(f.id)),
        translations,
      );
    });
  }
}

/** `freezeUnfrozen` outside the Nest container (the demo seed runs in its own transaction). */
export function freezeUnfrozenStories(m: EntityManager): Promise<number> {
  const service = new PublicStoriesService(
    m.connection,
    new StoriesRepository(m.getRepository(StoryEntity)),
    new StorySourcesRepository(m),
    new StoryRevisionsRepository(m.getRepository(StoryRevisionEntity)),
  );
  return service.freezeUnfrozen(m);
}
