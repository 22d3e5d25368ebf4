import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type {
  DashboardAtRiskCommitment,
  DashboardCommitmentWithoutStory,
  DashboardOverdueFollowUp,
  DashboardStoryCount,
  DashboardStoryFiguresChanged,
} from '@impact/contracts';
import { CityEntity } from '../cities/city.entity';
import { CommitmentEntity } from '../commitments/commitment.entity';
import { andWhereGiven } from '../common/list-query';
import { FollowUpEntity } from '../follow-ups/follow-up.entity';
import { commitmentAtRiskSql, followUpInCitiesSql, followUpOverdueSql, isoDate } from '../rules';
import { StoryEntity } from '../stories/story.entity';
import type { DashboardScope } from './dashboard-scope';

/** How many late commitments and follow-ups the at-risk panel lists. */
const AT_RISK_ROWS = 20;
/** How many achieved commitments without a story the stories panel lists. */
const WITHOUT_STORY_ROWS = 50;

/** When the commitment (alias `c`) last moved to achieved (null when the history lacks it). */
const ACHIEVED_AT = `(SELECT max(sc.at) FROM commitment_status_changes sc WHERE sc.commitment_id = c.id AND sc.to_status = 'achieved')`;

/** A live (not archived) story links the commitment (alias `c`). */
const TOLD_BY_A_LIVE_STORY = `EXISTS (SELECT 1 FROM story_commitments x JOIN stories s ON s.id = x.story_id
  WHERE x.commitment_id = c.id AND s.archived_at IS NULL AND s.status <> 'archived')`;

/** Commitments of the caller's cities (alias `c`), when the caller is a liaison. */
function andCommitmentInScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, scope: DashboardScope): SelectQueryBuilder<T> {
  return scope.kind === 'cities' ? qb.andWhere('c.city_id = ANY(:cities::uuid[])', { cities: scope.cityIds }) : qb;
}

interface WithoutStoryRow extends Omit<DashboardCommitmentWithoutStory, 'achievedAt' | 'updatedAt'> {
  achievedAt: Date | null;
  updatedAt: Date;
}

