import { createHash } from 'node:crypto';

/** A snapshot as stored: its JSON, and when its build began (its age counts from then). */
export interface StoredSnapshot {
  value: string;
  builtAt: number;
}

/**
 * A short-lived cache of computed snapshots (the admin dashboard, one per view: the company's is
 * view '', a manager's departments or a filter another), invalidated by events. Every invalidation
 * bumps one version for all views, and a snapshot is stored under the version it was built for, so
 * a reader never gets one built before the last bump (even one stored after it) nor one older than
 * `ttlMs`. A view is a short name made of `[A-Za-z0-9_-]` (see `viewName`).
 */
export interface SnapshotCache {
  readonly ttlMs: number;
  version(): Promise<number>;
  read(version: number, view?: string): Promise<StoredSnapshot | null>;
  write(version: number, snapshot: StoredSnapshot, view?: string): Promise<void>;
  invalidate(): Promise<void>;
}

/** How many views' snapshots one process keeps (all forgotten when full: a bound on memory). */
const KEPT_VIEWS = 256;

export class MemorySnapshotCache implements SnapshotCache {
  private current = 0;
  private readonly stored = new Map<string, StoredSnapshot & { version: number }>();

  constructor(readonly ttlMs: number) {}

  version() {
    return Promise.resolve(this.current);
  }

  read(version: number, view = '') {
    const stored = this.stored.get(view);
    const fresh = stored?.version === version && stored.builtAt + this.ttlMs > Date.now();
    return Promise.resolve(fresh ? { value: stored.value, builtAt: stored.builtAt } : null);
  }

  write(version: number, snapshot: StoredSnapshot, view = '') {
    if (this.stored.size >= KEPT_VIEWS && !this.stored.has(view)) this.stored.clear();
    this.stored.set(view, { version, ...snapshot });
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

/** The last snapshot this process read or built, per cache and view, as an object: no fetch, no parse. */
const remembered = new WeakMap<SnapshotCache, Map<string, Remembered>>();
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

/** Reads or builds under way in this process, per cache and view: readers of the same version share one. */
const inFlight = new WeakMap<
  SnapshotCache,
  Map<string, { version: number; value: Promise<unknown> }>
>();

/** The map of `cache` in `maps`, made on first use. */
function perView<V>(maps: WeakMap<SnapshotCache, Map<string, V>>, cache: SnapshotCache) {
  let map = maps.get(cache);
  if (!map) maps.set(cache, (map = new Map<string, V>()));
  return map;
}

/**
 * A view's name for the cache: the work date it shows, then for a narrowed view a digest of what
 * narrows it (the departments, in any order, and the site), so any such combination has a short,
 * safe name, and a snapshot of one work date is never served for the next.
 */
export function viewName(
  workDate: string,
  view: { departments?: readonly string[] | undefined; siteId?: number | undefined } = {},
): string {
  if (view.departments === undefined && view.siteId === undefined) return workDate;
  const parts = JSON.stringify([
    [...(view.departments ?? [])].sort(),
    view.departments === undefined,
    view.siteId ?? null,
  ]);
  return `${workDate}.${createHash('sha256').update(parts).digest('base64url').slice(0, 22)}`;
}

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
 * more while one read or build runs in the background: they do not wait for the build. A snapshot
 * of an older version is never served. `view` names the snapshot among others of the same cache;
 * a name that includes the work date (see `viewName`) never serves yesterday's picture past
 * midnight.
 */
export async function cachedSnapshot<T>(
  cache: SnapshotCache | undefined,
  build: () => Promise<T>,
  view = '',
): Promise<T> {
  if (!cache) return build();
  const version = await cache.version().catch(() => null);
  if (version === null) return build();
  const kept = perView(remembered, cache);
  const running = perView(inFlight, cache);
  const known = kept.get(view);
  const now = Date.now();
  if (known?.version === version && known.expires > now) return known.value as T;
  const stale =
    known?.version === version && known.expires + cache.ttlMs > now
      ? (known.value as T)
      : undefined;
  const shared = running.get(view);
  if (shared?.version === version) return stale ?? (shared.value as Promise<T>);

  const remember = (value: T, json: string, builtAt: number) => {
    if (typeof value === 'object' && value !== null) jsonOf.set(value, json);
    const latest = kept.get(view);
    if (!latest || latest.version <= version) {
      if (kept.size >= KEPT_VIEWS && !latest) kept.clear();
      kept.set(view, { version, expires: builtAt + cache.ttlMs, value });
    }
    return value;
  };
  const value = (async () => {
    const stored = await cache.read(version, view).catch(() => null);
    if (stored) return remember(JSON.parse(stored.value) as T, stored.value, stored.builtAt);
    const builtAt = Date.now();
    const built = await build();
    const json = JSON.stringify(built);
    await cache.write(version, { value: json, builtAt }, view).catch(() => undefined);
    // What a reader gets is the parsed JSON, so the object and its text say the same (a Date in
    // the build would otherwise be a Date here and a string in the text).
    return remember(JSON.parse(json) as T, json, builtAt);
  })();
  const entry = { version, value };
  running.set(view, entry);
  const forget = () => {
    if (running.get(view) === entry) running.delete(view);
  };
  value.then(forget, forget);
  return stale ?? value;
}
