import { Injectable } from '@nestjs/common';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { SearchGroup, SearchKind } from '@impact/contracts';
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
  total: number;
}

/** What each kind searches and shows, as SQL over the alias its repository's `readable` starts from. */
interface KindSearch {
  kind: SearchKind;
  columns: readonly string[];
  title: string;
  subtitle: string;
  ref: string;
  /** The web route of the record, or of the page that shows it. */
  link: (id: string, ref: string | null) => string;
}

const cityName = (column: string) => `(SELECT sc.name FROM cities sc WHERE sc.id = ${column})`;

const KINDS: Record<SearchKind, KindSearch> = {
  cities: { kind: 'cities', columns: ['c.name'], title: 'c.name', subtitle: 'c.country_code', ref: 'NULL', link: (id) => `/cities/${id}` },
  engagements: {
    kind: 'engagements',
    columns: ['e.title', 'e.summary'],
    title: 'e.title',
    subtitle: `to_char(e.start_date, 'YYYY-MM-DD')`,
    ref: 'NULL',
    link: (id) => `/engagements/${id}`,
  },
  commitments: {
    kind: 'commitments',
    columns: ['c.title', 'c.description'],
    title: 'c.title',
    subtitle: cityName('c.city_id'),
    ref: 'NULL',
    link: (id) => `/commitments/${id}`,
  },
  // A follow-up has no page of its own: it is shown on its commitment's or its engagement's page.
  followUps: {
    kind: 'followUps',
    columns: ['f.title', 'f.note'],
    title: 'f.title',
    subtitle: 'COALESCE(c.title, e.title)',
    ref: `COALESCE('/commitments/' || f.commitment_id, '/engagements/' || f.engagement_id)`,
    link: (_id, ref) => ref ?? '/follow-ups',
  },
  // An outcome is shown on its commitment's page, or on its city's page when it has no commitment.
  outcomes: {
    kind: 'outcomes',
    columns: ['o.description'],
    title: 'left(o.description, 200)',
    subtitle: cityName('o.city_id'),
    ref: `COALESCE('/commitments/' || o.commitment_id, '/cities/' || o.city_id)`,
    link: (_id, ref) => ref ?? '/commitments',
  },
  stories: {
    kind: 'stories',
    columns: ['s.title', 's.body'],
    title: 's.title',
    subtitle: 's.language',
    ref: 'NULL',
    link: (id) => `/story-desk/${id}`,
  },
  // The web has no partner page: the engagements list searched by the partner's name is the nearest view.
  partners: {
    kind: 'partners',
    columns: ['p.name'],
    title: 'p.name',
    subtitle: 'p.kind',
    ref: 'p.name',
    link: (_id, name) => `/engagements?q=${encodeURIComponent(name ?? '')}`,
  },
};

/**
 * The search across kinds: one statement per kind, each started from the owning repository's
 * `readable(user)` (the same scope and archive rule as its list), matched with ILIKE (served by
 * the trigram indexes), ranked by trigram word similarity, the total counted by a window function.
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
      this.group(this.cities.readable(user), KINDS.cities, q, limit),
      this.group(this.engagements.readable(user), KINDS.engagements, q, limit),
      this.group(this.commitments.readable(user), KINDS.commitments, q, limit),
      this.group(this.followUps.readable(user), KINDS.followUps, q, limit),
      this.group(this.outcomes.readable(user), KINDS.outcomes, q, limit),
      this.group(this.stories.readable(user), KINDS.stories, q, limit),
      this.group(this.partners.readable(), KINDS.partners, q, limit),
    ]);
  }

  private async group<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, k: KindSearch, q: string, limit: number): Promise<SearchGroup> {
    const rank = `GREATEST(${k.columns.map((c) => `word_similarity(:term, ${c})`).join(', ')})`;
    const rows = await qb
      .andWhere(`(${k.columns.map((c) => `${c} ILIKE :pattern`).join(' OR ')})`, { pattern: likePattern(q), term: q })
      .select(`${qb.alias}.id`, 'id')
      .addSelect(k.title, 'title')
      .addSelect(k.subtitle, 'subtitle')
      .addSelect(k.ref, 'ref')
      .addSelect('count(*) OVER ()::int', 'total')
      .orderBy(rank, 'DESC')
      .addOrderBy(k.title, 'ASC')
      .addOrderBy(`${qb.alias}.id`, 'ASC')
      .limit(limit)
      .getRawMany<HitRow>();
    return {
      kind: k.kind,
      total: rows[0]?.total ?? 0,
      items: rows.map((r) => ({ id: r.id, title: r.title, subtitle: r.subtitle, link: k.link(r.id, r.ref) })),
    };
  }
}
