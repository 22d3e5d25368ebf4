import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import type { Language, Page, PublicStoryFilters, StoryFilters, StoryListItem, StoryStatus, StoryTranslationRef } from '@impact/contracts';
import { andWhereInScope, type ScopeColumns } from '../auth/access';
import type { AuthUser } from '../auth/auth-user';
import { andWhereGiven, andWhereText, listAll, listPage, listSorts } from '../common/list-query';
import { updateVersioned } from '../common/records';
import { toLoadedStory, type LoadedStory, type StoryLinkIds } from './story.mapper';
import { StoryEntity } from './story.entity';

/** The columns a create sets (status starts as draft, the checklist unanswered). */
export type StoryInsert = Pick<
  StoryEntity,
  'title' | 'category' | 'hubId' | 'body' | 'quotes' | 'language' | 'translationOfId' | 'authorId'
>;

/** What an edit sets: the content given, the three checklist answers, and who confirmed them when they changed. */
export interface StoryEdit {
  content: Partial<Pick<StoryEntity, 'title' | 'category' | 'body' | 'quotes' | 'language' | 'figureWording'>>;
  answers: Pick<StoryEntity['sensitivity'], 'consentForNamedPeople' | 'noDetailsExposingIndividuals' | 'cityAgreedToPublication'>;
  /** Set when the answers changed: the checklist is then confirmed by this user, now. */
  confirmedById: string | null;
}

/** The lists of records a story links to, by the request field that carries them. */
export type StoryLinkField = 'cityIds' | 'engagementIds' | 'commitmentIds' | 'outcomeIds';
export type StoryLinks = Partial<Record<StoryLinkField, readonly string[] | undefined>>;

const LINK_TABLES: readonly { field: StoryLinkField; table: string; column: string }[] = [
  { field: 'cityIds', table: 'story_cities', column: 'city_id' },
  { field: 'engagementIds', table: 'story_engagements', column: 'engagement_id' },
  { field: 'commitmentIds', table: 'story_commitments', column: 'commitment_id' },
  { field: 'outcomeIds', table: 'story_outcomes', column: 'outcome_id' },
];

/** Which stories a scope reaches: hub managers by the story's hub, liaisons by its cities. */
const STORY_SCOPE: ScopeColumns = {
  hub: (p) => `s.hub_id = ANY(${p}::uuid[])`,
  city: (p) => `EXISTS (SELECT 1 FROM story_cities sc WHERE sc.story_id = s.id AND sc.city_id = ANY(${p}::uuid[]))`,
};

// Ties (the language versions of a story share their timestamps) go by id, ascending, without a sort.
const SORTS = listSorts(
  { updatedAt: 's.updated_at', title: 's.title', publishedAt: 's.published_at' },
  [
    ['s.updated_at', 'DESC'],
    ['s.id', 'ASC'],
  ],
  's.id',
);

const unique = (ids: readonly string[]) => [...new Set(ids)];

/** Every query of the stories tables (`stories` and its four link tables). */
@Injectable()
export class StoriesRepository {
  constructor(@InjectRepository(StoryEntity) private readonly stories: Repository<StoryEntity>) {}

  private repo(m?: EntityManager): Repository<StoryEntity> {
    return m ? m.getRepository(StoryEntity) : this.stories;
  }

  /** The filters the staff list and the public page share (base table only; see listPage). */
  private andWhereFilters(qb: SelectQueryBuilder<StoryEntity>, f: PublicStoryFilters): SelectQueryBuilder<StoryEntity> {
    andWhereGiven(qb, f.category, 's.category = :category', { category: f.category });
    andWhereGiven(qb, f.hubId, 's.hub_id = :hubId', { hubId: f.hubId });
    andWhereGiven(qb, f.cityId, 'EXISTS (SELECT 1 FROM story_cities x WHERE x.story_id = s.id AND x.city_id = :cityId)', {
      cityId: f.cityId,
    });
    return andWhereGiven(qb, f.language, 's.language = :language', { language: f.language });
  }

  /** Live stories the caller may read, alias `s` (the list and the search start here). */
  readable(user: AuthUser): SelectQueryBuilder<StoryEntity> {
    const qb = this.stories.createQueryBuilder('s').where('s.archived_at IS NULL');
    return andWhereInScope(qb, user, 'stories', 'read', STORY_SCOPE);
  }

  /** Live stories the caller may read that match the filters (base table only; see listPage). */
  private filtered(user: AuthUser, f: StoryFilters): SelectQueryBuilder<StoryEntity> {
    const qb = this.readable(user);
    this.andWhereFilters(qb, f);
    andWhereGiven(qb, f.status, 's.status = :status', { status: f.status });
    andWhereGiven(
      qb,
      f.engagementId,
      'EXISTS (SELECT 1 FROM story_engagements y WHERE y.story_id = s.id AND y.engagement_id = :engagementId)',
      {
        engagementId: f.engagementId,
      },
    );
    return andWhereText(qb, f.q, ['s.title', 's.body']);
  }

