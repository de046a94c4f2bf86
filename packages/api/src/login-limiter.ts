import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

/**
 * Counts failed logins per email and per client address across every node (Redis) or in-process.
 * Blocked callers learn how long to wait, never whether the email exists.
 */
export class LoginLimiter {
  private constructor(
    private readonly byEmail: RateLimiterAbstract,
    private readonly byAddress: RateLimiterAbstract,
  ) {}

  static inMemory(maxAttempts: number, windowSeconds: number): LoginLimiter {
    return new LoginLimiter(
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
  ): LoginLimiter {
    const common = { storeClient: redis, duration: windowSeconds, useRedisPackage: false };
    return new LoginLimiter(
      new RateLimiterRedis({
        ...common,
        points: maxAttempts,
        keyPrefix: `${prefix}rl:login-email`,
      }),
      new RateLimiterRedis({
        ...common,
        points: maxAttempts * 4,
        keyPrefix: `${prefix}rl:login-ip`,
      }),
    );
  }

  /** Seconds to wait before another attempt, or 0 when one is allowed now. */
  async retryAfterSeconds(email: string, address: string): Promise<number> {
    const [emailState, addressState] = await Promise.all([
      this.byEmail.get(email),
      this.byAddress.get(address),
    ]);
    const blocked = [
      { state: emailState, limit: this.byEmail.points },
      { state: addressState, limit: this.byAddress.points },
    ].filter(({ state, limit }) => state !== null && state.consumedPoints >= limit);
    return Math.max(0, ...blocked.map(({ state }) => Math.ceil((state?.msBeforeNext ?? 0) / 1000)));
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([this.byEmail.penalty(email, 1), this.byAddress.penalty(address, 1)]).catch(
      (error: unknown) => {
        if (!(error instanceof RateLimiterRes)) throw error;
      },
    );
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byEmail.delete(email);
  }
}
