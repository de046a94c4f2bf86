import type { Redis } from 'ioredis';
import type { LoginLimiter } from '@absensi/core';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

/** How many attempts each key allows in one window, and the window's length in seconds. */
export interface LoginLimits {
  /** Attempts for one email from one address (LOGIN_MAX_ATTEMPTS). */
  perPair: number;
  /** Attempts from one address, whatever the email (LOGIN_MAX_ATTEMPTS_PER_ADDRESS). */
  perAddress: number;
  /** LOGIN_WINDOW_SECONDS: counting starts at the first attempt and ends after this long. */
  windowSeconds: number;
}

const SECOND = 1000;

/**
 * The login limit over rate-limiter-flexible: `consume` is one atomic increment (a Lua script in
 * Redis; one synchronous step in memory), so the reservation and the check of the limit are one
 * step, whichever node or batched call makes it. Blocked callers learn how long to wait, never
 * whether the email exists.
 */
export class RateLimitedLogins implements LoginLimiter {
  private constructor(
    private readonly byPair: RateLimiterAbstract,
    private readonly byAddress: RateLimiterAbstract,
  ) {}

  /** One process's count (the embedded mode: one process serves every request). */
  static inMemory(limits: LoginLimits): RateLimitedLogins {
    const limiter = (points: number, keyPrefix: string) =>
      new RateLimiterMemory({ points, duration: limits.windowSeconds, keyPrefix });
    return new RateLimitedLogins(
      limiter(limits.perPair, 'login-pair'),
      limiter(limits.perAddress, 'login-address'),
    );
  }

  /** The cluster's count in Redis, shared by every node. */
  static redis(redis: Redis, prefix: string, limits: LoginLimits): RateLimitedLogins {
    const limiter = (points: number, name: string) =>
      new RateLimiterRedis({
        storeClient: redis,
        useRedisPackage: false,
        points,
        duration: limits.windowSeconds,
        keyPrefix: `${prefix}rl:${name}`,
        // While Redis is away each node counts on its own rather than failing sign-ins.
        insuranceLimiter: new RateLimiterMemory({ points, duration: limits.windowSeconds }),
      });
    return new RateLimitedLogins(
      limiter(limits.perPair, 'login-pair'),
      limiter(limits.perAddress, 'login-address'),
    );
  }

  async reserve(email: string, address: string): Promise<number> {
    // The address first: one that guesses at many emails is stopped before it touches any pair.
    const addressWait = await take(this.byAddress, address);
    if (addressWait > 0) return addressWait;
    const pairWait = await take(this.byPair, pairKey(email, address));
    if (pairWait > 0) {
      // Refused before any password was checked: the address's reservation is given back.
      await this.byAddress.reward(address, 1).catch(() => undefined);
      return pairWait;
    }
    return 0;
  }

  async succeeded(email: string, address: string): Promise<void> {
    await Promise.allSettled([
      this.byPair.delete(pairKey(email, address)),
      this.byAddress.reward(address, 1),
    ]);
  }
}

function pairKey(email: string, address: string): string {
  return `${email}|${address}`;
}

/** Consumes one point; 0 when it was within the limit, else the whole seconds until the window ends. */
async function take(limiter: RateLimiterAbstract, key: string): Promise<number> {
  try {
    await limiter.consume(key, 1);
    return 0;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes)
      return Math.max(1, Math.ceil(refusal.msBeforeNext / SECOND));
    // Neither the store nor its insurance could count (not expected): sign-ins go on.
    return 0;
  }
}
