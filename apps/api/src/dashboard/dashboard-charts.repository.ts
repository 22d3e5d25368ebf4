import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { CommitmentStatus, DashboardFilters, DashboardGraphEdge, DashboardGraphNode, DashboardMapCity } from '@impact/contracts';
import { CityEntity } from '../cities/city.entity';
import { CommitmentEntity } from '../commitments/commitment.entity';
import { andWhereGiven } from '../common/list-query';
import { engagementInCitiesSql, inRange, statusOfRank, statusRankSql, utcDay } from '../rules';
import type { DashboardScope } from './dashboard-scope';
import { bindNamed, placeholder } from './named-sql';

export type TrendSeries = 'engagements' | 'newCommitments' | 'achieved';

/** One series' count in one month (`YYYY-MM`); months without any are absent. */
export interface TrendRow {
  month: string;
  series: TrendSeries;
  n: number;
}

interface MapRow {
  id: string;
  name: string;
  country_code: string;
  hub_id: string;
  latitude: number;
  longitude: number;
  engagements: number;
  r: number | null;
}

/** The most edges the graph draws (the strongest). */
const GRAPH_EDGES = 300;

const month = (column: string) => `to_char(${column}, 'YYYY-MM')`;

/** Trends, the map and the peer-learning graph. */
@Injectable()
export class DashboardChartsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Engagements, new commitments and achievements per month. Raw SQL: three monthly rollups in one
   * UNION ALL (the network from the materialized views, a liaison's cities from the records).
   */
  async trendRows(scope: DashboardScope, f: DashboardFilters): Promise<TrendRow[]> {
    const from = placeholder('from', f.from);
    const to = placeholder('to', f.to);
    const hubOf = (a: string) => (f.hubId ? `${a}.hub_id = :hubId::uuid` : 'TRUE');
    const sql =
      scope.kind === 'all'
        ? `SELECT ${month('t.day')} AS month, 'engagements' AS series, sum(t.engagements)::int AS n FROM dashboard_engagement_days t
            WHERE ${hubOf('t')} AND ${inRange('t.day', from, to)} GROUP BY 1
           UNION ALL
           SELECT ${month('t.day')}, 'newCommitments', sum(t.commitments)::int FROM dashboard_commitment_days t
            WHERE ${hubOf('t')} AND ${inRange('t.day', from, to)} GROUP BY 1
           UNION ALL
           SELECT ${month('a.achieved_on')}, 'achieved', count(*)::int FROM dashboard_achievements a
            WHERE ${hubOf('a')} AND a.achieved_on IS NOT NULL AND ${inRange('a.achieved_on', from, to)} GROUP BY 1`
        : `SELECT ${month('e.start_date')} AS month, 'engagements' AS series, count(*)::int AS n FROM engagements e
            WHERE e.archived_at IS NULL AND ${hubOf('e')} AND ${inRange('e.start_date', from, to)} AND ${engagementInCitiesSql('e', ':cities')} GROUP BY 1
           UNION ALL
           SELECT ${month(utcDay('c.created_at'))}, 'newCommitments', count(*)::int FROM commitments c
            WHERE c.archived_at IS NULL AND ${hubOf('c')} AND c.city_id = ANY(:cities::uuid[]) AND ${inRange(utcDay('c.created_at'), from, to)} GROUP BY 1
           UNION ALL
           SELECT ${month('a.achieved_on')}, 'achieved', count(*)::int FROM dashboard_achievements a
            WHERE ${hubOf('a')} AND a.city_id = ANY(:cities::uuid[]) AND a.achieved_on IS NOT NULL AND ${inRange('a.achieved_on', from, to)} GROUP BY 1`;
    const [text, values] = bindNamed(this.dataSource, sql, { ...f, cities: scope.kind === 'cities' ? scope.cityIds : undefined });
    return this.dataSource.query(text, values);
  }

  /**
   * Cities with coordinates: engagements in the range and the furthest status of their live
   * commitments. Raw SQL: a per-city rollup and a per-city max joined to the cities.
   */
  async mapCities(scope: DashboardScope, f: DashboardFilters): Promise<DashboardMapCity[]> {
    const conds = ['c.archived_at IS NULL', 'c.latitude IS NOT NULL', 'c.longitude IS NOT NULL'];
    if (f.hubId) conds.push('c.hub_id = :hubId::uuid');
    if (scope.kind === 'cities') conds.push('c.id = ANY(:cities::uuid[])');
    const sql = `WITH eng AS (SELECT city_id, sum(engagements)::int AS n FROM dashboard_city_activity
                               WHERE ${inRange('day', placeholder('from', f.from), placeholder('to', f.to))} GROUP BY city_id),
                      rank AS (SELECT city_id, max(${statusRankSql('status')}) AS r FROM commitments WHERE archived_at IS NULL GROUP BY city_id)
                 SELECT c.id, c.name, c.country_code, c.hub_id, c.latitude, c.longitude, COALESCE(eng.n, 0) AS engagements, rank.r
                   FROM cities c LEFT JOIN eng ON eng.city_id = c.id LEFT JOIN rank ON rank.city_id = c.id
                  WHERE ${conds.join(' AND ')} ORDER BY c.name, c.id`;
    const [text, values] = bindNamed(this.dataSource, sql, { ...f, cities: scope.kind === 'cities' ? scope.cityIds : undefined });
    const rows: MapRow[] = await this.dataSource.query(text, values);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      countryCode: r.country_code,
      hubId: r.hub_id,
      latitude: Number(r.latitude),
      longitude: Number(r.longitude),
      engagements: Number(r.engagements),
      furthestStatus: statusOfRank(r.r === null ? null : Number(r.r)) as CommitmentStatus | null,
    }));
  }

  /**
   * Peer learning: from the host city of a live engagement started in the range to each other city
   * whose live commitment it inspired, weighted by commitments; the strongest edges.
   */
  graphEdges(scope: DashboardScope, f: DashboardFilters): Promise<DashboardGraphEdge[]> {
    const qb = this.dataSource
      .getRepository(CommitmentEntity)
      .createQueryBuilder('c')
      .innerJoin('c.inspiredBy', 'e')
      .innerJoin(CityEntity, 'hc', 'hc.id = e.host_city_id')
      .select('e.host_city_id', 'source')
      .addSelect('c.city_id', 'target')
      .addSelect('count(DISTINCT c.id)::int', 'weight')
      .where('e.archived_at IS NULL AND c.archived_at IS NULL AND e.host_city_id IS NOT NULL AND e.host_city_id <> c.city_id')
      .andWhere(inRange('e.start_date', placeholder('from', f.from), placeholder('to', f.to)), { from: f.from, to: f.to });
    andWhereGiven(qb, f.hubId, '(c.hub_id = :hubId OR hc.hub_id = :hubId)', { hubId: f.hubId });
    if (scope.kind === 'cities') qb.andWhere('c.city_id = ANY(:cities::uuid[])', { cities: scope.cityIds });
    return qb
      .groupBy('e.host_city_id')
      .addGroupBy('c.city_id')
      .orderBy('weight', 'DESC')
      .addOrderBy('source')
      .addOrderBy('target')
      .limit(GRAPH_EDGES)
      .getRawMany<DashboardGraphEdge>();
  }

  /** The graph's nodes: the cities of `ids` (archived or not: an edge may end at one), by name. */
  async graphNodes(ids: string[]): Promise<DashboardGraphNode[]> {
    if (!ids.length) return [];
    const cities = await this.dataSource
      .getRepository(CityEntity)
      .createQueryBuilder('c')
      .select(['c.id', 'c.name', 'c.hubId'])
      .where('c.id IN (:...ids)', { ids })
      .orderBy('c.name')
      .addOrderBy('c.id')
      .getMany();
    return cities.map((c) => ({ id: c.id, name: c.name, hubId: c.hubId }));
  }
}
