import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { In, IsNull, type EntityManager } from 'typeorm';
import type { Language, Ref, StoryDraftSource, StoryFigure, StoryFigureWordings } from '@impact/contracts';
import { CityEntity } from '../cities/city.entity';
import { CommitmentEntity } from '../commitments/commitment.entity';
import { EngagementEntity } from '../engagements/engagement.entity';
import { FollowUpEntity } from '../follow-ups/follow-up.entity';
import { HubEntity } from '../hubs/hub.entity';
import { OutcomeEntity } from '../outcomes/outcome.entity';
import { PartnerEntity } from '../partners/partner.entity';
import { UserEntity } from '../users/user.entity';
import type { StoryCity } from './story.mapper';
import type { StoryLinkField } from './stories.repository';

/** An engagement as a draft tells it, with the city that hosted it. */
export type DraftEngagement = StoryDraftSource['engagements'][number] & { hostCityId: string | null };

/** The records a story may link to, by the request field that carries them. */
const LINK_TARGETS = {
  cityIds: CityEntity,
  engagementIds: EngagementEntity,
  commitmentIds: CommitmentEntity,
  outcomeIds: OutcomeEntity,
} as const;

/**
 * Typed reads of the records a story links to or is drafted from, in other domains' tables, through
 * their TypeORM entities. Each method stands in for a method of that domain's repository; when the
 * domain exports one, the stories services can call it instead and the method here goes.
 */
