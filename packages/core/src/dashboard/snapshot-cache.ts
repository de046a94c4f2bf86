/** A snapshot as stored: its JSON, and when its build began (its age counts from then). */
export interface StoredSnapshot {
  value: string;
  builtAt: number;
}

/**
 * A short-lived cache of one computed snapshot (the admin dashboard), invalidated by events. Every
 * invalidation bumps a version, and a snapshot is stored under the version it was built for, so a
 * reader never gets one built before the last bump (even one stored after it) nor one older than
 * `ttlMs`.
 */
export interface SnapshotCache {
  readonly ttlMs: number;
  version(): Promise<number>;
  read(version: number): Promise<StoredSnapshot | null>;
  write(version: number, snapshot: StoredSnapshot): Promise<void>;
  invalidate(): Promise<void>;
}

export class MemorySnapshotCache implements SnapshotCache {
  private current = 0;
  private stored: (StoredSnapshot & { version: number }) | null = null;

  constructor(readonly ttlMs: number) {}

  version() {
    return Promise.resolve(this.current);
  }

  read(version: number) {
    const fresh = this.stored?.version === version && this.stored.builtAt + this.ttlMs > Date.now();
    return Promise.resolve(
      fresh ? { value: this.stored!.value, builtAt: this.stored!.builtAt } : null,
    );
  }

  write(version: number, snapshot: StoredSnapshot) {
    this.stored = { version, ...snapshot };
    return Promise.resolve();
  }

  invalidate() {
    this.current += 1;
    return Promise.resolve();
  }
}

interface Remembered {
  version: number;
  expires: number;
  value: unknown;
}

/** The last snapshot this process read or built, per cache, as an object: no fetch, no parse. */
const remembered = new WeakMap<SnapshotCache, Remembered>();
/**
 * The JSON of every snapshot this process holds, by the object: read from the cache or written to
 * it, so it costs nothing more, and an HTTP answer can carry it without serialising the object again.
 */
const jsonOf = new WeakMap<object, string>();

/**
 * The JSON text of a snapshot returned by `cachedSnapshot` (exactly `JSON.stringify` of it), or
 * undefined for any other value (one built outside the cache, a part of one).
 */
export function snapshotJson(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? jsonOf.get(value) : undefined;
}

/** Reads or builds under way in this process, per cache: readers of the same version share one. */
const inFlight = new WeakMap<SnapshotCache, { version: number; value: Promise<unknown> }>();

/**
 * The current snapshot: from this process's memory while its version is current and it is younger
 * than the cache's TTL, else from the cache, else built and stored. Only the version is asked for
 * on every call (one small read, or none while the cache knows it, see RedisSnapshotCache); a
 * cache that fails is passed by, never fatal. Readers that miss at the same version wait for one
 * read or build in this process instead of each starting their own (a stampede when the snapshot
 * expires under load). Callers must not change what they get: concurrent readers share it.
 *
 * Stale while revalidating: once the kept snapshot is past its TTL but its version is still the
 * current one (nothing it shows has changed; only time went on), readers get it for up to one TTL
 * more, if `stillServable` says so, while one read or build runs in the background: they do not
 * wait for the build. A snapshot of an older version is never served.
 */
export async function cachedSnapshot<T>(
  cache: SnapshotCache | undefined,
  build: () => Promise<T>,
  stillServable: (stale: T) => boolean | Promise<boolean> = () => true,
): Promise<T> {
  if (!cache) return build();
  const version = await cache.version().catch(() => null);
  if (version === null) return build();
  const known = remembered.get(cache);
  const now = Date.now();
  if (known?.version === version && known.expires > now) return known.value as T;
  const stale =
    known?.version === version &&
    known.expires + cache.ttlMs > now &&
    (await stillServable(known.value as T))
      ? (known.value as T)
      : undefined;
  const running = inFlight.get(cache);
  if (running?.version === version) return stale ?? (running.value as Promise<T>);

  const remember = (value: T, json: string, builtAt: number) => {
    if (typeof value === 'object' && value !== null) jsonOf.set(value, json);
    const latest = remembered.get(cache);
    if (!latest || latest.version <= version)
      remembered.set(cache, { version, expires: builtAt + cache.ttlMs, value });
    return value;
  };
  const value = (async () => {
    const stored = await cache.read(version).catch(() => null);
    if (stored) return remember(JSON.parse(stored.value) as T, stored.value, stored.builtAt);
    const builtAt = Date.now();
    const built = await build();
    const json = JSON.stringify(built);
    await cache.write(version, { value: json, builtAt }).catch(() => undefined);
    // What a reader gets is the parsed JSON, so the object and its text say the same (a Date in
    // the build would otherwise be a Date here and a string in the text).
    return remember(JSON.parse(json) as T, json, builtAt);
  })();
  const entry = { version, value };
  inFlight.set(cache, entry);
  const forget = () => {
    if (inFlight.get(cache) === entry) inFlight.delete(cache);
  };
  value.then(forget, forget);
  return stale ?? value;
}
