import type { Redis } from 'ioredis';

/**
 * A short-lived cache of one computed snapshot (the admin dashboard), invalidated by events. Every
 * invalidation bumps a version; a snapshot built before the last bump is never served, even if it
 * was stored after it, so a reader sees at most `ttlMs` of age and never a pre-change picture.
 */
export interface SnapshotCache {
  read(): Promise<{ version: number; value: string | null }>;
  write(version: number, value: string): Promise<void>;
  invalidate(): Promise<void>;
}

interface Stored {
  version: number;
  value: string;
}

export class RedisSnapshotCache implements SnapshotCache {
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly ttlMs: number,
  ) {}

  async read() {
    const [version, stored] = await this.redis.mget(`${this.key}:version`, this.key);
    const current = Number(version ?? 0);
    const parsed = stored ? (JSON.parse(stored) as Stored) : null;
    return { version: current, value: parsed && parsed.version === current ? parsed.value : null };
  }

  async write(version: number, value: string) {
    await this.redis.set(
      this.key,
      JSON.stringify({ version, value } satisfies Stored),
      'PX',
      this.ttlMs,
    );
  }

  async invalidate() {
    await this.redis.incr(`${this.key}:version`);
  }
}

export class MemorySnapshotCache implements SnapshotCache {
  private version = 0;
  private stored: (Stored & { expires: number }) | null = null;

  constructor(private readonly ttlMs: number) {}

  read() {
    const fresh =
      this.stored && this.stored.expires > Date.now() && this.stored.version === this.version;
    return Promise.resolve({ version: this.version, value: fresh ? this.stored!.value : null });
  }

  write(version: number, value: string) {
    this.stored = { version, value, expires: Date.now() + this.ttlMs };
    return Promise.resolve();
  }

  invalidate() {
    this.version += 1;
    return Promise.resolve();
  }
}

/** Builds under way in this process, per cache: readers of the same version share one. */
const inFlight = new WeakMap<SnapshotCache, { version: number; value: Promise<unknown> }>();

/**
 * The cached value, or a fresh one built and stored; a cache that fails is passed by, never fatal.
 * Readers that miss at the same version wait for one build in this process instead of each
 * starting their own (a stampede when the snapshot expires under load).
 */
export async function cachedSnapshot<T>(
  cache: SnapshotCache | undefined,
  build: () => Promise<T>,
): Promise<T> {
  if (!cache) return build();
  const hit = await cache.read().catch(() => null);
  if (hit?.value) return JSON.parse(hit.value) as T;
  if (!hit) return build();
  const running = inFlight.get(cache);
  if (running && running.version === hit.version) return running.value as Promise<T>;
  const value = build().then(async (built) => {
    await cache.write(hit.version, JSON.stringify(built)).catch(() => undefined);
    return built;
  });
  const entry = { version: hit.version, value };
  inFlight.set(cache, entry);
  const forget = () => {
    if (inFlight.get(cache) === entry) inFlight.delete(cache);
  };
  value.then(forget, forget);
  return value;
}
