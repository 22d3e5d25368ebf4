import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import type { Language, PublicStory, PublicStoryFacets, PublicStoryQuery } from '@impact/contracts';
import { DEFAULT_PAGE_SIZE } from '@impact/contracts';
import { rawRows } from '../common/statements';
import { StoryRevisionEntity } from './story-revision.entity';
import type { StorySnapshot } from './story-snapshot';

/** A revision to store: the snapshot, its filterable columns and who published it. */
export interface RevisionInsert {
  storyId: string;
  rootId: string;
  cityIds: string[];
  outcomeIds: string[];
  snapshot: StorySnapshot;
  publishedById: string | null;
}

/** The published revisions (`story_revisions`): written once at publication, read by every public view. */
@Injectable()
export class StoryRevisionsRepository {
  constructor(@InjectRepository(StoryRevisionEntity) private readonly revisions: Repository<StoryRevisionEntity>) {}

  /** Current revisions of live (not archived) stories. */
  private live(): SelectQueryBuilder<StoryRevisionEntity> {
    return this.revisions
      .createQueryBuilder('r')
      .where('r.current')
      .andWhere('EXISTS (SELECT 1 FROM stories s WHERE s.id = r.story_id AND s.archived_at IS NULL)');
  }

  /** The story's current revision, or null (never published, or archived). */
  async current(storyId: string, m?: EntityManager): Promise<StoryRevisionEntity | null> {
    const repo = m ? m.getRepository(StoryRevisionEntity) : this.revisions;
    return repo.findOne({ where: { storyId, current: true } });
  }

  /** The current published revision of a live story, or null. */
  findPublic(storyId: string): Promise<StoryRevisionEntity | null> {
    return this.live().andWhere('r.story_id = :storyId', { storyId }).getOne();
  }

  /** The public list's filters over the live revisions (alias `r`), not yet ordered. */
  private filteredPublic(q: PublicStoryQuery): SelectQueryBuilder<StoryRevisionEntity> {
    const qb = this.live();
    if (q.category) qb.andWhere('r.category = :category', { category: q.category });
    if (q.hubId) qb.andWhere('r.hub_id = :hubId', { hubId: q.hubId });
    if (q.cityId) qb.andWhere(':cityId = ANY(r.city_ids)', { cityId: q.cityId });
    if (q.language) qb.andWhere('r.language = :language', { language: q.language });
    else if (q.preferLanguage) {
      // One version per language family: the reader's language, else English, else the original.
      qb.andWhere(
        `r.story_id IN (
          SELECT DISTINCT ON (v.root_id) v.story_id
          FROM story_revisions v JOIN stories vs ON vs.id = v.story_id AND vs.archived_at IS NULL
          WHERE v.current
          ORDER BY v.root_id, v.language = :prefer DESC, v.language = 'en' DESC, v.story_id = v.root_id DESC, v.story_id)`,
        { prefer: q.preferLanguage },
      );
    }
    searchWords(q.q).forEach((word, i) =>
      qb.andWhere(`concat_ws(' ', r.title, r.snapshot ->> 'summary', r.snapshot ->> 'body') ILIKE :w${i} ESCAPE '\\'`, {
        [`w${i}`]: `%${word.replace(/[\\%_]/g, '\\$&')}%`,
      }),
    );
    return qb;
  }

