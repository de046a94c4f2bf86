import type { Redis } from 'ioredis';

// Renews the lease when this holder has it, takes it when nobody does: one round trip either way.
const HOLD = `
if redis.call('get', KEYS[1]) == ARGV[1] then
  redis.call('pexpire', KEYS[1], ARGV[2])
  return 1
end
if redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
return 0`;

const RELEASE = `
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0`;

/**
 * A lease in Redis that one holder has at a time. Held while renewed within `ttlMs`; when its
 * holder stops renewing (stopped, killed, cut off), another takes it once it lapses.
 */
export class Lease {
  constructor(
    private readonly redis: Redis,
    readonly key: string,
    readonly holder: string,
    readonly ttlMs: number,
  ) {}

  /** Renews or takes the lease; true while this holder has it. */
  async hold(): Promise<boolean> {
    return (await this.redis.eval(HOLD, 1, this.key, this.holder, String(this.ttlMs))) === 1;
  }

  /** Gives the lease up at once, if this holder has it, so a standby need not wait for it to lapse. */
  async release(): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key, this.holder);
  }
}
