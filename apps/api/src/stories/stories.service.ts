import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  storyPlace,
  type HistoryEntry,
  type Language,
  type Page,
  type Quote,
  type Ref,
  MAX_LENGTH,
  type StoryDetail,
  type StoryFigureWordings,
  type StoryListItem,
} from '@impact/contracts';
import { AuditService } from '../audit/audit.service';
import { requireAccess } from '../auth/access';
import type { AuthUser } from '../auth/auth-user';
import { CommitmentsRepository } from '../commitments/commitments.repository';
import { ConflictError, NotFoundError, StaleVersionError, ValidationFailedError, WorkflowError } from '../common/errors';
import { given } from '../common/records';
import { PlacesRepository } from '../places/places.repository';
import type { CreateStoryDto, ListStoriesDto, UpdateStoryDto } from './dto/story.dto';
import { StoriesRepository, type StoryLinks } from './stories.repository';
import { StorySourcesRepository } from './story-sources.repository';
import { storyAudit } from './story.mapper';

const unique = (ids: readonly string[]) => [...new Set(ids)];

/** Quotes as people typed them, trimmed; a quote without text is dropped. */
export function cleanQuotes(quotes: readonly Quote[] | undefined): Quote[] {
  return (quotes ?? []).map((q) => ({ text: q.text.trim(), attribution: q.attribution.trim() })).filter((q) => q.text);
}

/**
 * The wording of the figures a story cites, checked entry by entry (the keys are outcome ids, which a
 * DTO cannot declare): trimmed, a blank unit is none, wording of an outcome the story does not cite is
 * dropped. A bad entry is a 400 naming `figureWording.<outcome id>.<field>`.
 */
export function storyFigureWording(given: StoryFigureWordings, cited: readonly string[]): StoryFigureWordings {
  const problems: { field: string; message: string }[] = [];
  const kept: StoryFigureWordings = {};
  for (const [id, entry] of Object.entries(given)) {
    const field = `figureWording.${id}`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      problems.push({ field, message: 'Give the figure as { unit, description }.' });
      continue;
    }
    const raw = entry as { unit?: unknown; description?: unknown };
    const description = typeof raw.description === 'string' ? raw.description.trim() : '';
    const unit = typeof raw.unit === 'string' ? raw.unit.trim() : null;
    if (!description) problems.push({ field: `${field}.description`, message: 'Word the figure in the story’s language.' });
    else if (description.length > MAX_LENGTH.outcome.description)
      problems.push({ field: `${field}.description`, message: `At most ${MAX_LENGTH.outcome.description} characters.` });
    if (raw.unit !== undefined && raw.unit !== null && typeof raw.unit !== 'string')
      problems.push({ field: `${field}.unit`, message: 'The unit is text.' });
    else if (unit && unit.length > MAX_LENGTH.outcome.unit)
      problems.push({ field: `${field}.unit`, message: `At most ${MAX_LENGTH.outcome.unit} characters.` });
    if (cited.includes(id)) kept[id] = { unit: unit || null, description };
  }
  if (problems.length) throw new ValidationFailedError(problems);
  return kept;
}

/** Only the wording of figures still cited. */
const citedWording = (wording: StoryFigureWordings, cited: readonly string[]): StoryFigureWordings =>
  Object.fromEntries(Object.entries(wording).filter(([id]) => cited.includes(id)));

/** The content a review approves: a change to any of it voids the review. */
function reviewedContent(s: StoryListItem): unknown[] {
  return [s.title, s.body, s.quotes, s.language, s.cityIds, s.engagementIds, s.commitmentIds, s.outcomeIds, s.figureWording];
}

/**
 * Why an edit sends the story back to draft (the history's note), or null when it does not: changed
 * content of a story in review, or any edit of a published story (its next revision).
 */
function reopenNote(before: StoryListItem, after: StoryListItem): string | null {
  if (before.status === 'published')
    return 'Edited after publication: a new revision starts; the published one stays live until it is published.';
  if (before.status !== 'in_review') return null;
  const changed = JSON.stringify(reviewedContent(before)) !== JSON.stringify(reviewedContent(after));
  return changed ? 'The content changed during review: back to draft, the sensitivity checklist must be confirmed again.' : null;
}

const noOriginal = () => new ValidationFailedError([{ field: 'translationOf', message: 'The original story does not exist.' }]);

/**
 * The story desk's records: list, read, create, edit (with the sensitivity checklist) and history.
 * Every read and write starts with the scope check; every write is audited in the same transaction;
 * the history of a story is its audit trail. Transitions, drafting, the public view and exports are
 * the other stories services.
 */
