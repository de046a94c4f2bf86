import type { Redis } from 'ioredis';
import { DAY_CACHE_TTL_MS, type DayCache } from '@absensi/core';

/**
 * Employees' days shared by every process through Redis (see DayCache): one MGET per read (the
 * everyone version, the person's version and the stored day), the day stored as
 * "stamp|workDate\nJSON". A person's version lives twice as long as a day, so a day stored before
 * the version's last bump has expired before the version can start again from 0.
 */
export class RedisDayCache implements DayCache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlMs = DAY_CACHE_TTL_MS,
  ) {}

  private get everyoneKey() {
    return `${this.prefix}cache:day-version`;
  }

  async read(userId: number, workDate: string) {
    const [everyone, own, stored] = await this.redis.mget(
      this.everyoneKey,
      `${this.prefix}cache:day-version:${userId}`,
      `${this.prefix}cache:day:${userId}`,
    );
    const stamp = `${everyone ?? 0}.${own ?? 0}`;
    const head = `${stamp}|${workDate}\n`;
    return { value: stored?.startsWith(head) ? stored.slice(head.length) : null, stamp };
  }

  async write(userId: number, workDate: string, stamp: string, value: string) {
    await this.redis.set(
      `${this.prefix}cache:day:${userId}`,
      `${stamp}|${workDate}\n${value}`,
      'PX',
      this.ttlMs,
    );
  }

  async invalidateUsers(userIds: readonly number[]) {
    const batch = this.redis.multi();
    for (const id of userIds) {
      const key = `${this.prefix}cache:day-version:${id}`;
      batch.incr(key).pexpire(key, 2 * this.ttlMs);
    }
    await batch.exec();
  }

  async invalidateAll() {
    await this.redis.incr(this.everyoneKey);
  }
}
