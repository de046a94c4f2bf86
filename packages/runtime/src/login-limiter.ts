import type { Redis } from 'ioredis';
import type { LoginLimiter } from '@absensi/core';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

/**
 * Counts failed logins per email and per client address across every node (Redis) or in-process.
 * Blocked callers learn how long to wait, never whether the email exists.
 */
export class RateLimitedLogins implements LoginLimiter {
  private constructor(
    private readonly byEmail: RateLimiterAbstract,
    private readonly byAddress: RateLimiterAbstract,
  ) {}

  static inMemory(maxAttempts: number, windowSeconds: number): RateLimitedLogins {
    return new RateLimitedLogins(
      new RateLimiterMemory({
        points: maxAttempts,
        duration: windowSeconds,
        keyPrefix: 'login-email',
      }),
      new RateLimiterMemory({
        points: maxAttempts * 4,
        duration: windowSeconds,
        keyPrefix: 'login-ip',
      }),
    );
  }

  static redis(
    redis: Redis,
    prefix: string,
    maxAttempts: number,
    windowSeconds: number,
  ): RateLimitedLogins {
    const common = { storeClient: redis, duration: windowSeconds, useRedisPackage: false };
    // While Redis is away each node counts on its own (the limiter's insurance) rather than failing logins.
    const insurance = (points: number) => ({
      insuranceLimiter: new RateLimiterMemory({ points, duration: windowSeconds }),
    });
    return new RateLimitedLogins(
      new RateLimiterRedis({
        ...common,
        points: maxAttempts,
        keyPrefix: `${prefix}rl:login-email`,
        ...insurance(maxAttempts),
      }),
      new RateLimiterRedis({
        ...common,
        points: maxAttempts * 4,
        keyPrefix: `${prefix}rl:login-ip`,
        ...insurance(maxAttempts * 4),
      }),
    );
  }

  /** Seconds to wait before another attempt, or 0 when one is allowed now. */
  async retryAfterSeconds(email: string, address: string): Promise<number> {
    // A limiter store that cannot answer blocks nobody: sign-ins go on while Redis is away.
    const read = (limiter: RateLimiterAbstract, key: string) => limiter.get(key).catch(() => null);
    const [emailState, addressState] = await Promise.all([
      read(this.byEmail, email),
      read(this.byAddress, address),
    ]);
    const blocked = [
      { state: emailState, limit: this.byEmail.points },
      { state: addressState, limit: this.byAddress.points },
    ].filter(({ state, limit }) => state !== null && state.consumedPoints >= limit);
    return Math.max(0, ...blocked.map(({ state }) => Math.ceil((state?.msBeforeNext ?? 0) / 1000)));
  }

  async recordFailure(email: string, address: string): Promise<void> {
    // Counting is best effort: a failed count must not turn a wrong password into a server error.
    await Promise.allSettled([this.byEmail.penalty(email, 1), this.byAddress.penalty(address, 1)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byEmail.delete(email).catch(() => false);
  }
}
