import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { DashboardRollupsRepository, type FoldResult } from './dashboard-rollups.repository';
import { DASHBOARD_VIEWS, type DashboardView } from './rollups';

export { DASHBOARD_VIEWS } from './rollups';

type View = DashboardView;

/** After a write, fold this much later (the writes of a burst meanwhile share that fold; never postponed further). */
const DEBOUNCE_MS = 200;
/** And fold anyway this often: a missed notification (the listener reconnecting) costs at most this. */
const FOLD_INTERVAL_MS = 30_000;
/** The safety pass: every rollup rebuilt whole this often, whatever the folds did. */
const SAFETY_INTERVAL_MS = 24 * 3_600_000;
/**
 * A rollup another instance rebuilt whole more than this after we were asked already holds what we
 * were asked for; the margin absorbs a small clock difference between the instances' machines.
 */
const CLOCK_MARGIN_MS = 1_000;

/**
 * Keeps the dashboard's rollups fresh. Every write notes, in its own transaction, the keys (days,
 * hubs, cities, commitments) of the rollup rows it touches (statement triggers, see the migration) and
 * NOTIFYs `dashboard_records_changed`; a moment later this folds them: the owner's
 * fold_dashboard_rollups() recomputes only those rows, in one transaction, so readers see the previous
 * figures or the new ones, never half (the per-hub totals the rollups' triggers keep move with them,
 * and each fold moves the day those totals judge "overdue" and "at risk" by to today). A fold also
 * runs on a timer, and every rollup is rebuilt whole when the database has never built them (before
 * serving) and once a day as a safety pass.
 * Several instances on one database take turns on an advisory lock; a fold takes the keys it folds, so
 * the next instance finds none left: each change is folded once, whatever the number of instances.
 */
@Injectable()
export class DashboardRefresher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DashboardRefresher.name);
  private running: Promise<void> | null = null;
  /** Views asked for while a rebuild runs (or waits), with when first asked, rebuilt by the next pass. */
  private pending = new Map<View, number>();
  /** The fold under way, and the one queued behind it (a call meanwhile shares the queued one). */
  private folding: Promise<unknown> | null = null;
  private queued: Promise<FoldResult> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private listener: Client | null = null;
  private closed = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rollups: DashboardRollupsRepository,
  ) {}

  /**
   * Never built (a new or freshly seeded database): build whole before serving, so the first figures
   * are right. Built before: fold what was written meanwhile.
   */
  async onApplicationBootstrap(): Promise<void> {
    const builtAt = await this.rollups.refreshedAt();
    if (!builtAt) {
      await this.refresh().catch((e) => this.logger.error(`Dashboard rollups could not be built at start: ${(e as Error).message}`));
    } else {
      void this.fold().catch((e) => this.logger.warn(`Dashboard fold failed: ${(e as Error).message}`));
    }
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    await this.idle().catch(() => undefined);
  }

  @Interval(FOLD_INTERVAL_MS)
  folded(): void {
    void this.fold().catch((e) => this.logger.warn(`Dashboard fold failed: ${(e as Error).message}`));
  }

  @Interval(SAFETY_INTERVAL_MS)
  scheduled(): void {
    void this.refresh().catch((e) => this.logger.warn(`Dashboard rebuild failed: ${(e as Error).message}`));
  }

  /**
   * Brings the rollups up to date with every write committed before the call: the rows of the keys
   * written since the last fold, by this instance or another. Resolves with what this fold did.
   */
  fold(): Promise<FoldResult> {
    if (this.closed) return Promise.resolve({});
    if (this.queued) return this.queued;
    const next = (this.folding ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.foldOnce();
      });
    this.queued = next;
    const current: Promise<unknown> = next
      .catch(() => undefined)
      .finally(() => {
        if (this.folding === current) this.folding = null;
      });
    this.folding = current;
    return next;
  }

  private async foldOnce(): Promise<FoldResult> {
    if (this.closed) return {};
    return this.dataSource.transaction(async (manager) => {
      await this.rollups.takeTurn(manager);
      // Every rollup then holds the records as they were when the fold began.
      const started = new Date();
      const folded = await this.rollups.fold(manager);
      await this.rollups.advanceTotals(manager);
      await this.rollups.setRefreshedAt(manager, started, DASHBOARD_VIEWS);
      if (Object.keys(folded).length) this.logger.debug?.(`Dashboard rollups folded ${JSON.stringify(folded)}`);
      return folded;
    });
  }

  /**
   * Rebuilds the given rollups whole (all by default), after folding the rest. A call during a running
   * rebuild waits for it and for one more pass that covers what it asked for.
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
          // One transaction: readers see the new figures of every rollup and their time together.
          const done = await this.dataSource.transaction(async (manager) => {
            await this.rollups.takeTurn(manager);
            const started = new Date();
            const rebuilt = await this.rollups.viewsRebuiltAt(manager);
            const batch = DASHBOARD_VIEWS.filter((v) => asked.has(v) && !((rebuilt[v] ?? 0) > (asked.get(v) ?? 0) + CLOCK_MARGIN_MS));
            // The rollups not rebuilt are brought up to date too, so the time recorded holds for all.
            await this.rollups.fold(manager);
            for (const view of batch) {
              if (this.closed) return false;
              await this.rollups.rebuild(manager, view);
            }
            await this.rollups.advanceTotals(manager);
            await this.rollups.setRefreshedAt(manager, started, DASHBOARD_VIEWS, batch);
            this.logger.debug?.(
              batch.length
                ? `Dashboard rollups ${batch.join(', ')} rebuilt in ${Date.now() - started.getTime()} ms`
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

  /** Resolves when the rebuild and the folds under way, if any, have ended. */
  async idle(): Promise<void> {
    await Promise.all([this.running, this.folding].map((p) => p?.catch(() => undefined)));
  }

  /** A write happened: fold a moment later (a fold is already due: that one covers it). */
  soon(): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.fold().catch((e) => this.logger.warn(`Dashboard fold failed: ${(e as Error).message}`));
    }, DEBOUNCE_MS);
    this.timer.unref();
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const url = (this.dataSource.options as { url?: string }).url;
    if (!url) return;
    const client = new Client({ connectionString: url });
    client.on('error', () => {
      // The database went away: listen again later; the timer fold covers the gap.
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
