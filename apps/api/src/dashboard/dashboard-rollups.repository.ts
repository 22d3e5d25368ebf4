import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DASHBOARD_ADVANCE_FUNCTION, DASHBOARD_FOLD_FUNCTION, DASHBOARD_REFRESH_FUNCTION } from '../database/roles';

/** How many touched keys a fold brought up to date, per rollup (rollups with none are left out). */
export type FoldResult = Record<string, number>;

/**
 * The statements of the rollups' upkeep. Raw SQL: the rollups are written only by the owner's
 * SECURITY DEFINER functions (fold the touched keys, rebuild one whole), and `dashboard_refresh` is a
 * one-row table no entity describes.
 */
@Injectable()
export class DashboardRollupsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** When the rollups were last brought up to date; null when never (or when the table cannot be read yet). */
  async refreshedAt(): Promise<Date | null> {
    const rows: { refreshed_at: Date | null }[] = await this.dataSource
      .query(`SELECT refreshed_at FROM dashboard_refresh WHERE id = 1`)
      .catch(() => []);
    return rows[0]?.refreshed_at ?? null;
  }

  /** Rebuilds one rollup whole; the app owns no rollup, so only the owner's function may. */
  async rebuild(m: EntityManager, view: string): Promise<void> {
    await m.query(`SELECT ${DASHBOARD_REFRESH_FUNCTION}($1)`, [view]);
  }

  /** Brings the rows of the keys written since the last fold up to date, in this transaction. */
  async fold(m: EntityManager): Promise<FoldResult> {
    const rows: { folded: FoldResult }[] = await m.query(`SELECT ${DASHBOARD_FOLD_FUNCTION}() AS folded`);
    return rows[0]?.folded ?? {};
  }

  /**
   * Moves the day the pre-folded totals count "overdue" and "at risk" as of to today (nothing when it
   * is today already; readers add the days between meanwhile), in this transaction.
   */
  async advanceTotals(m: EntityManager): Promise<void> {
    await m.query(`SELECT ${DASHBOARD_ADVANCE_FUNCTION}()`);
  }

  /** Waits for any other instance's fold or rebuild to end; held until this transaction ends. */
  async takeTurn(m: EntityManager): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('impact-tracker:dashboard-refresh'))`);
  }

  /** When each rollup was last rebuilt whole (ms since the epoch), by whichever instance. */
  async viewsRebuiltAt(m: EntityManager): Promise<Record<string, number>> {
    const rows: { rebuilt: Record<string, string> }[] = await m.query(`SELECT rebuilt FROM dashboard_refresh WHERE id = 1`);
    return Object.fromEntries(Object.entries(rows[0]?.rebuilt ?? {}).map(([view, at]) => [view, Date.parse(at)]));
  }

  /**
   * Records, in the transaction that did the work, that every rollup is up to date with the records
   * as they were at `at` (`views`: each rollup's time), and which of them were rebuilt whole then.
   */
  async setRefreshedAt(m: EntityManager, at: Date, views: readonly string[], rebuilt: readonly string[] = []): Promise<void> {
    await m.query(
      `UPDATE dashboard_refresh SET refreshed_at = $1,
         views = views || COALESCE((SELECT jsonb_object_agg(v, to_jsonb($1::timestamptz)) FROM unnest($2::text[]) AS v), '{}'::jsonb),
         rebuilt = rebuilt || COALESCE((SELECT jsonb_object_agg(v, to_jsonb($1::timestamptz)) FROM unnest($3::text[]) AS v), '{}'::jsonb)
       WHERE id = 1`,
      [at, views, rebuilt],
    );
  }
}
