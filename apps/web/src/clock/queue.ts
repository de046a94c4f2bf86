/**
 * Taps waiting for the server. Every tap is written here first (IndexedDB, so it outlives the
 * tab), with its idempotency key and the time of the tap, then sent; it leaves only when the
 * server has answered. One sender at a time across every tab of the app (Web Locks), re-reading
 * the store under the lock, so a tap is never in flight twice; the idempotency key makes even a
 * resend after a lost answer harmless.
 */
import { createStore, del, entries, set } from 'idb-keyval';

export type TapKind = 'clockIn' | 'clockOut';

export interface QueuedTap {
  key: string;
  kind: TapKind;
  /** When the person tapped (ISO), sent as `at`. */
  at: string;
  userId: number;
  location?: { lat: number; lng: number; accuracy?: number } | undefined;
}

export interface TapStore {
  all(): Promise<QueuedTap[]>;
  put(tap: QueuedTap): Promise<void>;
  remove(key: string): Promise<void>;
}

/** What the server said to one tap: done, refused for good, or not reached (try again later). */
export type SendOutcome<V> =
  | { status: 'sent'; value: V }
  | { status: 'refused'; error: unknown }
  | {
      status: 'retry';
      error: unknown;
      /** The wait the server asked for (`Retry-After`), seconds, when it said one. */
      retryAfterSeconds?: number | null;
    };

export interface FlushReport<V> {
  sent: { tap: QueuedTap; value: V }[];
  refused: { tap: QueuedTap; error: unknown }[];
  /** Why sending stopped with taps still waiting, if it did. */
  stoppedBy: unknown;
  /** The wait the server asked for when it stopped the round, seconds, or null. */
  retryAfterSeconds: number | null;
  remaining: number;
}

export function indexedDbStore(): TapStore {
  const store = createStore('absensi-taps', 'taps');
  return {
    async all() {
      const rows = await entries<string, QueuedTap>(store);
      return rows.map(([, tap]) => tap);
    },
    put: (tap) => set(tap.key, tap, store),
    remove: (key) => del(key, store),
  };
}

export function memoryStore(): TapStore & { map: Map<string, QueuedTap> } {
  const map = new Map<string, QueuedTap>();
  return {
    map,
    all: () => Promise.resolve([...map.values()].map((tap) => ({ ...tap }))),
    put: (tap) => {
      map.set(tap.key, { ...tap });
      return Promise.resolve();
    },
    remove: (key) => {
      map.delete(key);
      return Promise.resolve();
    },
  };
}

export const byTapTime = (a: QueuedTap, b: QueuedTap) =>
  a.at === b.at ? a.key.localeCompare(b.key) : a.at < b.at ? -1 : 1;

let localChain: Promise<unknown> = Promise.resolve();

/** Runs `task` holding the named lock: across tabs with Web Locks, else within this tab. */
export function withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (locks) return locks.request(name, () => task()) as Promise<T>;
  const run = localChain.then(task, task);
  localChain = run.catch(() => undefined);
  return run;
}

/**
 * Sends the user's waiting taps oldest first, one at a time, under the lock. A tap leaves the
 * store once answered (accepted or refused); the first one that cannot reach the server stops the
 * round, keeping it and those after it in order.
 */
export function flushTaps<V>(
  store: TapStore,
  userId: number,
  send: (tap: QueuedTap) => Promise<SendOutcome<V>>,
  lockName = 'absensi-tap-queue',
): Promise<FlushReport<V>> {
  return withLock(lockName, async () => {
    const report: FlushReport<V> = {
      sent: [],
      refused: [],
      stoppedBy: undefined,
      retryAfterSeconds: null,
      remaining: 0,
    };
    const waiting = (await store.all()).filter((tap) => tap.userId === userId).sort(byTapTime);
    for (const [index, tap] of waiting.entries()) {
      const outcome = await send(tap);
      if (outcome.status === 'retry') {
        report.stoppedBy = outcome.error;
        report.retryAfterSeconds = outcome.retryAfterSeconds ?? null;
        report.remaining = waiting.length - index;
        break;
      }
      await store.remove(tap.key);
      if (outcome.status === 'sent') report.sent.push({ tap, value: outcome.value });
      else report.refused.push({ tap, error: outcome.error });
    }
    return report;
  });
}

/** A v4 UUID, also where crypto.randomUUID is missing (pages not served over HTTPS). */
export function newTapKey(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext !== false) {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