  list(user: AuthUser, f: StoryFilters): Promise<Page<StoryListItem>> {
    return listPage(this.filtered(user, f), f, SORTS, async (ids) => (await this.load(ids)).map((s) => s.item));
  }

  /** Every match in the list's order, up to `cap` (an engagement's page). */
  all(user: AuthUser, f: StoryFilters, cap?: number): Promise<StoryListItem[]> {
    return listAll(this.filtered(user, f), f, SORTS, async (ids) => (await this.load(ids)).map((s) => s.item), cap);
  }

  /** Ids of published, live stories that have no published revision yet. */
  async publishedWithoutRevision(m: EntityManager): Promise<string[]> {
    const rows = await m
      .getRepository(StoryEntity)
      .createQueryBuilder('s')
      .select('s.id')
      .where(`s.status = 'published' AND s.archived_at IS NULL`)
      .andWhere('NOT EXISTS (SELECT 1 FROM story_revisions r WHERE r.story_id = s.id)')
      .orderBy('s.id', 'ASC')
      .getMany();
    return rows.map((s) => s.id);
  }

  /** Stories with their hub, author and cities (the read model); the cities in name order. */
  private readQuery(m?: EntityManager): SelectQueryBuilder<StoryEntity> {
    return this.repo(m)
      .createQueryBuilder('s')
      .innerJoin('s.hub', 'h')
      .addSelect(['h.id', 'h.name', 'h.names'])
      .leftJoin('s.author', 'au')
      .addSelect(['au.id', 'au.name'])
      .leftJoin('s.cities', 'ci')
      .addSelect(['ci.id', 'ci.name', 'ci.countryCode'])
      .orderBy('ci.name', 'ASC');
  }

  /** The read models of `ids` (live or not), in no particular order. */
  async load(ids: string[], m?: EntityManager): Promise<LoadedStory[]> {
    if (!ids.length) return [];
    const rows = await this.readQuery(m).where('s.id IN (:...ids)', { ids }).getMany();
    const links = await this.linkIds(
      rows.map((s) => s.id),
      m,
    );
    return rows.map((s) => toLoadedStory(s, links(s.id)));
  }

  /** One live story; `lock` holds its row (FOR UPDATE) until the transaction ends. */
  async findLive(id: string, m?: EntityManager, lock = false): Promise<LoadedStory | null> {
    const qb = this.readQuery(m).where('s.id = :id AND s.archived_at IS NULL', { id });
    if (lock) qb.setLock('pessimistic_write', undefined, ['s']);
    const found = await qb.getOne();
    return found ? this.withLinks(found, m) : null;
  }

  private async withLinks(s: StoryEntity, m?: EntityManager): Promise<LoadedStory> {
    const links = await this.linkIds([s.id], m);
    return toLoadedStory(s, links(s.id));
  }

  /** The engagement, commitment and outcome ids of the stories, in id order: one query per link table, not a join that multiplies rows. */
  private async linkIds(storyIds: string[], m?: EntityManager): Promise<(storyId: string) => StoryLinkIds> {
    const manager = m ?? this.stories.manager;
    const read = async (table: string, column: string) => {
      const rows = storyIds.length
        ? await manager
            .createQueryBuilder()
            .select('x.story_id', 'storyId')
            .addSelect(`x.${column}`, 'id')
            .from(table, 'x')
            .where('x.story_id IN (:...storyIds)', { storyIds })
            .orderBy(`x.${column}`, 'ASC')
            .getRawMany<{ storyId: string; id: string }>()
        : [];
      const byStory = new Map<string, string[]>();
      for (const r of rows) byStory.set(r.storyId, [...(byStory.get(r.storyId) ?? []), r.id]);
      return byStory;
    };
    // One after the other: inside a transaction every query shares one connection.
    const engagements = await read('story_engagements', 'engagement_id');
    const commitments = await read('story_commitments', 'commitment_id');
    const outcomes = await read('story_outcomes', 'outcome_id');
    return (id) => ({
      engagementIds: engagements.get(id) ?? [],
      commitmentIds: commitments.get(id) ?? [],
      outcomeIds: outcomes.get(id) ?? [],
    });
  }

  async insert(m: EntityManager, values: StoryInsert): Promise<string> {
    const result = await m.getRepository(StoryEntity).insert(values);
    return result.identifiers[0]['id'] as string;
  }

