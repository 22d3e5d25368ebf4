import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { postgresLimit, spendPoint } from '../../common/rate-limits';

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
    this.limiter = postgresLimit(dataSource, {
      keyPrefix: 'contact-link',
      points: MAX_LINK_REQUESTS_PER_ADDRESS,
      duration: LINK_WINDOW_SECONDS,
    });
  }

  /** Null when the request may go on, else the seconds to wait. */
  spend(ip: string): Promise<number | null> {
    return spendPoint(this.limiter, ip);
  }
}
