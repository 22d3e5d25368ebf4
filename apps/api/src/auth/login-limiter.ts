import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { postgresLimit, spendPoint } from '../common/rate-limits';

/** Failed sign-ins allowed for one account from one address ("consecutive fails by username and IP"). */
export const MAX_FAILED_LOGINS_PER_ACCOUNT_AND_ADDRESS = 10;
export const ACCOUNT_AND_ADDRESS_WINDOW_SECONDS = 15 * 60;
/** Failed sign-ins allowed from one address, whatever the accounts ("slow brute by IP"): an office shares one. */
export const MAX_FAILED_LOGINS_PER_ADDRESS = 100;
export const ADDRESS_WINDOW_SECONDS = 60 * 60;

/** What the caller keeps between `attempt` and `succeeded`. */
export interface LoginAttempt {
  pairKey: string;
  addressKey: string;
}

/**
 * rate-limiter-flexible's login protection, in PostgreSQL so every app instance shares the counts.
 * A point is spent BEFORE the password is checked (one atomic upsert per counter), so parallel
 * requests cannot race past the limit; a successful sign-in then gives its points back.
 * Keys on the pair (account, address) and on the address: colleagues behind one office address who
 * mistype do not lock each other out, while one address cannot spray many accounts.
 */
@Injectable()
export class LoginLimiter {
  private readonly byPair: RateLimiterPostgres;
  private readonly byAddress: RateLimiterPostgres;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.byPair = postgresLimit(dataSource, {
      keyPrefix: 'pair',
      points: MAX_FAILED_LOGINS_PER_ACCOUNT_AND_ADDRESS,
      duration: ACCOUNT_AND_ADDRESS_WINDOW_SECONDS,
    });
    this.byAddress = postgresLimit(dataSource, {
      keyPrefix: 'address',
      points: MAX_FAILED_LOGINS_PER_ADDRESS,
      duration: ADDRESS_WINDOW_SECONDS,
      sweeps: true,
    });
  }

  /**
   * Spends one attempt of the pair and of the address. Either the attempt may go on to the password
   * check, or the seconds to wait are returned. A refused pair does not spend the address's allowance
   * (one locked account must not lock its office), and a refused address gives the pair's point back.
   */
  async attempt(email: string, ip: string): Promise<LoginAttempt | { retryAfter: number }> {
    const attempt = { pairKey: `${email.trim().toLowerCase()}|${ip}`, addressKey: ip };
    const pair = await spendPoint(this.byPair, attempt.pairKey);
    if (pair) return { retryAfter: pair };
    const address = await spendPoint(this.byAddress, attempt.addressKey);
    if (address) {
      await this.byPair.reward(attempt.pairKey, 1);
      return { retryAfter: address };
    }
    return attempt;
  }

  /** A right password: the pair starts again from zero and the address gets its point back. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await Promise.all([this.byPair.delete(attempt.pairKey), this.byAddress.reward(attempt.addressKey, 1)]);
  }
}
