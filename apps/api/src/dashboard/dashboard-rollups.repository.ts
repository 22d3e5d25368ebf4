import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DASHBOARD_REFRESH_FUNCTION } from '../database/roles';

/**
 * The statements of the rollups' upkeep. Raw SQL: REFRESH MATERIALIZED VIEW runs through the owner's
 * SECURITY DEFINER function, and `dashboard_refresh` is a one-row table no entity describes.
 */
@Injectable()
export class DashboardRollupsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** When the rollups were last rebuilt; null when never (or when the table cannot be read yet). */
  async refreshedAt(): Promise<Date | null> {
    const rows: { refreshed_at: Date | null }[] = await this.dataSource
      .query(`SELECT refreshed_at FROM dashboard_refresh WHERE id = 1`)
      .catch(() => []);
    return rows[0]?.refreshed_at ?? null;
  }

  /** Rebuilds one rollup (REFRESH … CONCURRENTLY); the app owns no view, so only the owner's function may. */
  async rebuild(m: EntityManager, view: string): Promise<void> {
    await m.query(`SELECT ${DASHBOARD_REFRESH_FUNCTION}($1)`, [view]);
  }

  /** Waits for any other instance's rebuild to end; held until this transaction ends. */
  async takeTurn(m: EntityManager): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('impact-tracker:dashboard-refresh'))`);
  }

  /** When each rollup was last rebuilt (ms since the epoch), by whichever instance. */
  async viewsBuiltAt(m: EntityManager): Promise<Record<string, number>> {
    const rows: { views: Record<string, string> }[] = await m.query(`SELECT views FROM dashboard_refresh WHERE id = 1`);
    return Object.fromEntries(Object.entries(rows[0]?.views ?? {}).map(([view, at]) => [view, Date.parse(at)]));
  }

  /** Records how fresh the rollups are, and which were rebuilt (in the transaction that rebuilt them). */
  async setRefreshedAt(m: EntityManager, at: Date, views: readonly string[]): Promise<void> {
    await m.query(
      `UPDATE dashboard_refresh SET refreshed_at = $1,
         views = views || (SELECT jsonb_object_agg(v, to_jsonb($1::timestamptz)) FROM unnest($2::text[]) AS v)
       WHERE id = 1`,
      [at, views],
    );
  }
}
