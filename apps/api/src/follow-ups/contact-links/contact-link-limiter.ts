import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { LOGIN_LIMITS_TABLE } from '../../auth/login-limiter';

/** Requests to the public link routes allowed from one address per window: a phone needs a handful. */
export const MAX_LINK_REQUESTS_PER_ADDRESS = 30;
export const LINK_WINDOW_SECONDS = 10 * 60;

/**
 * Public link requests per address, counted in PostgreSQL like the sign-in limiter (same table, own
 * key prefix) so every app instance shares the count. Every request spends a point, so guessing
 * tokens from one address stops quickly.
 */
@Injectable()
export class ContactLinkLimiter {
  private readonly limiter: RateLimiterPostgres;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.limiter = new RateLimiterPostgres({
      storeClient: (dataSource.driver as PostgresDriver).master,
      storeType: 'pool',
      tableName: LOGIN_LIMITS_TABLE,
      tableCreated: true,
      keyPrefix: 'contact-link',
      points: MAX_LINK_REQUESTS_PER_ADDRESS,
      duration: LINK_WINDOW_SECONDS,
      // The sign-in limiter already sweeps the shared table.
      clearExpiredByTimeout: false,
    });
  }

  /** Null when the request may go on, else the seconds to wait. */
  async spend(ip: string): Promise<number | null> {
    try {
      await this.limiter.consume(ip, 1);
      return null;
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    }
  }
}