@Injectable()
export class StoriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stories: StoriesRepository,
    private readonly sources: StorySourcesRepository,
    private readonly commitments: CommitmentsRepository,
    private readonly places: PlacesRepository,
    private readonly audit: AuditService,
  ) {}

  list(user: AuthUser, query: ListStoriesDto): Promise<Page<StoryListItem>> {
    return this.stories.list(user, query);
  }

  /** The live story, whoever asks (callers check access); 404 when there is none. */
  async load(id: string, m?: EntityManager, lock = false): Promise<StoryListItem> {
    const story = await this.stories.findLive(id, m, lock);
    if (!story) throw new NotFoundError('Story', id);
    return story.item;
  }

  /** One story with names resolved, for the editor and the reviewer. */
  async get(user: AuthUser, id: string): Promise<StoryDetail> {
    const story = await this.load(id);
    requireAccess(user, 'stories', 'read', storyPlace(story), () => new NotFoundError('Story', id));
    return this.detail(this.dataSource.manager, story);
  }

  async create(user: AuthUser, dto: CreateStoryDto): Promise<StoryDetail> {
    return this.dataSource.transaction(async (m) => {
      const cityIds = unique(dto.cityIds ?? []);
      const links: StoryLinks = { cityIds, engagementIds: dto.engagementIds, commitmentIds: dto.commitmentIds, outcomeIds: dto.outcomeIds };
      await this.checkLinks(m, links);
      const hubId = dto.hubId ?? (cityIds[0] ? (await this.places.ofCity(m, cityIds[0]))?.hubId : undefined);
      if (!hubId) throw new ValidationFailedError([{ field: 'hubId', message: 'Choose a hub or at least one city.' }]);
      if (!(await this.sources.hubExists(m, hubId)))
        throw new ValidationFailedError([{ field: 'hubId', message: 'This hub does not exist.' }]);
      requireAccess(user, 'stories', 'create', storyPlace({ hubId, cityIds }));
      const language = dto.language ?? 'en';
      const translationOfId = dto.translationOf ? await this.translationRoot(m, user, dto.translationOf, language, null) : null;
      const id = await this.stories.insert(m, {
        title: dto.title.trim(),
        category: dto.category,
        hubId,
        body: dto.body ?? '',
        quotes: cleanQuotes(dto.quotes),
        language,
        translationOfId,
        authorId: user.id,
      });
      await this.stories.setLinks(m, id, links);
      const created = await this.load(id, m);
      await this.audit.created(m, user.id, 'story', id, storyAudit(created));
      return this.detail(m, created);
    });
  }

  /**
   * Edits a story; a changed checklist answer records who confirmed it and when. Changed content of a
   * story in review sends it back to draft, and an edit of a published story starts its next revision
   * (the published one stays live): either way the checklist is cleared, to be confirmed again.
   */
  async update(user: AuthUser, id: string, dto: UpdateStoryDto): Promise<StoryDetail> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.load(id, m, true);
      requireAccess(user, 'stories', 'update', storyPlace(before), () => new NotFoundError('Story', id));
      if (before.status === 'archived') {
        throw new WorkflowError(before.status, before.status, 'An archived story can no longer be edited.');
      }
      const links: StoryLinks = {
        cityIds: dto.cityIds ? unique(dto.cityIds) : undefined,
        engagementIds: dto.engagementIds,
        commitmentIds: dto.commitmentIds,
        outcomeIds: dto.outcomeIds,
      };
      await this.checkLinks(m, links);
      if (dto.language && dto.language !== before.language && before.translationOf) {
        await this.translationRoot(m, user, before.translationOf, dto.language, id);
      }
      const s = dto.sensitivity ?? {};
      const was = before.sensitivity;
      const answers = {
        consentForNamedPeople: s.consentForNamedPeople ?? was.consentForNamedPeople,
        noDetailsExposingIndividuals: s.noDetailsExposingIndividuals ?? was.noDetailsExposingIndividuals,
        cityAgreedToPublication: s.cityAgreedToPublication ?? was.cityAgreedToPublication,
      };
      const checklistChanged =
        answers.consentForNamedPeople !== was.consentForNamedPeople ||
        answers.noDetailsExposingIndividuals !== was.noDetailsExposingIndividuals ||
        answers.cityAgreedToPublication !== was.cityAgreedToPublication;
      const cited = dto.outcomeIds ? unique(dto.outcomeIds) : before.outcomeIds;
      const figureWording = dto.figureWording
        ? storyFigureWording(dto.figureWording, cited)
        : dto.outcomeIds
          ? citedWording(before.figureWording, cited)
          : undefined;
      const content = given({
        title: dto.title?.trim(),
        category: dto.category,
        body: dto.body,
        quotes: dto.quotes ? cleanQuotes(dto.quotes) : undefined,
        language: dto.language,
        figureWording,
      });
      if (!(await this.stories.update(m, id, dto.version, { content, answers, confirmedById: checklistChanged ? user.id : null }))) {
        throw new StaleVersionError(await this.detail(m, before));
      }
      await this.stories.setLinks(m, id, links);
      let after = await this.load(id, m);
      await this.audit.updated(m, user.id, 'story', id, storyAudit(before), storyAudit(after));
      const reopen = reopenNote(before, after);
      if (reopen) {
        await this.stories.reopen(m, id);
        after = await this.load(id, m);
        await this.audit.record(m, {
          actorId: user.id,
          entity: 'story',
          entityId: id,
          action: 'transition',
          changes: { status: { old: before.status, new: 'draft' }, sensitivityChecklist: { old: 'confirmed', new: 'cleared' } },
          note: reopen,
        });
      }
      return this.detail(m, after);
    });
  }

  /** Every step of a story: created, edited, checklist, sent to review, back, published, archived. */
  async history(user: AuthUser, id: string): Promise<HistoryEntry[]> {
    const story = await this.load(id);
    requireAccess(user, 'stories', 'read', storyPlace(story), () => new NotFoundError('Story', id));
    return this.audit.historyOf(this.dataSource.manager, 'story', id);
  }

  /** The story with what the editor and the reviewer see beside it: linked records, names, versions, the last send-back. */
  async detail(m: EntityManager, s: StoryListItem): Promise<StoryDetail> {
    const commitmentRefs = async (): Promise<Ref[]> =>
      s.commitmentIds.length
        ? (await this.commitments.load(s.commitmentIds, m))
            .map((c) => ({ id: c.id, name: c.title }))
            .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
        : [];
    const lastSendBack = async () =>
      s.status === 'draft'
        ? (await this.audit.historyOf(m, 'story', s.id)).filter((h) => h.action === 'transition' && h.to === 'draft').pop()
        : undefined;
    const [engagements, commitments, outcomes, names, translationsByStory, sentBack] = await inTurnOrTogether(m, [
      () => this.sources.engagementRefs(m, s.engagementIds),
      commitmentRefs,
      () => this.sources.figures(m, { ids: s.outcomeIds }),
      () => this.sources.userNames(m, [s.approvedById, s.sensitivity.confirmedById]),
      () => this.stories.translationsOf(m, [s]),
      lastSendBack,
    ] as const);
    const translations = translationsByStory.get(s.id) ?? [];
    const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
    return {
      ...s,
      engagements,
      commitments,
      outcomes,
      approvedByName: nameOf(s.approvedById),
      confirmedByName: nameOf(s.sensitivity.confirmedById),
      translations,
      sentBackNote: sentBack?.note ?? null,
    };
  }

  /** Every linked id must name a live record; a 400 names each field that does not. */
  private async checkLinks(m: EntityManager, links: StoryLinks): Promise<void> {
    const missing = await this.sources.missingLinks(m, links);
    if (missing.length)
      throw new ValidationFailedError(missing.map((field) => ({ field, message: 'One or more linked records do not exist.' })));
  }

  /** The original a new language version hangs on (a translation of a translation hangs on the original); one version per language. */
  private async translationRoot(m: EntityManager, user: AuthUser, of: string, language: Language, self: string | null): Promise<string> {
    const original = await this.stories.findOriginal(m, of);
    if (!original) throw noOriginal();
    const root = original.translationOfId ?? original.id;
    requireAccess(
      user,
      'stories',
      'read',
      storyPlace({ hubId: original.hubId, cityIds: await this.stories.cityIdsOf(m, root) }),
      noOriginal,
    );
    if (await this.stories.hasVersionIn(m, root, language, self))
      throw new ConflictError('This story already has a version in that language.');
    return root;
  }
}

type Results<T extends readonly (() => Promise<unknown>)[]> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

/**
 * Runs independent reads together on the pool, or one after the other inside a transaction, where every
 * query shares the transaction's one connection.
 */
async function inTurnOrTogether<T extends readonly (() => Promise<unknown>)[]>(m: EntityManager, reads: T): Promise<Results<T>> {
  if (!m.queryRunner) return (await Promise.all(reads.map((read) => read()))) as Results<T>;
  const out: unknown[] = [];
  for (const read of reads) out.push(await read());
  return out as Results<T>;
}
