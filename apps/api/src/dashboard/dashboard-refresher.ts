import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';

/** The rollups, in the order they are rebuilt. */
export const DASHBOARD_VIEWS = [
  'dashboard_engagement_days',
  'dashboard_city_activity',
  'dashboard_commitment_status',
  'dashboard_commitment_days',
  'dashboard_achievements',
  'dashboard_follow_up_due',
  'dashboard_city_follow_up_due',
] as const;

/** After a write, wait this long for more writes before rebuilding (a burst costs one refresh). */
const DEBOUNCE_MS = 2_000;
/** And rebuild anyway this often (a missed notification, another API instance's writes). */
const SAFETY_INTERVAL_MS = 10 * 60_000;

/**
 * Keeps the dashboard's materialized views fresh: once at start, a few seconds after the records
 * change (statement triggers NOTIFY `dashboard_records_changed`, see the migration), and on a timer.
 * REFRESH … CONCURRENTLY lets readers go on reading the previous figures meanwhile; the page shows
 * `refreshedAt`. One refresh runs at a time; a request during one schedules exactly one more.
 */
@Injectable()
export class DashboardRefresher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DashboardRefresher.name);
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private listener: Client | null = null;
  private closed = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh().catch((e) => this.logger.error(`Dashboard rollups could not be built at start: ${(e as Error).message}`));
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    await this.running?.catch(() => undefined);
  }

  @Interval(SAFETY_INTERVAL_MS)
  scheduled(): void {
    void this.refresh().catch((e) => this.logger.warn(`Dashboard refresh failed: ${(e as Error).message}`));
  }

  /** Rebuilds every rollup (waits for a running rebuild, then runs one more if asked meanwhile). */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          const started = Date.now();
          for (const view of DASHBOARD_VIEWS) {
            if (this.closed) return;
            await this.dataSource.query(`REFRESH MATERIALIZED VIEW CONCURRENTLY ${view}`);
          }
          await this.dataSource.query(`UPDATE dashboard_refresh SET refreshed_at = $1 WHERE id = 1`, [new Date(started)]);
          this.logger.debug?.(`Dashboard rollups rebuilt in ${Date.now() - started} ms`);
        } while (this.again && !this.closed);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** A write happened: rebuild after a quiet moment. */
  soon(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refresh().catch((e) => this.logger.warn(`Dashboard refresh failed: ${(e as Error).message}`));
    }, DEBOUNCE_MS);
    this.timer.unref();
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const url = (this.dataSource.options as { url?: string }).url;
    if (!url) return;
    const client = new Client({ connectionString: url });
    client.on('error', () => {
      // The database went away: listen again later; the timer refresh covers the gap.
      if (this.listener === client) this.listener = null;
      setTimeout(() => void this.listen().catch(() => undefined), 5_000).unref();
    });
    client.on('notification', () => this.soon());
    try {
      await client.connect();
      await client.query('LISTEN dashboard_records_changed');
      this.listener = client;
      if (this.closed) await client.end();
    } catch (e) {
      this.logger.warn(`Dashboard change listener not connected: ${(e as Error).message}`);
      await client.end().catch(() => undefined);
    }
  }
}
