import { Injectable } from '@nestjs/common';
import { storyPlace, type StoryExportFormat } from '@impact/contracts';
import { slugify } from 'transliteration';
import { requireAccess } from '../auth/access';
import type { AuthUser } from '../auth/auth-user';
import { NotFoundError } from '../common/errors';
import { PublicStoriesService } from './public-stories.service';
import { StoriesRepository } from './stories.repository';
import { storyToHtml, storyToMarkdown, type Exportable } from './story-render';

export interface StoryFile {
  content: string;
  filename: string;
}

/**
 * A readable ASCII file name from any title: Arabic, accented and other scripts are transliterated
 * (`نانسانا` → `nnsn`, `Été` → `ete`); `story` when nothing is left.
 */
export function storyFileName(title: string, format: StoryExportFormat): string {
  const slug = slugify(title, { lowercase: true, separator: '-', allowedChars: 'a-zA-Z0-9' }).slice(0, 80).replace(/-+$/, '');
  return `${slug || 'story'}.${format}`;
}

function render(story: Exportable, format: StoryExportFormat): StoryFile {
  return { content: format === 'md' ? storyToMarkdown(story) : storyToHtml(story), filename: storyFileName(story.title, format) };
}

/** A story as a Markdown document or a standalone, printable HTML page. */
@Injectable()
export class StoryExportService {
  constructor(
    private readonly stories: StoriesRepository,
    private readonly publicStories: PublicStoriesService,
  ) {}

  /** Any story the caller may read, at any step of its workflow. */
  async export(user: AuthUser, id: string, format: StoryExportFormat): Promise<StoryFile> {
    const story = await this.stories.findLive(id);
    if (!story) throw new NotFoundError('Story', id);
    requireAccess(user, 'stories', 'read', storyPlace(story.item), () => new NotFoundError('Story', id));
    // A published story is exported as it was approved; work in progress as it is now.
    if (story.item.status === 'published') return render(await this.publicStories.get(id), format);
    const [view] = await this.publicStories.views([story], false);
    return render({ ...view, publishedAt: story.item.publishedAt }, format);
  }

  /** A published story's current revision, for anyone. */
  async exportPublic(id: string, format: StoryExportFormat): Promise<StoryFile> {
    return render(await this.publicStories.get(id), format);
  }
}