@Injectable()
export class StorySourcesRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The fields among `links` whose ids do not all name live records. */
  async missingLinks(m: EntityManager, links: Partial<Record<StoryLinkField, readonly string[] | undefined>>): Promise<StoryLinkField[]> {
    const missing: StoryLinkField[] = [];
    for (const field of Object.keys(LINK_TARGETS) as StoryLinkField[]) {
      const ids = [...new Set(links[field] ?? [])];
      if (!ids.length) continue;
      const live = await m.getRepository(LINK_TARGETS[field]).countBy({ id: In(ids), archivedAt: IsNull() });
      if (live !== ids.length) missing.push(field);
    }
    return missing;
  }

  /** hubs: whether the hub exists (archived or not). */
  hubExists(m: EntityManager, id: string): Promise<boolean> {
    return m.getRepository(HubEntity).existsBy({ id });
  }

  /** cities: a city with its country, archived or not. */
  async city(m: EntityManager, id: string): Promise<StoryCity | null> {
    const c = await m.getRepository(CityEntity).findOne({ select: { id: true, name: true, countryCode: true }, where: { id } });
    return c ? { id: c.id, name: c.name, countryCode: c.countryCode.trim() } : null;
  }

  /** users: the names of `ids` (blanks left out). */
  async userNames(m: EntityManager, ids: readonly (string | null)[]): Promise<Map<string, string>> {
    const wanted = ids.filter((id): id is string => !!id);
    const users = wanted.length
      ? await m.getRepository(UserEntity).find({ select: { id: true, name: true }, where: { id: In(wanted) } })
      : [];
    return new Map(users.map((u) => [u.id, u.name]));
  }

  /** engagements: `ids` as references (archived or not), by start date. */
  async engagementRefs(m: EntityManager, ids: readonly string[]): Promise<Ref[]> {
    if (!ids.length) return [];
    const rows = await m
      .getRepository(EngagementEntity)
      .createQueryBuilder('e')
      .select(['e.id', 'e.title'])
      .where('e.id IN (:...ids)', { ids })
      .orderBy('e.startDate', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getMany();
    return rows.map((e) => ({ id: e.id, name: e.title }));
  }

  /** outcomes: live outcomes as figures, by date; those of `ids`, or those recorded on a commitment. */
  async figures(m: EntityManager | undefined, of: { ids: readonly string[] } | { commitmentId: string }): Promise<StoryFigure[]> {
    const qb = (m ?? this.manager)
      .getRepository(OutcomeEntity)
      .createQueryBuilder('o')
      .select(['o.id', 'o.date', 'o.type', 'o.value', 'o.unit', 'o.description'])
      .where('o.archived_at IS NULL');
    if ('ids' in of) {
      if (!of.ids.length) return [];
      qb.andWhere('o.id IN (:...ids)', { ids: of.ids });
    } else {
      qb.andWhere('o.commitment_id = :commitmentId', { commitmentId: of.commitmentId });
    }
    const rows = await qb.orderBy('o.date', 'ASC').addOrderBy('o.id', 'ASC').getMany();
    return rows.map((o) => ({ id: o.id, date: o.date, type: o.type, value: o.value, unit: o.unit, description: o.description }));
  }

  /**
   * How stories in `language` already word these outcomes (published stories first, then the latest
   * edited), so a new draft in that language says them the same way.
   */
  async figureWordings(m: EntityManager, language: Language, outcomeIds: readonly string[]): Promise<StoryFigureWordings> {
    if (!outcomeIds.length) return {};
    const rows: { outcome_id: string; wording: { unit?: string | null; description?: string } }[] = await m.query(
      `SELECT DISTINCT ON (w.key) w.key AS outcome_id, w.value AS wording
       FROM stories s, jsonb_each(s.figure_wording) w
       WHERE s.language = $1 AND s.archived_at IS NULL AND w.key = ANY($2::text[])
       ORDER BY w.key, s.status = 'published' DESC, s.updated_at DESC, s.id`,
      [language, outcomeIds],
    );
    return Object.fromEntries(
      rows
        .filter((r) => typeof r.wording?.description === 'string' && r.wording.description.trim())
        .map((r) => [r.outcome_id, { unit: r.wording.unit ?? null, description: r.wording.description as string }]),
    );
  }

  /** engagements: the live engagements that inspired a commitment, by start date, with where they took place. */
  async inspiringEngagements(m: EntityManager, commitmentId: string): Promise<DraftEngagement[]> {
    const rows = await m
      .getRepository(EngagementEntity)
      .createQueryBuilder('e')
      .select(['e.id', 'e.title', 'e.type', 'e.startDate', 'e.online', 'e.hostCityId'])
      .leftJoin('e.hostCity', 'host')
      .addSelect(['host.id', 'host.name'])
      .leftJoin('e.locationCity', 'loc')
      .addSelect(['loc.id', 'loc.name'])
      .where('e.id IN (SELECT ce.engagement_id FROM commitment_engagements ce WHERE ce.commitment_id = :commitmentId)', { commitmentId })
      .andWhere('e.archived_at IS NULL')
      .orderBy('e.startDate', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getMany();
    return rows.map((e) => ({
      id: e.id,
      title: e.title,
      type: e.type,
      startDate: e.startDate,
      hostCity: e.hostCity?.name ?? null,
      place: e.online ? 'online' : (e.locationCity?.name ?? null),
      hostCityId: e.hostCityId,
    }));
  }

  /** follow-ups: those done on a commitment, in the order they were completed. */
  async doneFollowUps(m: EntityManager, commitmentId: string): Promise<StoryDraftSource['followUps']> {
    const rows = await m
      .getRepository(FollowUpEntity)
      .createQueryBuilder('f')
      .select(['f.id', 'f.title', 'f.completedAt'])
      .where(`f.commitment_id = :commitmentId AND f.status = 'done' AND f.archived_at IS NULL`, { commitmentId })
      .orderBy('f.completedAt', 'ASC', 'NULLS LAST')
      .addOrderBy('f.id', 'ASC')
      .getMany();
    return rows.map((f) => ({ id: f.id, title: f.title, completedAt: f.completedAt ? f.completedAt.toISOString() : null }));
  }

  /** partners: the names of the live partners of a commitment and of the engagements that inspired it. */
  async partnerNames(m: EntityManager, commitmentId: string): Promise<string[]> {
    const rows = await m
      .getRepository(PartnerEntity)
      .createQueryBuilder('p')
      .select('p.name', 'name')
      .distinct(true)
      .where('p.archived_at IS NULL')
      .andWhere(
        `p.id IN (SELECT cp.partner_id FROM commitment_partners cp WHERE cp.commitment_id = :commitmentId
                  UNION SELECT ep.partner_id FROM engagement_partners ep
                          JOIN commitment_engagements ce ON ce.engagement_id = ep.engagement_id WHERE ce.commitment_id = :commitmentId)`,
        { commitmentId },
      )
      .orderBy('p.name', 'ASC')
      .getRawMany<{ name: string }>();
    return rows.map((p) => p.name);
  }
}
