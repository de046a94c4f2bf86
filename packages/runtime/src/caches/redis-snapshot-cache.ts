import type { Redis } from 'ioredis';
import type { SnapshotCache, StoredSnapshot } from '@absensi/core';
import { KEPT_AT_MOST_MS, type CacheNotice, type CacheNotices } from './cache-notices.js';

/**
 * The dashboard snapshot shared by every node through Redis (see SnapshotCache).
 *
 * With `notices` (see CacheNotices), every bump is announced in the MULTI that makes it and this
 * process keeps the version it last read until a dashboard notice arrives: while the notices are
 * trusted, asking for the version costs no Redis command.
 */
export class RedisSnapshotCache implements SnapshotCache {
  private kept: { version: number; epoch: number; expires: number } | null = null;
  private noticed = 0;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    readonly ttlMs: number,
    private readonly notices?: CacheNotices,
  ) {
    notices?.listen((notice) => {
      if (notice.kind !== 'dashboard') return;
      this.kept = null;
      this.noticed = notices.heard();
    });
  }

  async version() {
    const notices = this.notices;
    if (notices && this.kept) await notices.settled();
    if (
      notices?.trusted() &&
      this.kept &&
      this.kept.epoch === notices.epoch() &&
      this.kept.expires > Date.now()
    )
      return this.kept.version;
    const heard = notices?.heard() ?? 0;
    const epoch = notices?.epoch() ?? 0;
    const version = Number((await this.redis.get(`${this.key}:version`)) ?? 0);
    // Kept only if no notice came while asking: the version read may be older than it.
    if (notices?.trusted() && notices.epoch() === epoch && this.noticed <= heard)
      this.kept = { version, epoch, expires: Date.now() + KEPT_AT_MOST_MS };
    return version;
  }

  /** The key of a view's snapshot (see viewName). */
  private keyOf(version: number, view: string) {
    return `${this.key}:v${version}:${view}`;
  }

  async read(version: number, view = '') {
    const stored = await this.redis.get(this.keyOf(version, view));
    if (stored === null) return null;
    // "builtAt\nJSON": the snapshot's JSON as built, not escaped into a wrapper.
    const newline = stored.indexOf('\n');
    return { builtAt: Number(stored.slice(0, newline)), value: stored.slice(newline + 1) };
  }

  async write(version: number, snapshot: StoredSnapshot, view = '') {
    const ttl = snapshot.builtAt + this.ttlMs - Date.now();
    if (ttl <= 0) return;
    await this.redis.set(
      this.keyOf(version, view),
      `${snapshot.builtAt}\n${snapshot.value}`,
      'PX',
      Math.ceil(ttl),
    );
  }

  async invalidate() {
    const batch = this.redis.multi().incr(`${this.key}:version`);
    const notice: CacheNotice = { kind: 'dashboard' };
    this.notices?.publishIn(batch, notice);
    await batch.exec();
    this.notices?.heardOwn(notice);
  }
}
