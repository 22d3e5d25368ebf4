import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { DashboardRollupsRepository } from './dashboard-rollups.repository';

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

type View = (typeof DASHBOARD_VIEWS)[number];

/** Which rollups read which table: a write refreshes only those (a follow-up's new due date skips the big views). */
export const VIEWS_OF_TABLE: Readonly<Record<string, readonly View[]>> = {
  engagements: [
    'dashboard_engagement_days',
    'dashboard_city_activity',
    'dashboard_achievements',
    'dashboard_follow_up_due',
    'dashboard_city_follow_up_due',
  ],
  engagement_cities: ['dashboard_city_activity', 'dashboard_city_follow_up_due'],
  commitments: DASHBOARD_VIEWS,
  commitment_engagements: ['dashboard_engagement_days', 'dashboard_city_activity', 'dashboard_achievements'],
  commitment_status_changes: ['dashboard_city_activity', 'dashboard_achievements'],
  follow_ups: ['dashboard_follow_up_due', 'dashboard_city_follow_up_due'],
  // Cities are joined when the figures are read; no rollup holds them.
  cities: [],
};

/** After a write, wait this long for more writes before rebuilding (a burst costs one refresh). */
const DEBOUNCE_MS = 2_000;
/** And rebuild anyway this often (a missed notification, another API instance's writes). */
const SAFETY_INTERVAL_MS = 10 * 60_000;
/**
 * A rollup another instance rebuilt more than this after we were asked already holds the change we
 * heard of (both instances hear the same NOTIFY, and a pass starts a debounce later); the margin
 * absorbs a small clock difference between the instances' machines.
 */
const CLOCK_MARGIN_MS = 1_000;

/**
 * Keeps the dashboard's materialized views fresh: once at start, a few seconds after the records
 * change (statement triggers NOTIFY `dashboard_records_changed`, see the migration), and on a timer.
 * REFRESH … CONCURRENTLY lets readers go on reading the previous figures meanwhile; the page shows
 * `refreshedAt`. It runs through the owner's refresh_dashboard_rollup(view), as the app owns no view. One refresh runs at a time; a request during one schedules exactly one more.
 * Several instances on one database take turns on an advisory lock, and each skips a rollup that
 * another rebuilt after the change it was asked about: one rebuild per change, whatever the number of instances.
 */
@Injectable()
export class DashboardRefresher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DashboardRefresher.name);
  private running: Promise<void> | null = null;
  /** Views asked for while a refresh runs (or waits), with when first asked, rebuilt by the next pass. */
  private pending = new Map<View, number>();
  private timer: NodeJS.Timeout | null = null;
  private listener: Client | null = null;
  private closed = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rollups: DashboardRollupsRepository,
  ) {}

  /**
   * Never built (a new or freshly seeded database): build before serving, so the first figures are
   * right. Built before: serve the previous figures (the page says how old) and rebuild meanwhile.
   */
  async onApplicationBootstrap(): Promise<void> {
    const builtAt = await this.rollups.refreshedAt();
    const rebuild = this.refresh().catch((e) =>
      this.logger.error(`Dashboard rollups could not be built at start: ${(e as Error).message}`),
    );
    if (!builtAt) await rebuild;
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

  /**
   * Rebuilds the given rollups (all by default). A call during a running rebuild waits for it and for
   * one more pass that covers what it asked for.
   */
  refresh(views: readonly View[] = DASHBOARD_VIEWS, askedAt = Date.now()): Promise<void> {
    for (const v of views) this.pending.set(v, Math.min(this.pending.get(v) ?? askedAt, askedAt));
    if (this.running) return this.running;
    // Nothing to do: no pass (one that never awaits would end before `running` is even set).
    if (!this.pending.size) return Promise.resolve();
    this.running = (async () => {
      try {
        while (this.pending.size && !this.closed) {
          const asked = new Map(this.pending);
          this.pending.clear();
          // One transaction: readers see the new figures of every view and their time together, never
          // some views rebuilt and the old time (readers are not blocked meanwhile).
          const done = await this.dataSource.transaction(async (manager) => {
            await this.rollups.takeTurn(manager);
            const started = Date.now();
            const built = await this.rollups.viewsBuiltAt(manager);
            const batch = DASHBOARD_VIEWS.filter((v) => asked.has(v) && !((built[v] ?? 0) > (asked.get(v) ?? 0) + CLOCK_MARGIN_MS));
            for (const view of batch) {
              if (this.closed) return false;
              // REFRESH needs the owner; the app may only call the owner's function that does exactly this.
              await this.rollups.rebuild(manager, view);
            }
            // The figures are as fresh as the records at the start of this pass.
            if (batch.length) await this.rollups.setRefreshedAt(manager, new Date(started), batch);
            this.logger.debug?.(
              batch.length
                ? `Dashboard rollups ${batch.join(', ')} rebuilt in ${Date.now() - started} ms`
                : 'Dashboard rollups already rebuilt by another instance',
            );
            return true;
          });
          if (!done) return;
        }
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Views a write touched, with when first touched, waiting for the quiet moment. */
  private dirty = new Map<View, number>();

  /** Resolves when the pass under way, if any, has ended. */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** A write to `table` happened: rebuild what reads it after a quiet moment. */
  soon(table?: string): void {
    if (this.closed) return;
    const now = Date.now();
    for (const v of table && table in VIEWS_OF_TABLE ? VIEWS_OF_TABLE[table] : DASHBOARD_VIEWS) {
      if (!this.dirty.has(v)) this.dirty.set(v, now);
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const views = [...this.dirty.keys()];
      const askedAt = Math.min(...this.dirty.values());
      this.dirty.clear();
      if (views.length)
        void this.refresh(views, askedAt).catch((e) => this.logger.warn(`Dashboard refresh failed: ${(e as Error).message}`));
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
    client.on('notification', (n) => this.soon(n.payload));
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
