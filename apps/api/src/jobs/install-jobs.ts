import PgBoss from 'pg-boss';
import { JOB_QUEUES, JOBS_SCHEMA } from './queues';

/**
 * Run as the schema owner at start (and for the test templates): installs or migrates pg-boss's
 * schema and creates every queue of JOB_QUEUES that is missing (updating the policy of those that
 * exist). Idempotent; two instances starting together are serialized by pg-boss's own advisory lock.
 */
export async function installJobs(ownerUrl: string, queues: readonly PgBoss.Queue[] = JOB_QUEUES): Promise<void> {
  const boss = new PgBoss({ connectionString: ownerUrl, schema: JOBS_SCHEMA, max: 2, migrate: true, supervise: false, schedule: false });
  boss.on('error', () => undefined); // start() rejects on what matters here
  await boss.start();
  try {
    for (const queue of queues) {
      if (await boss.getQueue(queue.name)) await boss.updateQueue(queue.name, queue);
      else await boss.createQueue(queue.name, queue);
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
