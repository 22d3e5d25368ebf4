import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  commitmentPlace,
  suggestStoryCategory,
  type CommitmentListItem,
  type Language,
  type StoryDetail,
  type StoryDraftSource,
} from '@impact/contracts';
import { AuditService } from '../audit/audit.service';
import { requireAccess } from '../auth/access';
import type { AuthUser } from '../auth/auth-user';
import { CommitmentsRepository } from '../commitments/commitments.repository';
import { NotFoundError, WorkflowError } from '../common/errors';
import { StoriesRepository } from './stories.repository';
import { StoriesService } from './stories.service';
import { StorySourcesRepository } from './story-sources.repository';
import { storyAudit } from './story.mapper';
import { draftBody, draftTitle } from './story-text';

/** A commitment tells a story once work on it has started. */
const DRAFTABLE: readonly string[] = ['achieved', 'in_progress'];

/** A new draft assembled from a commitment's chain, for its author to edit from there. */
@Injectable()
export class StoryDraftingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly commitments: CommitmentsRepository,
    private readonly sources: StorySourcesRepository,
    private readonly stories: StoriesRepository,
    private readonly records: StoriesService,
    private readonly audit: AuditService,
  ) {}

  /** A new draft told from a commitment's chain: city, inspiring engagements, follow-ups done, partners, outcomes. */
  async draftFromCommitment(user: AuthUser, commitmentId: string, language: Language = 'en'): Promise<StoryDetail> {
    return this.dataSource.transaction(async (m) => {
      const c = await this.commitments.findLive(commitmentId, m);
      if (!c) throw new NotFoundError('Commitment', commitmentId);
      requireAccess(user, 'commitments', 'read', commitmentPlace(c), () => new NotFoundError('Commitment', commitmentId));
      requireAccess(user, 'stories', 'create', commitmentPlace(c));
      if (!DRAFTABLE.includes(c.status)) {
        throw new WorkflowError(c.status, 'story', 'A story is drafted from an achieved or in-progress commitment.');
      }
      const { source, hostCityIds } = await this.draftSource(m, c);
      const category = suggestStoryCategory(
        source.engagements.map((e) => e.type),
        source.commitment.kind,
      );
      // Result lines speak the story's language: as stories in that language already word them, else in the product's words.
      const wording = await this.sources.figureWordings(
        m,
        language,
        source.outcomes.map((o) => o.id),
      );
      const id = await this.stories.insert(m, {
        title: draftTitle(source),
        category,
        hubId: c.hubId,
        body: draftBody(source, category, language, c.progress, wording),
        quotes: [],
        language,
        translationOfId: null,
        authorId: user.id,
      });
      await this.stories.setLinks(m, id, {
        cityIds: [...new Set([c.cityId, ...hostCityIds])],
        engagementIds: source.engagements.map((e) => e.id),
        commitmentIds: [c.id],
        outcomeIds: source.outcomes.map((o) => o.id),
      });
      const created = await this.records.load(id, m);
      await this.audit.created(m, user.id, 'story', id, storyAudit(created), `Drafted from the commitment “${c.title}”.`);
      return this.records.detail(m, created);
    });
  }

  /** The chain behind the draft, and the cities that hosted its engagements (the story links them too). */
  private async draftSource(m: EntityManager, c: CommitmentListItem): Promise<{ source: StoryDraftSource; hostCityIds: string[] }> {
    const city = await this.sources.city(m, c.cityId);
    if (!city) throw new NotFoundError('City', c.cityId);
    const inspiring = await this.sources.inspiringEngagements(m, c.id);
    const followUps = await this.sources.doneFollowUps(m, c.id);
    const partners = await this.sources.partnerNames(m, c.id);
    const outcomes = await this.sources.figures(m, { commitmentId: c.id });
    const source: StoryDraftSource = {
      city,
      hubId: c.hubId,
      commitment: { id: c.id, title: c.title, kind: c.kind, status: c.status, description: c.description },
      engagements: inspiring.map((e) => ({
        id: e.id,
        title: e.title,
        type: e.type,
        startDate: e.startDate,
        hostCity: e.hostCity,
        place: e.place,
      })),
      followUps,
      partners,
      outcomes,
    };
    return { source, hostCityIds: inspiring.flatMap((e) => (e.hostCityId ? [e.hostCityId] : [])) };
  }
}