  /** False when `version` is stale or the story is archived. */
  update(m: EntityManager, id: string, version: number, edit: StoryEdit): Promise<boolean> {
    const confirmed = edit.confirmedById ? { confirmedById: edit.confirmedById, confirmedAt: () => 'now()' } : {};
    return updateVersioned(m, StoryEntity, id, version, { ...edit.content, sensitivity: { ...edit.answers, ...confirmed } });
  }

  /** Moves the status; publishing records who approved it and when. */
  async moveStatus(m: EntityManager, id: string, to: StoryStatus, actorId: string): Promise<void> {
    const approval = to === 'published' ? { approvedById: actorId, publishedAt: () => 'now()', figuresChangedAt: null } : {};
    await m
      .createQueryBuilder()
      .update(StoryEntity)
      .set({ status: to, ...approval })
      .where('id = :id', { id })
      .execute();
  }

  /** Back to draft with the sensitivity checklist cleared: it must be confirmed again, by a person. */
  async reopen(m: EntityManager, id: string): Promise<void> {
    await m
      .createQueryBuilder()
      .update(StoryEntity)
      .set({
        status: 'draft',
        sensitivity: {
          consentForNamedPeople: false,
          noDetailsExposingIndividuals: false,
          cityAgreedToPublication: false,
          confirmedById: null,
          confirmedAt: null,
        },
      })
      .where('id = :id', { id })
      .execute();
  }

  /** DELETE: the story is archived and leaves every list and the public page. */
  async archive(m: EntityManager, id: string): Promise<void> {
    await m
      .createQueryBuilder()
      .update(StoryEntity)
      .set({ status: 'archived', archivedAt: () => 'now()' })
      .where('id = :id', { id })
      .execute();
  }

  /** Replaces the links of each list given (a list left out keeps its links). */
  async setLinks(m: EntityManager, id: string, links: StoryLinks): Promise<void> {
    for (const link of LINK_TABLES) {
      const ids = links[link.field];
      if (!ids) continue;
      await m.createQueryBuilder().delete().from(link.table).where('story_id = :id', { id }).execute();
      if (!ids.length) continue;
      await m
        .createQueryBuilder()
        .insert()
        .into(link.table, ['story_id', link.column])
        .values(unique(ids).map((other) => ({ story_id: id, [link.column]: other })))
        .execute();
    }
  }

  /* ----------------------------- language versions ----------------------------- */

  /** The live story `id` as an original to translate: its hub, the original it translates, and its cities. */
  async findOriginal(m: EntityManager, id: string): Promise<{ id: string; hubId: string; translationOfId: string | null } | null> {
    return m
      .getRepository(StoryEntity)
      .createQueryBuilder('s')
      .select(['s.id', 's.hubId', 's.translationOfId'])
      .where('s.id = :id AND s.archived_at IS NULL', { id })
      .getOne();
  }

  async cityIdsOf(m: EntityManager, storyId: string): Promise<string[]> {
    const rows = await m
      .createQueryBuilder()
      .select('x.city_id', 'id')
      .from('story_cities', 'x')
      .where('x.story_id = :storyId', { storyId })
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** True when the family of `root` already has a live version in `language` (other than `except`). */
  async hasVersionIn(m: EntityManager, root: string, language: Language, except: string | null): Promise<boolean> {
    const qb = m
      .getRepository(StoryEntity)
      .createQueryBuilder('s')
      .where('(s.id = :root OR s.translation_of_id = :root) AND s.language = :language AND s.archived_at IS NULL', { root, language });
    if (except) qb.andWhere('s.id <> :except', { except });
    return qb.getExists();
  }

  /**
   * Each story's family of language versions (the original and every story translating it, the story
   * itself left out), by language. One query for all the stories given.
   */
  async translationsOf(
    m: EntityManager | undefined,
    stories: readonly Pick<StoryListItem, 'id' | 'translationOf'>[],
  ): Promise<Map<string, StoryTranslationRef[]>> {
    const rootOf = (s: { id: string; translationOf: string | null }) => s.translationOf ?? s.id;
    const roots = unique(stories.map(rootOf));
    const family = roots.length
      ? await this.repo(m)
          .createQueryBuilder('s')
          .select(['s.id', 's.language', 's.status', 's.title', 's.translationOfId'])
          .where('(s.id IN (:...roots) OR s.translation_of_id IN (:...roots)) AND s.archived_at IS NULL', { roots })
          .orderBy('s.language', 'ASC')
          .addOrderBy('s.id', 'ASC')
          .getMany()
      : [];
    return new Map(
      stories.map((s) => {
        const root = rootOf(s);
        const versions = family.filter((v) => (v.id === root || v.translationOfId === root) && v.id !== s.id);
        return [s.id, versions.map((v) => ({ id: v.id, language: v.language, status: v.status, title: v.title }))];
      }),
    );
  }
}
