import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import type { Pool } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { JOBS_SCHEMA, type JobQueueName } from './queues';

type Handler<T> = (job: PgBoss.Job<T>) => Promise<unknown>;

/** pg-boss's way into a database: here, the app's own pool, or the caller's transaction. */
const overPool = (pool: Pool): PgBoss.Db => ({ executeSql: (text, values) => pool.query(text, values) });

/** A `db` for pg-boss that runs inside the caller's TypeORM transaction, so a job commits with the change. */
export function inTransaction(manager: EntityManager): PgBoss.Db {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('inTransaction needs the EntityManager of a transaction');
  return { executeSql: async (text, values) => ({ rows: (await runner.query(text, values, true)).records as unknown[] }) };
}

/**
 * Durable jobs on the app's PostgreSQL (pg-boss 10, the last line for Node 20): jobs survive restarts,
 * each is worked once even with several app instances on one database, failures retry with the
 * queue's policy, and schedules (cron) fire once per tick across instances. pg-boss shares the app's
 * connection pool and runs as the app role; its schema and queues are installed by the owner
 * (install-jobs.ts), so `migrate` is off here and a missing install stops the start.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly boss: PgBoss;
  private readonly workers: { queue: JobQueueName; handler: Handler<unknown>; options: PgBoss.WorkOptions }[] = [];
  private readonly schedules: { queue: JobQueueName; cron: string; data: object }[] = [];
  private started = false;

  constructor(@InjectDataSource() dataSource: DataSource) {
    const pool = (dataSource.driver as unknown as { master: Pool }).master;
    this.boss = new PgBoss({ db: overPool(pool), schema: JOBS_SCHEMA, migrate: false, supervise: true, schedule: true });
    this.boss.on('error', (e) => this.logger.error({ err: { message: e.message } }, 'job runner error'));
  }

  /** Registers a worker; it starts with the app (or at once if the app has started). */
  async work<T extends object>(queue: JobQueueName, handler: Handler<T>, options: PgBoss.WorkOptions = {}): Promise<void> {
    const entry = { queue, handler: handler as Handler<unknown>, options: { batchSize: 1, pollingIntervalSeconds: 2, ...options } };
    this.workers.push(entry);
    if (this.started) await this.startWorker(entry);
  }

  /** A cron schedule (UTC) that sends `data` to `queue`; fires once per tick across all instances. */
  async schedule(queue: JobQueueName, cron: string, data: object = {}): Promise<void> {
    this.schedules.push({ queue, cron, data });
    if (this.started) await this.boss.schedule(queue, cron, data, { tz: 'UTC' });
  }

  /** Sends a job now; with `manager` (a transaction's), the job exists only if the transaction commits. */
  send(queue: JobQueueName, data: object, options: PgBoss.SendOptions = {}, manager?: EntityManager): Promise<string | null> {
    return this.boss.send(queue, data, manager ? { ...options, db: inTransaction(manager) } : options);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.boss.start();
    this.started = true;
    for (const s of this.schedules) await this.boss.schedule(s.queue, s.cron, s.data, { tz: 'UTC' });
    for (const w of this.workers) await this.startWorker(w);
  }

  private async startWorker(w: (typeof this.workers)[number]): Promise<void> {
    await this.boss.work(w.queue, { ...w.options, batchSize: 1 }, async ([job]) => w.handler(job));
  }

  async onModuleDestroy(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    // Not graceful past a few seconds: a job cut short is retried, never lost.
    await this.boss.stop({ graceful: true, timeout: 5_000, wait: true, close: false });
  }

  /** For tests and admin views: a job's state. */
  getJob<T extends object>(queue: JobQueueName, id: string): Promise<PgBoss.JobWithMetadata<T> | null> {
    return this.boss.getJobById(queue, id);
  }
}
