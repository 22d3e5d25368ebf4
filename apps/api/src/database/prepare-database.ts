import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config';
import { UserEntity } from '../users/user.entity';
import { hashPassword, verifyPassword } from '../auth/passwords';
import {
  isDatabaseEmpty,
  seedDemoData,
  SeedSummary,
} from './demo/seed-demo';

export interface PrepareResult {
  migrations: string[];
  seeded: SeedSummary | null;
  admin: 'created' | 'updated' | 'unchanged' | null;
}

/**
 * Brings the database to what this build expects: pending migrations, demo data (embedded database on
 * first start, or SEED_DEMO=true on an empty one), and the ADMIN_EMAIL bootstrap account.
 */
export async function prepareDatabase(
  dataSource: DataSource,
  config: Pick<AppConfig, 'admin' | 'seedDemo'>,
  options: { embedded: boolean },
): Promise<PrepareResult> {
  const ran = await dataSource.runMigrations({ transaction: 'all' });
  let seeded: SeedSummary | null = null;
  if (
    (options.embedded || config.seedDemo) &&
    (await isDatabaseEmpty(dataSource))
  ) {
    seeded = await seedDemoData(dataSource);
  }
  const admin = config.admin
    ? await ensureAdmin(dataSource, config.admin.email, config.admin.password)
    : null;
  return { migrations: ran.map((m) => m.name), seeded, admin };
}

/** The production bootstrap: an active admin with exactly this password. */
export async function ensureAdmin(
  dataSource: DataSource,
  email: string,
  password: string,
): Promise<'created' | 'updated' | 'unchanged'> {
  const users = dataSource.getRepository(UserEntity);
  const existing = await users.findOne({ where: { email } });
  if (
    existing &&
    existing.role === 'admin' &&
    existing.active &&
    !existing.archivedAt
  ) {
    if (await verifyPassword(existing.passwordHash, password))
      return 'unchanged';
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
