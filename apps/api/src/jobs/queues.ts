import type PgBoss from 'pg-boss';

/** pg-boss keeps its tables in a schema of its own, created and migrated by the schema owner. */
export const JOBS_SCHEMA = 'pgboss';

/**
 * Every queue the app uses, with its retry policy. Queues are created by the schema owner at start
 * (creating one creates a table), so the app role never needs CREATE: add a queue here, not at run time.
 */
export const JOB_QUEUES: readonly PgBoss.Queue[] = [
  /** A self-check: the jobs integration test sends and works it as the app role. */
  { name: 'jobs-probe', retryLimit: 2, retryDelay: 1, retryBackoff: false },
  /**
   * One outbox mail to send (data: the outbox id). Retries with backoff (30 s, 1, 2, 4, 8 min); a job
   * whose worker died expires after 2 minutes and is retried, and the outbox row's claim keeps two
   * senders off the same mail.
   */
  { name: 'mail-send', retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 },
  /** The daily reminder rules (data: `{ asOf? }`), fired by the schedule at REMINDER_HOUR. */
  { name: 'reminders-daily', retryLimit: 3, retryDelay: 300, retryBackoff: true, expireInSeconds: 900 },
  /**
   * A password-reset request (data: the address as typed). Answering after only this insert, whether
   * or not the address has an account, keeps the answer's timing from telling which addresses exist.
   */
  { name: 'password-reset', retryLimit: 2, retryDelay: 10, retryBackoff: true, expireInSeconds: 120 },
  /**
   * One uploaded spreadsheet to import (data: the import id and the file's path). The run catches its own
   * failures and records them; a worker that died is retried once after the run expires (its writes
   * rolled back with its transaction).
   */
  { name: 'import-run', retryLimit: 1, retryDelay: 5, retryBackoff: false, expireInSeconds: 3_600 },
];

export type JobQueueName = (typeof JOB_QUEUES)[number]['name'];
