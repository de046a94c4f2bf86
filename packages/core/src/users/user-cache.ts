import { LRUCache } from 'lru-cache';
import type { Actor } from '../actor.js';

/** How long a node trusts what it read about a signed-in user before reading it again. */
export const USER_CACHE_TTL_MS = 5_000;

/**
 * The signed-in users a node has looked up lately, so a request costs its session lookup plus its
 * own queries instead of one more `users` read. A change made through this node is seen at once
 * (`forget`); one made through another node within `USER_CACHE_TTL_MS`.
 */
export class UserCache {
  private readonly cache: LRUCache<number, Actor | false>;

  constructor(ttlMs = USER_CACHE_TTL_MS, max = 50_000) {
    this.cache = new LRUCache({ max, ttl: ttlMs });
  }

  /** The active user with this id (false: unknown or deactivated), from the cache or `load`. */
  async get(id: number, load: () => Promise<Actor | false>): Promise<Actor | false> {
    const known = this.cache.get(id);
    if (known !== undefined) return known;
    const loaded = await load();
    this.cache.set(id, loaded);
    return loaded;
  }

  forget(id: number): void {
    this.cache.delete(id);
  }
}
