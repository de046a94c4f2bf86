import type { Redis } from 'ioredis';
import { DAY_CACHE_TTL_MS, type DayCache } from '@absensi/core';
import { KEPT_AT_MOST_MS, type CacheNotice, type CacheNotices } from './cache-notices.js';

/** A day kept in this process: its Redis stamp, work date, JSON, and when it was kept. */
interface KeptDay {
  stamp: string;
  workDate: string;
  value: string;
  epoch: number;
  expires: number;
}

/** How many days one process keeps in memory (a bound on memory; the oldest are dropped first). */
const KEPT_DAYS = 20_000;

/**
 * Employees' days shared by every process through Redis (see DayCache): one MGET per read (the
 * everyone version, the person's version and the stored day), the day stored as
 * "stamp|workDate\nJSON". A person's version lives twice as long as a day, so a day stored before
 * the version's last bump has expired before the version can start again from 0.
 *
 * With `notices` (see CacheNotices), every bump is announced in the MULTI that makes it, and each
 * process keeps the days it read or stored in memory until a notice for that person or everyone
 * arrives: while the notices are trusted, a read costs no Redis command. A day read before a
 * notice is never kept after it (the stamp carries how many notices had been heard when it was
 * read).
 */
export class RedisDayCache implements DayCache {
  private readonly kept = new Map<number, KeptDay>();
  /** The `heard()` count at the last notice about each person, and about everyone. */
  private readonly noticed = new Map<number, number>();
  private everyoneNoticed = 0;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlMs = DAY_CACHE_TTL_MS,
    private readonly notices?: CacheNotices,
  ) {
    notices?.listen((notice) => this.drop(notice));
  }

  private drop(notice: CacheNotice) {
    const heard = this.notices!.heard();
    if (notice.kind === 'everyone') {
      this.everyoneNoticed = heard;
      this.kept.clear();
    } else if (notice.kind === 'days') {
      if (this.noticed.size >= 4 * KEPT_DAYS) {
        // Forgetting who was noticed would let a day read before a notice be kept: forget the
        // days too, and treat it as a notice for everyone.
        this.noticed.clear();
        this.kept.clear();
        this.everyoneNoticed = heard;
      }
      for (const id of notice.userIds) {
        this.noticed.set(id, heard);
        this.kept.delete(id);
      }
    }
  }

  private get everyoneKey() {
    return `${this.prefix}cache:day-version`;
  }

  /** Keeps the day in memory if nothing about this person was heard since `heardAt`. */
  private keep(userId: number, workDate: string, stamp: string, value: string, heardAt: string) {
    const notices = this.notices;
    if (!notices) return;
    const [heard, epoch] = heardAt.split('.').map(Number) as [number, number];
    if (!notices.trusted() || notices.epoch() !== epoch) return;
    if (this.everyoneNoticed > heard || (this.noticed.get(userId) ?? 0) > heard) return;
    if (this.kept.size >= KEPT_DAYS) this.kept.delete(this.kept.keys().next().value!);
    this.kept.delete(userId);
    const expires = Date.now() + Math.min(this.ttlMs, KEPT_AT_MOST_MS);
    this.kept.set(userId, { stamp, workDate, value, epoch, expires });
  }

  async read(userId: number, workDate: string) {
    const notices = this.notices;
    if (notices && this.kept.has(userId)) await notices.settled();
    if (notices?.trusted()) {
      const day = this.kept.get(userId);
      if (
        day &&
        day.epoch === notices.epoch() &&
        day.workDate === workDate &&
        day.expires > Date.now()
      )
        return { value: day.value, stamp: `${day.stamp}@${notices.heard()}.${day.epoch}` };
    }
    // What had been heard before the read: a notice after it means the day read may be older.
    const heardAt = notices ? `${notices.heard()}.${notices.epoch()}` : '0.0';
    const [everyone, own, stored] = await this.redis.mget(
      this.everyoneKey,
      `${this.prefix}cache:day-version:${userId}`,
      `${this.prefix}cache:day:${userId}`,
    );
    const stamp = `${everyone ?? 0}.${own ?? 0}`;
    const head = `${stamp}|${workDate}\n`;
    const value = stored?.startsWith(head) ? stored.slice(head.length) : null;
    if (value !== null) this.keep(userId, workDate, stamp, value, heardAt);
    return { value, stamp: `${stamp}@${heardAt}` };
  }

  async write(userId: number, workDate: string, stamped: string, value: string) {
    const at = stamped.indexOf('@');
    const stamp = at < 0 ? stamped : stamped.slice(0, at);
    await this.redis.set(
      `${this.prefix}cache:day:${userId}`,
      `${stamp}|${workDate}\n${value}`,
      'PX',
      this.ttlMs,
    );
    if (at >= 0) this.keep(userId, workDate, stamp, value, stamped.slice(at + 1));
  }

  async invalidateUsers(userIds: readonly number[]) {
    const batch = this.redis.multi();
    for (const id of userIds) {
      const key = `${this.prefix}cache:day-version:${id}`;
      batch.incr(key).pexpire(key, 2 * this.ttlMs);
    }
    const notice: CacheNotice = { kind: 'days', userIds };
    this.notices?.publishIn(batch, notice);
    await batch.exec();
    this.notices?.heardOwn(notice);
  }

  async invalidateAll() {
    const batch = this.redis.multi().incr(this.everyoneKey);
    const notice: CacheNotice = { kind: 'everyone' };
    this.notices?.publishIn(batch, notice);
    await batch.exec();
    this.notices?.heardOwn(notice);
  }
}
