import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * The table every rate limit counts in (created by a migration: the app creates no tables at run
 * time). Each limit has its own key prefix; counting in PostgreSQL lets every app instance share them.
 */
export const RATE_LIMITS_TABLE = 'login_limits';

/**
 * A rate limit of rate-limiter-flexible on the shared table, over TypeORM's own pg pool (no second
 * pool). Exactly one limit sweeps expired rows (`sweeps`): the sign-in limit by address.
 */
export function postgresLimit(
  dataSource: DataSource,
  limit: { keyPrefix: string; points: number; duration: number; sweeps?: boolean },
): RateLimiterPostgres {
  return new RateLimiterPostgres({
    storeClient: (dataSource.driver as PostgresDriver).master,
    storeType: 'pool',
    tableName: RATE_LIMITS_TABLE,
    tableCreated: true,
    keyPrefix: limit.keyPrefix,
    points: limit.points,
    duration: limit.duration,
    clearExpiredByTimeout: limit.sweeps ?? false,
  });
}

/** Spends one point of `key`: null when the request may go on, else the seconds to wait. */
export async function spendPoint(limiter: RateLimiterPostgres, key: string): Promise<number | null> {
  try {
    await limiter.consume(key, 1);
    return null;
  } catch (e) {
    // A store failure is an Error and propagates (500, logged); a refusal is a RateLimiterRes.
    if (!(e instanceof RateLimiterRes)) throw e;
    return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
  }
}
