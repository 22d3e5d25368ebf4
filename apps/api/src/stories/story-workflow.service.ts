import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  canTransitionStory,
  figuresInOtherLanguage,
  mayPublishStory,
  sensitivityComplete,
  storyPlace,
  storyTransitionNeedsNote,
  type StoryDetail,
  type StoryListItem,
  type StoryStatus,
} from '@impact/contracts';
import { AuditService, type AuditAction } from '../audit/audit.service';
import { requireAccess } from '../auth/access';
import type { AuthUser } from '../auth/auth-user';
import { ForbiddenError, NotFoundError, StaleVersionError, ValidationFailedError, WorkflowError } from '../common/errors';
import type { StoryTransitionDto } from './dto/story.dto';
import { PublicStoriesService } from './public-stories.service';
import { StoriesRepository } from './stories.repository';
import { StoriesService } from './stories.service';
import { StoryNotifier } from './story-notifications';
import { StorySourcesRepository } from './story-sources.repository';

/** The audit action a step is recorded as. */
function auditAction(to: StoryStatus): AuditAction {
  return to === 'published' ? 'publish' : to === 'archived' ? 'archive' : 'transition';
}

/**
 * The review workflow (STORY_TRANSITIONS): a draft goes to review once its sensitivity checklist is
 * complete, leadership publishes or sends it back with a reason, and a story is archived. Each step
 * locks the story's row, so two simultaneous steps run one after the other, the second judged on the
 * first's result.
 */
@Injectable()
export class StoryWorkflowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stories: StoriesRepository,
    private readonly records: StoriesService,
    private readonly audit: AuditService,
    private readonly publication: PublicStoriesService,
    private readonly notifier: StoryNotifier,
    private readonly sources: StorySourcesRepository,
  ) {}

  async transition(user: AuthUser, id: string, dto: StoryTransitionDto): Promise<StoryDetail> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.records.load(id, m, true);
      requireAccess(user, 'stories', 'transition', storyPlace(before), () => new NotFoundError('Story', id));
      // The version comes first: leadership learns that the story changed since it read it (even if it went back to draft).
      if (dto.to === 'published' && mayPublishStory(user.role)) await this.checkReadVersion(m, before, dto.version);
      const note = this.checkStep(user, before, dto.to, dto.note);
      if (dto.to === 'in_review') await this.checkFigureLanguage(m, before);
      await this.stories.moveStatus(m, id, dto.to, user.id);
      // Publishing freezes exactly what was approved: the public views read this revision only.
      const revision = dto.to === 'published' ? await this.publication.freeze(m, id, user.id) : null;
      const step = await this.audit.record(m, {
        actorId: user.id,
        entity: 'story',
        entityId: id,
        action: auditAction(dto.to),
        changes: {
          status: { old: before.status, new: dto.to },
          ...(revision ? { revision: { old: revision - 1 || null, new: revision } } : {}),
        },
        note,
      });
      await this.notifier.notify(m, user, before, dto.to, note, step.id);
      return this.records.detail(m, await this.records.load(id, m));
    });
  }

  /** DELETE archives: the story leaves lists and the public page; its history stays. */
  async archive(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const before = await this.records.load(id, m, true);
      requireAccess(user, 'stories', 'archive', storyPlace(before), () => new NotFoundError('Story', id));
      await this.stories.archive(m, id);
      await this.audit.record(m, {
        actorId: user.id,
        entity: 'story',
        entityId: id,
        action: 'archive',
        changes: { status: { old: before.status, new: 'archived' } },
      });
    });
  }

  /** A story goes to review only with every cited figure worded in its own language (the number stays the record's). */
  private async checkFigureLanguage(m: EntityManager, story: StoryListItem): Promise<void> {
    const figures = await this.sources.figures(m, { ids: story.outcomeIds });
    const foreign = figuresInOtherLanguage(figures, story.figureWording, story.language);
    if (!foreign.length) return;
    const lines = figures.filter((f) => foreign.includes(f.id)).map((f) => `“${f.description.slice(0, 80)}”`);
    throw new WorkflowError(
      story.status,
      'in_review',
      `Word every cited figure in the story’s language before sending it to review. In another language: ${lines.join(', ')}.`,
    );
  }

  /** Leadership publishes the version it read: none given is a 400, another one a 409 with the story as it is now. */
  private async checkReadVersion(m: EntityManager, story: StoryListItem, version: number | undefined): Promise<void> {
    if (version === undefined) {
      throw new ValidationFailedError([{ field: 'version', message: 'Send the version of the story you read to publish it.' }]);
    }
    if (version !== story.version) {
      throw new StaleVersionError(
        await this.records.detail(m, story),
        'The story changed after you opened it. Reload it and read it again before publishing.',
      );
    }
  }

  /** The rules of one step from the story as it is; answers the step's note (trimmed, null when blank). */
  private checkStep(user: AuthUser, story: StoryListItem, to: StoryStatus, givenNote: string | undefined): string | null {
    const from = story.status;
    if (to === 'published' && !mayPublishStory(user.role)) throw new ForbiddenError('Only leadership publishes stories.');
    if (to === 'archived') requireAccess(user, 'stories', 'archive', storyPlace(story));
    if (!canTransitionStory(from, to)) throw new WorkflowError(from, to);
    const note = givenNote?.trim() || null;
    if (storyTransitionNeedsNote(from, to) && !note) {
      throw new ValidationFailedError([{ field: 'note', message: 'Say why the story goes back to its author.' }]);
    }
    if (to === 'in_review' && !sensitivityComplete(story.sensitivity)) {
      throw new WorkflowError(from, to, 'Confirm all three points of the sensitivity checklist before sending the story to review.');
    }
    if (to === 'published' && !sensitivityComplete(story.sensitivity)) {
      throw new WorkflowError(from, to, 'The sensitivity checklist is not complete.');
    }
    return note;
  }
}
