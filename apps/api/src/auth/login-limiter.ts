import { Injectable } from '@nestjs/common';
import { RateLimiterMemory } from 'rate-limiter-flexible';

/** Failed sign-ins allowed per account and per address within the window, before a 429. */
export const MAX_FAILED_LOGINS = 10;
export const FAILED_LOGIN_WINDOW_SECONDS = 15 * 60;

/**
 * Counts failed sign-ins per e-mail and per client address (rate-limiter-flexible). Only failures
 * count, so a user who signs in correctly is never slowed down. In memory: one app instance; a
 * cluster would switch to its PostgreSQL store.
 */
@Injectable()
export class LoginLimiter {
  private readonly limiter = new RateLimiterMemory({
    points: MAX_FAILED_LOGINS,
    duration: FAILED_LOGIN_WINDOW_SECONDS,
    keyPrefix: 'login-failures',
  });

  private keys(email: string, ip: string): string[] {
    return [`email:${email.trim().toLowerCase()}`, `ip:${ip}`];
  }

  /** Seconds until another attempt is allowed, or 0 when the caller may try now. */
  async retryAfter(email: string, ip: string): Promise<number> {
    let wait = 0;
    for (const key of this.keys(email, ip)) {
      const r = await this.limiter.get(key);
      if (r && r.consumedPoints >= MAX_FAILED_LOGINS) wait = Math.max(wait, Math.ceil(r.msBeforeNext / 1000));
    }
    return wait;
  }

  async failed(email: string, ip: string): Promise<void> {
    for (const key of this.keys(email, ip)) {
      await this.limiter.penalty(key, 1);
    }
  }

  async succeeded(email: string): Promise<void> {
    await this.limiter.delete(this.keys(email, '')[0]);
  }
}
