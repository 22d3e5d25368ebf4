import { Injectable } from '@nestjs/common';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { SEARCH_COUNT_CAP, type SearchGroup, type SearchKind } from '@impact/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CitiesRepository } from '../cities/cities.repository';
import { CommitmentsRepository } from '../commitments/commitments.repository';
import { likePattern } from '../common/list-query';
import { EngagementsRepository } from '../engagements/engagements.repository';
import { FollowUpsRepository } from '../follow-ups/follow-ups.repository';
import { OutcomesRepository } from '../outcomes/outcomes.repository';
import { PartnersRepository } from '../partners/partners.repository';
import { StoriesRepository } from '../stories/stories.repository';

/** One matching row as every kind's query selects it. */
interface HitRow {
  id: string;
  title: string;
  subtitle: string | null;
  /** What the link is built from (a parent's id, a name), per kind. */
  ref: string | null;
}

/** What each kind searches and shows, as SQL over the alias its repository's `readable` starts from. */
interface KindSearch {
  kind: SearchKind;
  columns: readonly string[];
  /**
   * The record's searchable text as one lower-cased string, what matches are ranked by (word
   * similarity to the query). On the large tables a trigram GiST index is built on exactly this
   * expression (migration SearchRankingIndexes1766000000000): keep the two identical.
   */
  text: string;
  title: string;
  subtitle: string;
  ref: string;
  /** The web route of the record, or of the page that shows it. */
  link: (id: string, ref: string | null) => string;
}

const cityName = (column: string) => `(SELECT sc.name FROM cities sc WHERE sc.id = ${column})`;

const KINDS: Record<SearchKind, KindSearch> = {
  cities: {
    kind: 'cities',
    columns: ['c.name'],
    text: 'lower(c.name::text)',
    title: 'c.name',
    subtitle: 'c.country_code',
    ref: 'NULL',
    link: (id) => `/cities/${id}`,
  },
  engagements: {
    kind: 'engagements',
    text: `lower(e.title::text || ' ' || e.summary)`,
    columns: ['e.title', 'e.summary'],
    title: 'e.title',
    subtitle: `to_char(e.start_date, 'YYYY-MM-DD')`,
    ref: 'NULL',
    link: (id) => `/engagements/${id}`,
  },
  commitments: {
    kind: 'commitments',
    text: `lower(c.title::text || ' ' || c.description)`,
    columns: ['c.title', 'c.description'],
    title: 'c.title',
    subtitle: cityName('c.city_id'),
    ref: 'NULL',
    link: (id) => `/commitments/${id}`,
  },
  // A follow-up has no page of its own: it is shown on its commitment's or its engagement's page.
  followUps: {
    kind: 'followUps',
    text: `lower(f.title::text || ' ' || coalesce(f.note, ''))`,
    columns: ['f.title', 'f.note'],
    title: 'f.title',
    subtitle: 'COALESCE(c.title, e.title)',
    ref: `COALESCE('/commitments/' || f.commitment_id, '/engagements/' || f.engagement_id)`,
    link: (_id, ref) => ref ?? '/follow-ups',
  },
  // An outcome is shown on its commitment's page, or on its city's page when it has no commitment.
  outcomes: {
    kind: 'outcomes',
    text: `lower(o.description)`,
    columns: ['o.description'],
    title: 'left(o.description, 200)',
    subtitle: cityName('o.city_id'),
    ref: `COALESCE('/commitments/' || o.commitment_id, '/cities/' || o.city_id)`,
    link: (_id, ref) => ref ?? '/commitments',
  },
  stories: {
    kind: 'stories',
    text: `lower(s.title::text || ' ' || s.body)`,
    columns: ['s.title', 's.body'],
    title: 's.title',
    subtitle: 's.language',
    ref: 'NULL',
    link: (id) => `/story-desk/${id}`,
  },
  // The web has no partner page: the engagements list searched by the partner's name is the nearest view.
  partners: {
    kind: 'partners',
    text: `lower(p.name::text)`,
    columns: ['p.name'],
    title: 'p.name',
    subtitle: 'p.kind',
    ref: 'p.name',
    link: (_id, name) => `/engagements?q=${encodeURIComponent(name ?? '')}`,
  },
};

