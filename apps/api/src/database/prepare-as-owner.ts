import { DataSource } from 'typeorm';
import type { AppConfig } from '../config';
import { installJobs } from '../jobs/install-jobs';
import { dataSourceOptions } from './data-source-options';
import { prepareDatabase, type PrepareResult } from './prepare-database';
import { DatabaseRoleError, grantAppPrivileges, roleOfUrl, type GrantResult } from './roles';

export interface DatabaseConnections {
  /** What the app serves requests with (DATABASE_URL, or the embedded app role). */
  appUrl: string;
  /** The schema owner (MIGRATION_DATABASE_URL, or the embedded owner role); null: the app's own URL. */
  ownerUrl: string | null;
}

export interface OwnerPrepareResult extends PrepareResult {
  /** Null when migrations ran on the app's own connection (no second role to grant to). */
  grants: GrantResult | null;
}

/**
 * Opens a short-lived connection as the schema owner, runs `prepareDatabase` on it (migrations, demo
 * data, the ADMIN_EMAIL bootstrap), installs the job runner's schema and queues, then grants the app role exactly its rights, and closes it. The
 * app itself never holds the owner's connection.
 */
export async function prepareAsOwner(
  connections: DatabaseConnections,
  config: Pick<AppConfig, 'admin' | 'nodeEnv' | 'seedDemo'>,
  options: { embedded: boolean; logErrors?: boolean },
): Promise<OwnerPrepareResult> {
  const ownerUrl = connections.ownerUrl ?? connections.appUrl;
  const separate = ownerUrl !== connections.appUrl;
  const appRole = separate ? roleOfUrl(connections.appUrl) : null;
  if (separate && !appRole) {
    throw new DatabaseRoleError('DATABASE_URL must name its user (postgres://user:password@host/db) when MIGRATION_DATABASE_URL is set.');
  }
  const owner = new DataSource(dataSourceOptions(ownerUrl, { logErrors: options.logErrors }));
  await owner.initialize();
  // Instances starting together (replicas behind a proxy) take turns: the first migrates, the others
  // find nothing left to do. The lock lives on a connection of its own, so the work may use the pool.
  const turn = owner.createQueryRunner();
  try {
    await turn.connect();
    await turn.query(`SELECT pg_advisory_lock(hashtext('impact-tracker:prepare'))`);
    const prepared = await prepareDatabase(owner, config, { embedded: options.embedded });
    await installJobs(ownerUrl);
    const grants = appRole ? await grantAppPrivileges(owner, appRole) : null;
    return { ...prepared, grants };
  } finally {
    await turn.release();
    await owner.destroy();
  }
}