  /** Newest first, then by title and story: one page of `qb`. */
  private publicOrder<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, page: number, pageSize: number): SelectQueryBuilder<T> {
    return qb
      .orderBy("r.snapshot ->> 'publishedAt'", 'DESC')
      .addOrderBy('r.title', 'ASC')
      .addOrderBy('r.story_id', 'ASC')
      .offset((page - 1) * pageSize)
      .limit(pageSize);
  }

  /** One page of the public list as revision entities, newest first, and the total (the feed). */
  async page(q: PublicStoryQuery): Promise<{ rows: StoryRevisionEntity[]; total: number; page: number; pageSize: number }> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? DEFAULT_PAGE_SIZE;
    const qb = this.filteredPublic(q);
    const [total, rows] = await Promise.all([qb.clone().getCount(), this.publicOrder(qb, page, pageSize).getMany()]);
    return { rows, total, page, pageSize };
  }

  /**
   * One page of the public list as its answer's JSON text, and the total: two statements sent together
   * whatever the page size. PostgreSQL writes each item as the API answers it (the revision's snapshot,
   * then `updatedAt`, `revision` and its published language versions, as `toPublicFromRevision` and
   * `versionsOf` give them), so the API neither parses the snapshots nor writes them out again.
   */
  async publicPageJson(q: PublicStoryQuery): Promise<{ itemsJson: string; total: number; page: number; pageSize: number }> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? DEFAULT_PAGE_SIZE;
    const qb = this.filteredPublic(q);
    // jsonb concatenation and an ISO date as JavaScript's toISOString writes it: the query builder has no words for them.
    const read = this.publicOrder(qb.clone(), page, pageSize).select(
      `(r.snapshot || jsonb_build_object(
          'updatedAt', CASE WHEN r.revision > 1 THEN to_char(r.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END,
          'revision', r.revision,
          'translations', COALESCE((SELECT jsonb_agg(jsonb_build_object('id', v.story_id, 'language', v.language, 'title', v.title) ORDER BY v.language, v.story_id)
             FROM story_revisions v
            WHERE v.current AND v.root_id = r.root_id AND v.story_id <> r.story_id
              AND EXISTS (SELECT 1 FROM stories vs WHERE vs.id = v.story_id AND vs.archived_at IS NULL)), '[]'::jsonb)))::text`,
      'item',
    );
    // Built once per shape and sent with the values bound; prepared (planned once per pooled connection) on the
    // first page without a text search, whose plan is the same for any filter value (see common/statements).
    const prepare = page === 1 && searchWords(q.q).length === 0;
    const [counted, rows] = await Promise.all([
      rawRows<{ total: number }>(qb.select('count(*)::int', 'total'), { prepare }),
      rawRows<{ item: string }>(read, { prepare }),
    ]);
    return { itemsJson: `[${rows.map((r) => r.item).join(',')}]`, total: counted[0]?.total ?? 0, page, pageSize };
  }

  /** What the public page filters by, read from the live revisions' snapshots in one statement. */
  async facets(): Promise<PublicStoryFacets> {
    const [row] = (await this.revisions.query(`
      WITH live AS (
        SELECT r.* FROM story_revisions r JOIN stories s ON s.id = r.story_id AND s.archived_at IS NULL WHERE r.current
      ),
      hubs AS (SELECT DISTINCT ON (hub_id) snapshot -> 'hub' AS hub FROM live ORDER BY hub_id, published_at DESC),
      cities AS (
        SELECT DISTINCT ON (c ->> 'id') jsonb_build_object('id', c ->> 'id', 'name', c ->> 'name', 'countryCode', c ->> 'countryCode') AS city
        FROM live, jsonb_array_elements(snapshot -> 'cities') c
        ORDER BY c ->> 'id', published_at DESC
      )
      SELECT (SELECT count(DISTINCT root_id)::int FROM live) AS stories,
             (SELECT coalesce(jsonb_agg(hub ORDER BY hub ->> 'name'), '[]') FROM hubs) AS hubs,
             (SELECT coalesce(jsonb_agg(city ORDER BY city ->> 'name'), '[]') FROM cities) AS cities,
             (SELECT coalesce(array_agg(DISTINCT language ORDER BY language), '{}') FROM live) AS languages`)) as PublicStoryFacets[];
    return {
      stories: row.stories,
      hubs: row.hubs.map((h) => ({ id: h.id, name: h.name, ...(h.names ? { names: h.names } : {}) })),
      cities: row.cities,
      languages: row.languages,
    };
  }

  /** Every live published story for the sitemap: its id and when its current revision went live, in one query. */
  sitemapEntries(): Promise<Pick<StoryRevisionEntity, 'storyId' | 'language' | 'publishedAt'>[]> {
    return this.live()
      .select(['r.storyId', 'r.language', 'r.publishedAt'])
      .orderBy('r.publishedAt', 'DESC')
      .addOrderBy('r.story_id', 'ASC')
      .getMany();
  }

  /** Published language versions of the families of `rows`, in one query. */
  async versionsOf(rows: readonly StoryRevisionEntity[]): Promise<Map<string, PublicStory['translations']>> {
    const roots = [...new Set(rows.map((r) => r.rootId))];
    const family = roots.length
      ? await this.live()
          .andWhere('r.root_id IN (:...roots)', { roots })
          .select(['r.storyId', 'r.rootId', 'r.language', 'r.title'])
          .orderBy('r.language', 'ASC')
          .addOrderBy('r.story_id', 'ASC')
          .getMany()
      : [];
    return new Map(
      rows.map((r) => [
        r.storyId,
        family
          .filter((v) => v.rootId === r.rootId && v.storyId !== r.storyId)
          .map((v) => ({ id: v.storyId, language: v.language as Language, title: v.title })),
      ]),
    );
  }

  /** Stores a new current revision (the previous one stays, no longer current); answers its number. */
  async publish(m: EntityManager, values: RevisionInsert): Promise<number> {
    const repo = m.getRepository(StoryRevisionEntity);
    const last = await repo
      .createQueryBuilder('r')
      .select('MAX(r.revision)', 'max')
      .where('r.story_id = :storyId', { storyId: values.storyId })
      .getRawOne<{ max: number | null }>();
    const revision = (last?.max ?? 0) + 1;
    await repo.update({ storyId: values.storyId, current: true }, { current: false });
    const s = values.snapshot;
    await repo.insert({
      storyId: values.storyId,
      revision,
      current: true,
      rootId: values.rootId,
      title: s.title,
      category: s.category,
      language: s.language,
      hubId: s.hub.id,
      cityIds: values.cityIds,
      outcomeIds: values.outcomeIds,
      snapshot: s,
      publishedAt: () => 'now()',
      publishedById: values.publishedById,
    });
    return revision;
  }

  /** The published revisions of a story, oldest first (for the history and the diff), without their snapshots. */
  list(storyId: string): Promise<StoryRevisionEntity[]> {
    return this.revisions.find({
      select: {
        id: true,
        storyId: true,
        revision: true,
        current: true,
        title: true,
        language: true,
        publishedAt: true,
        publishedById: true,
      },
      where: { storyId },
      order: { revision: 'ASC' },
    });
  }

  /** One revision of a story with its snapshot, or null. */
  one(storyId: string, revision: number): Promise<StoryRevisionEntity | null> {
    return this.revisions.findOne({ where: { storyId, revision } });
  }
}

/** The public answer of a revision: the snapshot, its revision number and, for a later one, when it replaced the first. */
export function toPublicFromRevision(
  r: Pick<StoryRevisionEntity, 'snapshot' | 'revision' | 'publishedAt'>,
  translations: PublicStory['translations'],
): PublicStory {
  return {
    ...r.snapshot,
    updatedAt: r.revision > 1 ? r.publishedAt.toISOString() : null,
    revision: r.revision,
    translations,
  };
}

/** The words of a public search (at most eight), each to be found somewhere in the story. */
export function searchWords(q: string | undefined): string[] {
  return (q ?? '').trim().split(/\s+/u).filter(Boolean).slice(0, 8);
}
