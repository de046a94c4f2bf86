import type { Redis } from 'ioredis';
import type { SnapshotCache, StoredSnapshot } from '@absensi/core';

/** The dashboard snapshot shared by every node through Redis (see SnapshotCache). */
export class RedisSnapshotCache implements SnapshotCache {
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    readonly ttlMs: number,
  ) {}

  async version() {
    return Number((await this.redis.get(`${this.key}:version`)) ?? 0);
  }

  async read(version: number) {
    const stored = await this.redis.get(`${this.key}:v${version}`);
    if (stored === null) return null;
    // "builtAt\nJSON": the snapshot's JSON as built, not escaped into a wrapper.
    const newline = stored.indexOf('\n');
    return { builtAt: Number(stored.slice(0, newline)), value: stored.slice(newline + 1) };
  }

  async write(version: number, snapshot: StoredSnapshot) {
    const ttl = snapshot.builtAt + this.ttlMs - Date.now();
    if (ttl <= 0) return;
    await this.redis.set(
      `${this.key}:v${version}`,
      `${snapshot.builtAt}\n${snapshot.value}`,
      'PX',
      Math.ceil(ttl),
    );
  }

  async invalidate() {
    await this.redis.incr(`${this.key}:version`);
  }
}
