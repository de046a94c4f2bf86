import { LRUCache } from 'lru-cache';
import type { Actor } from '../actor.js';

/** How long a node trusts what it read about a signed-in user before reading it again. */
export const USER_CACHE_TTL_MS = 5_000;

/** What a node knows of a signed-in account: who it is, and the session generation in force. */
export interface KnownUser {
  actor: Actor;
  /** Sessions carrying another generation have ended (see `repos.users.endSessions`). */
  sessionGeneration: number;
}

/**
 * Tells the other processes (API nodes, realtime) that accounts changed, so they read them again at
 * once instead of after `USER_CACHE_TTL_MS`. Implemented by @absensi/runtime over Redis pub/sub, or
 * in-process in the embedded mode.
 */
export interface UserChangeNotifier {
  /** Fire and forget: a lost notice only means the other processes see the change within the TTL. */
  announce(userIds: readonly number[]): void;
}

/**
 * The signed-in users a node has looked up lately, so a request costs its session lookup plus its
 * own queries instead of one more `users` read. A change made through this node is seen here at
 * once and announced to the other processes (`forget`); a lost announcement is caught up within
 * `USER_CACHE_TTL_MS`.
 */
export class UserCache {
  private readonly cache: LRUCache<number, KnownUser | false>;

  constructor(
    ttlMs = USER_CACHE_TTL_MS,
    max = 50_000,
    private readonly peers?: UserChangeNotifier,
  ) {
    this.cache = new LRUCache({ max, ttl: ttlMs });
  }

  /** The active user with this id (false: unknown or deactivated), from the cache or `load`. */
  async get(id: number, load: () => Promise<KnownUser | false>): Promise<KnownUser | false> {
    const known = this.cache.get(id);
    if (known !== undefined) return known;
    const loaded = await load();
    this.cache.set(id, loaded);
    return loaded;
  }

  /** The account changed here: read it again, and tell the other processes to. */
  forget(id: number): void {
    this.cache.delete(id);
    this.peers?.announce([id]);
  }

  /** Another process changed the account: read it again (not announced again). */
  forgetHere(id: number): void {
    this.cache.delete(id);
  }

  /** Announcements may have been missed (the notice channel was down): read everyone again. */
  clear(): void {
    this.cache.clear();
  }
}
