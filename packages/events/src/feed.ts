import type { AppEvent } from './types.js';

/** One event as read from the feed, with the feed's own position for resuming after it. */
export interface FeedEntry {
  readonly cursor: string;
  /** null for an entry this version cannot read (a newer event type, a damaged entry): skip it, but move past it. */
  readonly event: AppEvent | null;
}

/**
 * The `absensi-events` feed: an append-only, ordered log every subscriber reads in full.
 * Redis Streams in the cluster, an in-memory log in `npm start`.
 */
export interface EventFeed {
  /** Appends in order; rejects when the feed cannot be reached (the outbox keeps the events). */
  append(events: readonly AppEvent[]): Promise<void>;
  /** Entries after `cursor` ('$' for only new ones, '0' for all kept), waiting up to `blockMs` for one. */
  read(
    cursor: string,
    options: { count: number; blockMs: number; signal?: AbortSignal },
  ): Promise<FeedEntry[]>;
  /** The newest `count` entries, oldest first: what a restarted realtime reloads to replay from. */
  tail(count: number): Promise<FeedEntry[]>;
  close(): Promise<void>;
}
