import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config';
import { UserEntity } from '../users/user.entity';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { DEMO_USERS } from './demo/demo-sign-ins';
import { isDatabaseEmpty, seedDemoData, SeedSummary } from './demo/seed-demo';

export interface PrepareResult {
  migrations: string[];
  seeded: SeedSummary | null;
  admin: 'created' | 'updated' | 'unchanged' | null;
  /** Active, unarchived admins after the start: none means nobody can manage accounts yet. */
  activeAdmins: number;
  /** Active demo accounts (published passwords) in this database. */
  activeDemoUsers: number;
}

/**
 * Whether this start loads the demo data into an empty database. Production never does unless
 * SEED_DEMO=true is set explicitly, embedded database or not: the demo passwords are published.
 * Elsewhere the embedded database loads it on its first start, and SEED_DEMO=true loads it anywhere.
 */
export function demoDataDue(config: Pick<AppConfig, 'nodeEnv' | 'seedDemo'>, embedded: boolean): boolean {
  if (config.nodeEnv === 'production') return config.seedDemo;
  return embedded || config.seedDemo;
}

/**
 * Brings the database to what this build expects: pending migrations, demo data where due (see
 * `demoDataDue`) on an empty database, and the ADMIN_EMAIL bootstrap account.
 */
export async function prepareDatabase(
  dataSource: DataSource,
  config: Pick<AppConfig, 'admin' | 'seedDemo' | 'nodeEnv'>,
  options: { embedded: boolean },
): Promise<PrepareResult> {
  const ran = await dataSource.runMigrations({ transaction: 'all' });
  let seeded: SeedSummary | null = null;
  if (demoDataDue(config, options.embedded) && (await isDatabaseEmpty(dataSource))) {
    seeded = await seedDemoData(dataSource);
  }
  const admin = config.admin ? await ensureAdmin(dataSource, config.admin.email, config.admin.password) : null;
  const [counts] = await dataSource.query(
    `SELECT count(*) FILTER (WHERE role = 'admin') AS admins,
            count(*) FILTER (WHERE email = ANY($1::citext[])) AS demo
       FROM users WHERE active AND archived_at IS NULL`,
    [DEMO_USERS.map((u) => u.email)],
  );
  return {
    migrations: ran.map((m) => m.name),
    seeded,
    admin,
    activeAdmins: Number(counts.admins),
    activeDemoUsers: Number(counts.demo),
  };
}

/** The production bootstrap: an active admin with exactly this password. */
export async function ensureAdmin(dataSource: DataSource, email: string, password: string): Promise<'created' | 'updated' | 'unchanged'> {
  const users = dataSource.getRepository(UserEntity);
  const existing = await users.findOne({ where: { email } });
  if (existing && existing.role === 'admin' && existing.active && !existing.archivedAt) {
    if (await verifyPassword(existing.passwordHash, password)) return 'unchanged';
  }
  const passwordHash = await hashPassword(password);
  if (existing) {
    await users.update(existing.id, {
      role: 'admin',
      active: true,
      archivedAt: null,
      passwordHash,
      tokenVersion: () => 'token_version + 1',
      version: () => 'version + 1',
    });
    return 'updated';
  }
  await users.save(
    users.create({
      email,
      name: 'Administrator',
      role: 'admin',
      active: true,
      passwordHash,
      language: 'en',
    }),
  );
  return 'created';
}