/** The dashboard's short lists: what is late, and what waits for a story. */
@Injectable()
export class DashboardListsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Commitments (alias `c`) with their city (`ci`) and owner (`u`): the columns both commitment lists start with. */
  private commitmentRows(): SelectQueryBuilder<CommitmentEntity> {
    return this.dataSource
      .getRepository(CommitmentEntity)
      .createQueryBuilder('c')
      .innerJoin('c.city', 'ci')
      .leftJoin('c.owner', 'u')
      .select('c.id', 'id')
      .addSelect('c.title', 'title')
      .addSelect('c.city_id', 'cityId')
      .addSelect('ci.name', 'cityName');
  }

  /** Live commitments at risk, earliest target date first. */
  atRiskCommitments(scope: DashboardScope, hubId: string | undefined): Promise<DashboardAtRiskCommitment[]> {
    const qb = this.commitmentRows()
      .addSelect('c.status', 'status')
      .addSelect(isoDate('c.target_date'), 'targetDate')
      .addSelect('c.owner_id', 'ownerId')
      .addSelect('u.name', 'ownerName')
      .where('c.archived_at IS NULL')
      .andWhere(commitmentAtRiskSql('c'));
    andWhereGiven(qb, hubId, 'c.hub_id = :hubId', { hubId });
    return andCommitmentInScope(qb, scope)
      .orderBy('c.target_date', 'ASC', 'NULLS LAST')
      .addOrderBy('c.id')
      .limit(AT_RISK_ROWS)
      .getRawMany();
  }

  /**
   * Live overdue follow-ups, oldest due date first, with the city they concern (the commitment's, or
   * the engagement's host or place) and the hub of their commitment or engagement.
   */
  overdueFollowUps(scope: DashboardScope, hubId: string | undefined): Promise<DashboardOverdueFollowUp[]> {
    const qb = this.dataSource
      .getRepository(FollowUpEntity)
      .createQueryBuilder('f')
      .leftJoin('f.commitment', 'c')
      .leftJoin('f.engagement', 'e')
      .leftJoin(CityEntity, 'fc', 'fc.id = COALESCE(c.city_id, e.host_city_id, e.location_city_id)')
      .leftJoin('f.owner', 'u')
      .select('f.id', 'id')
      .addSelect('f.title', 'title')
      .addSelect('fc.id', 'cityId')
      .addSelect('fc.name', 'cityName')
      .addSelect('f.commitment_id', 'commitmentId')
      .addSelect(isoDate('f.due_date'), 'dueDate')
      .addSelect('f.owner_id', 'ownerId')
      .addSelect('u.name', 'ownerName')
      .where('f.archived_at IS NULL')
      .andWhere(followUpOverdueSql('f'));
    andWhereGiven(qb, hubId, 'f.hub_id = :hubId', { hubId });
    if (scope.kind === 'cities') qb.andWhere(followUpInCitiesSql('c', 'e', ':cities'), { cities: scope.cityIds });
    return qb.orderBy('f.due_date', 'ASC').addOrderBy('f.id').limit(AT_RISK_ROWS).getRawMany();
  }

  /** Live, non-archived stories counted by category and status; a liaison's: those about its cities. */
  storyCounts(scope: DashboardScope, hubId: string | undefined): Promise<DashboardStoryCount[]> {
    const qb = this.dataSource
      .getRepository(StoryEntity)
      .createQueryBuilder('s')
      .select('s.category', 'category')
      .addSelect('s.status', 'status')
      .addSelect('count(*)::int', 'count')
      .where(`s.archived_at IS NULL AND s.status <> 'archived'`);
    andWhereGiven(qb, hubId, 's.hub_id = :hubId', { hubId });
    if (scope.kind === 'cities') {
      qb.andWhere('EXISTS (SELECT 1 FROM story_cities sc WHERE sc.story_id = s.id AND sc.city_id = ANY(:cities::uuid[]))', {
        cities: scope.cityIds,
      });
    }
    return qb.groupBy('s.category').addGroupBy('s.status').orderBy('s.category').addOrderBy('s.status').getRawMany();
  }

  /** Live stories flagged "figures changed since publication", newest change first; a liaison's: those about its cities. */
  async storiesWithChangedFigures(scope: DashboardScope, hubId: string | undefined): Promise<DashboardStoryFiguresChanged[]> {
    const qb = this.dataSource
      .getRepository(StoryEntity)
      .createQueryBuilder('s')
      .select(['s.id', 's.title', 's.figuresChangedAt'])
      .where('s.archived_at IS NULL AND s.figures_changed_at IS NOT NULL');
    andWhereGiven(qb, hubId, 's.hub_id = :hubId', { hubId });
    if (scope.kind === 'cities') {
      qb.andWhere('EXISTS (SELECT 1 FROM story_cities sc WHERE sc.story_id = s.id AND sc.city_id = ANY(:cities::uuid[]))', {
        cities: scope.cityIds,
      });
    }
    const rows = await qb.orderBy('s.figures_changed_at', 'DESC').addOrderBy('s.id', 'ASC').limit(50).getMany();
    return rows.map((s) => ({ id: s.id, title: s.title, figuresChangedAt: (s.figuresChangedAt as Date).toISOString() }));
  }

  /** Achieved live commitments that no live story links, newest achievement first. */
  async achievedWithoutStory(scope: DashboardScope, hubId: string | undefined): Promise<DashboardCommitmentWithoutStory[]> {
    const qb = this.commitmentRows()
      .addSelect('c.hub_id', 'hubId')
      .addSelect(ACHIEVED_AT, 'achievedAt')
      .addSelect('c.updated_at', 'updatedAt')
      .addSelect('u.name', 'ownerName')
      .where(`c.archived_at IS NULL AND c.status = 'achieved'`)
      .andWhere(`NOT ${TOLD_BY_A_LIVE_STORY}`);
    andWhereGiven(qb, hubId, 'c.hub_id = :hubId', { hubId });
    const rows = await andCommitmentInScope(qb, scope)
      .orderBy(`COALESCE(${ACHIEVED_AT}, c.updated_at)`, 'DESC')
      .addOrderBy('c.id')
      .limit(WITHOUT_STORY_ROWS)
      .getRawMany<WithoutStoryRow>();
    return rows.map((r) => ({
      ...r,
      achievedAt: r.achievedAt ? new Date(r.achievedAt).toISOString() : null,
      updatedAt: new Date(r.updatedAt).toISOString(),
    }));
  }
}
