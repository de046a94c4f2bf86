/**
 * The employee's day (`attendance.today`: today's records, an open shift, today's plan), cached
 * per person. Every change that can alter someone's day bumps a version: the person's own (their
 * attendance, their account) or everyone's (settings, schedules, sites, holidays), from
 * `afterCommit`, the one place that drops caches. An entry is stored with the versions it was
 * read under and served only while both are still current and its work date is today's, so a
 * reader never gets a day older than the last change, even one stored after it.
 */
export interface DayCache {
  /** The stored day of `userId` for `workDate` if still current, and the stamp to store a fresh one under. */
  read(userId: number, workDate: string): Promise<{ value: string | null; stamp: string }>;
  /** Stores the day read under `stamp` (taken by `read` before the day was read from the database). */
  write(userId: number, workDate: string, stamp: string, value: string): Promise<void>;
  /** These people's days changed. */
  invalidateUsers(userIds: readonly number[]): Promise<void>;
  /** Everyone's day changed (settings, schedules, sites, holidays). */
  invalidateAll(): Promise<void>;
}

/** How long an unchanged day is kept, ms: a bound on memory, not on freshness. */
export const DAY_CACHE_TTL_MS = 60_000;

/** The embedded mode's day cache, in this process (the only one that writes). */
export class MemoryDayCache implements DayCache {
  private everyone = 0;
  private readonly versions = new Map<number, number>();
  private readonly days = new Map<number, { key: string; value: string; expires: number }>();

  constructor(
    private readonly ttlMs = DAY_CACHE_TTL_MS,
    private readonly maxEntries = 10_000,
  ) {}

  private stampOf(userId: number) {
    return `${this.everyone}.${this.versions.get(userId) ?? 0}`;
  }

  read(userId: number, workDate: string) {
    const stamp = this.stampOf(userId);
    const day = this.days.get(userId);
    const fresh = day && day.key === `${stamp}|${workDate}` && day.expires > Date.now();
    return Promise.resolve({ value: fresh ? day.value : null, stamp });
  }

  write(userId: number, workDate: string, stamp: string, value: string) {
    if (this.days.size >= this.maxEntries) this.days.clear();
    this.days.set(userId, { key: `${stamp}|${workDate}`, value, expires: Date.now() + this.ttlMs });
    return Promise.resolve();
  }

  invalidateUsers(userIds: readonly number[]) {
    for (const id of userIds) {
      this.versions.set(id, (this.versions.get(id) ?? 0) + 1);
      this.days.delete(id);
    }
    return Promise.resolve();
  }

  invalidateAll() {
    this.everyone += 1;
    this.days.clear();
    return Promise.resolve();
  }
}
