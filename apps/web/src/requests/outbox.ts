/**
 * Requests waiting for the server. A request the person files is written here first (IndexedDB,
 * so it outlives the tab and a phone restart), with its `clientKey` and its photo, then sent; it
 * leaves only when the server has filed it (`requests.file` files one request per clientKey, so a
 * resend after a lost answer is harmless). A refusal (4xx: a date not allowed, a balance used up)
 * stays, with its reason, until the person refiles or dismisses it: never dropped unseen. Not
 * reaching the server (offline, 5xx, 503 with Retry-After) is tried again later, with exponential
 * backoff and jitter, never before the server's Retry-After.
 */
import { createStore, del, entries, set } from 'idb-keyval';
import type { Problem } from '../api/errors';
import type { FiledInput } from './draft';

export interface OutboxItem {
  /** The request's clientKey, also its key in the store. */
  clientKey: string;
  userId: number;
  /** What `requests.file` is sent, the photo (base64) included. */
  input: FiledInput;
  /** When the person filed it (ISO). */
  savedAt: string;
  /** Failed attempts to reach the server so far. */
  attempts: number;
  /** Not sent again before this instant (epoch ms); 0: at once. */
  notBefore: number;
  /** The server's refusal, once it refused: kept for the person to read and fix. */
  refused: Pick<Problem, 'kind' | 'serverMessage' | 'reason' | 'params' | 'issues'> | null;
}

export interface OutboxStore {
  all(): Promise<OutboxItem[]>;
  put(item: OutboxItem): Promise<void>;
  remove(clientKey: string): Promise<void>;
}

/** What the server said to one request: filed, refused for good, or not reached (later). */
export type FileOutcome =
  | { status: 'sent' }
  | { status: 'refused'; problem: Problem }
  | { status: 'retry'; problem: Problem; retryAfterSeconds?: number | undefined };

export interface OutboxRound {
  sent: OutboxItem[];
  refused: OutboxItem[];
  /** Why sending stopped with requests still waiting, if it did. */
  stoppedBy: Problem | null;
}

export function indexedDbOutbox(): OutboxStore {
  const store = createStore('absensi-requests', 'outbox');
  return {
    async all() {
      const rows = await entries<string, OutboxItem>(store);
      return rows.map(([, item]) => item);
    },
    put: (item) => set(item.clientKey, item, store),
    remove: (clientKey) => del(clientKey, store),
  };
}

export function memoryOutbox(): OutboxStore & { map: Map<string, OutboxItem> } {
  const map = new Map<string, OutboxItem>();
  return {
    map,
    all: () => Promise.resolve([...map.values()].map((item) => structuredClone(item))),
    put: (item) => {
      map.set(item.clientKey, structuredClone(item));
      return Promise.resolve();
    },
    remove: (clientKey) => {
      map.delete(clientKey);
      return Promise.resolve();
    },
  };
}

/** The first wait after a failed attempt, and the longest, in ms. */
export const RETRY_BASE_MS = 5_000;
export const RETRY_MAX_MS = 5 * 60_000;

/**
 * How long to wait after the `attempts`-th failed attempt (1-based), in ms: exponential backoff
 * (5 s, 10 s, 20 s… up to 5 min) with "equal jitter" (half fixed, half random, so phones that lost
 * the network together do not come back together), and never less than the server's Retry-After
 * (seconds) plus up to a second of jitter. `random` is in [0, 1).
 */
export function retryDelayMs(
  attempts: number,
  retryAfterSeconds: number | undefined,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
  const backoff = ceiling / 2 + random() * (ceiling / 2);
  const serverSays =
    retryAfterSeconds !== undefined && Number.isFinite(retryAfterSeconds) && retryAfterSeconds > 0
      ? Math.min(RETRY_MAX_MS, retryAfterSeconds * 1000) + random() * 1000
      : 0;
  return Math.round(Math.max(backoff, serverSays));
}

/** Requests of `userId` still to send, oldest first (refused ones wait for the person). */
export function waitingOf(items: readonly OutboxItem[], userId: number): OutboxItem[] {
  return items
    .filter((item) => item.userId === userId && item.refused === null)
    .sort((a, b) =>
      a.savedAt === b.savedAt
        ? a.clientKey.localeCompare(b.clientKey)
        : a.savedAt < b.savedAt
          ? -1
          : 1,
    );
}

/**
 * One round of sending the user's waiting requests, oldest first, one at a time: filed ones leave
 * the store, refused ones stay marked with the server's reason, and the first that cannot reach
 * the server stops the round and is given its next attempt time (`retryDelayMs`). Items not yet
 * due (`notBefore` after `now`) are left for a later round unless `force` (the network came back,
 * the person filed something).
 */
export async function sendWaiting(
  store: OutboxStore,
  userId: number,
  send: (item: OutboxItem) => Promise<FileOutcome>,
  options: { now?: number; force?: boolean; random?: () => number } = {},
): Promise<OutboxRound> {
  const now = options.now ?? Date.now();
  const round: OutboxRound = { sent: [], refused: [], stoppedBy: null };
  const due = waitingOf(await store.all(), userId).filter(
    (item) => options.force || item.notBefore <= now,
  );
  for (const item of due) {
    const outcome = await send(item);
    if (outcome.status === 'sent') {
      await store.remove(item.clientKey);
      round.sent.push(item);
    } else if (outcome.status === 'refused') {
      const kept = {
        ...item,
        refused: {
          kind: outcome.problem.kind,
          serverMessage: outcome.problem.serverMessage,
          reason: outcome.problem.reason,
          params: outcome.problem.params,
          issues: outcome.problem.issues,
        },
      };
      await store.put(kept);
      round.refused.push(kept);
    } else {
      const attempts = item.attempts + 1;
      await store.put({
        ...item,
        attempts,
        notBefore: now + retryDelayMs(attempts, outcome.retryAfterSeconds, options.random),
      });
      round.stoppedBy = outcome.problem;
      break;
    }
  }
  return round;
}

/** When the earliest waiting request of the user is due (epoch ms), or null when none waits. */
export function nextDueAt(items: readonly OutboxItem[], userId: number): number | null {
  const waiting = waitingOf(items, userId);
  return waiting.length === 0 ? null : Math.min(...waiting.map((item) => item.notBefore));
}
