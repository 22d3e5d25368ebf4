import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { LOGIN_LIMITS_TABLE } from '../auth/login-limiter';

/** Reset requests from one address per window (an office shares one address). */
export const MAX_RESET_REQUESTS_PER_ADDRESS = 20;
/** Reset mails to one address per window: nobody's inbox can be flooded with them. */
export const MAX_RESET_MAILS_PER_EMAIL = 3;
export const RESET_WINDOW_SECONDS = 60 * 60;
/** Opening and using set-password links from one address per window: guessing tokens stops quickly. */
export const MAX_LINK_REQUESTS_PER_ADDRESS = 30;
export const LINK_WINDOW_SECONDS = 10 * 60;

/**
 * The limits of the public account routes, counted in PostgreSQL like the sign-in limiter (same
 * table, own key prefixes) so every app instance shares the counts.
 */
@Injectable()
export class PasswordLinkLimiter {
  private readonly resetByAddress: RateLimiterPostgres;
  private readonly resetByEmail: RateLimiterPostgres;
  private readonly linkByAddress: RateLimiterPostgres;

  constructor(@InjectDataSource() dataSource: DataSource) {
    const store = {
      storeClient: (dataSource.driver as PostgresDriver).master,
      storeType: 'pool',
      tableName: LOGIN_LIMITS_TABLE,
      tableCreated: true,
      // The sign-in limiter already sweeps the shared table.
      clearExpiredByTimeout: false,
    };
    this.resetByAddress = new RateLimiterPostgres({
      ...store,
      keyPrefix: 'reset-address',
      points: MAX_RESET_REQUESTS_PER_ADDRESS,
      duration: RESET_WINDOW_SECONDS,
    });
    this.resetByEmail = new RateLimiterPostgres({
      ...store,
      keyPrefix: 'reset-email',
      points: MAX_RESET_MAILS_PER_EMAIL,
      duration: RESET_WINDOW_SECONDS,
    });
    this.linkByAddress = new RateLimiterPostgres({
      ...store,
      keyPrefix: 'password-link',
      points: MAX_LINK_REQUESTS_PER_ADDRESS,
      duration: LINK_WINDOW_SECONDS,
    });
  }

  /** A reset request from `ip`: null when it may go on, else the seconds to wait. */
  resetFrom(ip: string): Promise<number | null> {
    return spend(this.resetByAddress, ip);
  }

  /** True while `email` may get another reset mail (unknown addresses count too, so the answer reveals nothing). */
  async resetMailAllowed(email: string): Promise<boolean> {
    return (await spend(this.resetByEmail, email.trim().toLowerCase())) === null;
  }

  /** A request with a link token from `ip`: null when it may go on, else the seconds to wait. */
  linkFrom(ip: string): Promise<number | null> {
    return spend(this.linkByAddress, ip);
  }
}

async function spend(limiter: RateLimiterPostgres, key: string): Promise<number | null> {
  try {
    await limiter.consume(key, 1);
    return null;
  } catch (e) {
    // A store failure is an Error and propagates (500, logged); a refusal is a RateLimiterRes.
    if (!(e instanceof RateLimiterRes)) throw e;
    return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
  }
}
