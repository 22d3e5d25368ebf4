import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { postgresLimit, spendPoint } from '../common/rate-limits';

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
    const limit = (keyPrefix: string, points: number, duration: number) => postgresLimit(dataSource, { keyPrefix, points, duration });
    this.resetByAddress = limit('reset-address', MAX_RESET_REQUESTS_PER_ADDRESS, RESET_WINDOW_SECONDS);
    this.resetByEmail = limit('reset-email', MAX_RESET_MAILS_PER_EMAIL, RESET_WINDOW_SECONDS);
    this.linkByAddress = limit('password-link', MAX_LINK_REQUESTS_PER_ADDRESS, LINK_WINDOW_SECONDS);
  }

  /** A reset request from `ip`: null when it may go on, else the seconds to wait. */
  resetFrom(ip: string): Promise<number | null> {
    return spendPoint(this.resetByAddress, ip);
  }

  /** True while `email` may get another reset mail (unknown addresses count too, so the answer reveals nothing). */
  async resetMailAllowed(email: string): Promise<boolean> {
    return (await spendPoint(this.resetByEmail, email.trim().toLowerCase())) === null;
  }

  /** A request with a link token from `ip`: null when it may go on, else the seconds to wait. */
  linkFrom(ip: string): Promise<number | null> {
    return spendPoint(this.linkByAddress, ip);
  }
}
