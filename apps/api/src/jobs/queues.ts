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
];

export type JobQueueName = (typeof JOB_QUEUES)[number]['name'];
