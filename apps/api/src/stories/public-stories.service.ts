import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PublicStory, PublicStoryFilters, PublicStoryList } from '@impact/contracts';
import { NotFoundError } from '../common/errors';
import { StoriesRepository } from './stories.repository';
import { StorySourcesRepository } from './story-sources.repository';
import { toPublicStory, type LoadedStory } from './story.mapper';

/** The public page: published stories only, for anyone, through the one PublicStory mapper. */
@Injectable()
export class PublicStoriesService {
  constructor(
    private readonly stories: StoriesRepository,
    private readonly sources: StorySourcesRepository,
  ) {}

  async list(filters: PublicStoryFilters): Promise<PublicStoryList> {
    const items = await this.views(await this.stories.published(filters), true);
    return { items, total: items.length };
  }

  async get(id: string): Promise<PublicStory> {
    const story = await this.stories.findPublished(id);
    if (!story) throw new NotFoundError('Story', id);
    const [view] = await this.views([story], true);
    return view;
  }

  /**
   * What the public sees of `stories`, with their figures and language versions (only the published
   * ones when `publishedVersionsOnly`). Figures and versions of all the stories are read at once.
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