/**
 * The search across kinds: one search per kind, each started from the owning repository's
 * `readable(user)` (the same scope and archive rule as its list), matched with ILIKE (served by the
 * GIN trigram indexes) and ranked by the word similarity of the query to the record's text.
 *
 * Per kind, first the matches' ids, at most SEARCH_COUNT_CAP + 1 of them (the scan stops there):
 *  - up to the cap, that is the exact total, and those records alone are ranked (by id, so the
 *    match is not evaluated twice);
 *  - past it, the total is reported as a lower bound and the best matches are taken in
 *    nearest-neighbour order (`text <->> q` on the GiST index of the text), so no query ranks or
 *    counts every one of a common word's matches.
 */
@Injectable()
export class SearchRepository {
  constructor(
    private readonly cities: CitiesRepository,
    private readonly engagements: EngagementsRepository,
    private readonly commitments: CommitmentsRepository,
    private readonly followUps: FollowUpsRepository,
    private readonly outcomes: OutcomesRepository,
    private readonly stories: StoriesRepository,
    private readonly partners: PartnersRepository,
  ) {}

  search(user: AuthUser, q: string, limit: number): Promise<SearchGroup[]> {
    return Promise.all([
      this.group(() => this.cities.readable(user), KINDS.cities, q, limit),
      this.group(() => this.engagements.readable(user), KINDS.engagements, q, limit),
      this.group(() => this.commitments.readable(user), KINDS.commitments, q, limit),
      this.group(() => this.followUps.readable(user), KINDS.followUps, q, limit),
      this.group(() => this.outcomes.readable(user), KINDS.outcomes, q, limit),
      this.group(() => this.stories.readable(user), KINDS.stories, q, limit),
      this.group(() => this.partners.readable(), KINDS.partners, q, limit),
    ]);
  }

  private async group<E extends ObjectLiteral>(
    readable: () => SelectQueryBuilder<E>,
    k: KindSearch,
    q: string,
    limit: number,
  ): Promise<SearchGroup> {
    const matching = () => {
      const qb = readable();
      return qb.andWhere(`(${k.columns.map((c) => `${c} ILIKE :pattern`).join(' OR ')})`, { pattern: likePattern(q) });
    };
    const found = matching();
    const ids = (
      await found
        .select(`${found.alias}.id`, 'id')
        .limit(SEARCH_COUNT_CAP + 1)
        .getRawMany<{ id: string }>()
    ).map((r) => r.id);
    if (ids.length === 0) return { kind: k.kind, total: 0, more: false, items: [] };
    const more = ids.length > SEARCH_COUNT_CAP;
    const rows = more ? await this.nearest(matching(), k, q, limit) : await this.ranked(readable(), k, q, limit, ids);
    return {
      kind: k.kind,
      total: more ? SEARCH_COUNT_CAP : ids.length,
      more,
      items: rows.map((r) => ({ id: r.id, title: r.title, subtitle: r.subtitle, link: k.link(r.id, r.ref) })),
    };
  }

  private shown<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, k: KindSearch): SelectQueryBuilder<E> {
    return qb.select(`${qb.alias}.id`, 'id').addSelect(k.title, 'title').addSelect(k.subtitle, 'subtitle').addSelect(k.ref, 'ref');
  }

  /** The few hundred matches found, ranked: best similarity first, then by title and id. */
  private ranked<E extends ObjectLiteral>(
    qb: SelectQueryBuilder<E>,
    k: KindSearch,
    q: string,
    limit: number,
    ids: string[],
  ): Promise<HitRow[]> {
    // word_similarity, not the distance operator: this ranks the rows found by id and must not be
    // planned as a walk of the GiST index.
    return this.shown(qb, k)
      .andWhere(`${qb.alias}.id = ANY(:ids::uuid[])`, { ids })
      .orderBy(`word_similarity(:term, ${k.text})`, 'DESC')
      .addOrderBy(k.title, 'ASC')
      .addOrderBy(`${qb.alias}.id`, 'ASC')
      .setParameter('term', q)
      .limit(limit)
      .getRawMany<HitRow>();
  }

  /**
   * The best of many matches, in nearest-neighbour order of the text's GiST index. The walk is ordered
   * by the distance alone (a tie-break inside it would have to read every equally close match), and
   * the few rows taken are then put in the same order as `ranked`.
   */
  private async nearest<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, k: KindSearch, q: string, limit: number): Promise<HitRow[]> {
    const distance = `${k.text} <->> :term`;
    const [sql, params] = this.shown(qb, k)
      .addSelect(distance, 'distance')
      .orderBy(distance, 'ASC')
      .setParameter('term', q)
      .limit(limit)
      .getQueryAndParameters();
    return qb.connection.query(`SELECT * FROM (${sql}) nearest ORDER BY nearest.distance, nearest.title, nearest.id`, params);
  }
}
