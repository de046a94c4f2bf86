import type { EventFeed, FeedEntry } from './feed.js';
import type { AppEvent } from './types.js';

/** The in-process feed of `npm start`: the same contract as the Redis feed, kept in memory. */
export class MemoryFeed implements EventFeed {
  private readonly entries: FeedEntry[] = [];
  private sequence = 0;
  private waiters = new Set<() => void>();

  constructor(private readonly maxLength = 10_000) {}

  append(events: readonly AppEvent[]): Promise<void> {
    for (const event of events) {
      this.sequence += 1;
      this.entries.push({ cursor: String(this.sequence), event });
    }
    if (this.entries.length > this.maxLength)
      this.entries.splice(0, this.entries.length - this.maxLength);
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
    return Promise.resolve();
  }

  async read(
    cursor: string,
    options: { count: number; blockMs: number; signal?: AbortSignal },
  ): Promise<FeedEntry[]> {
    const after = cursor === '$' ? this.sequence : Number(cursor);
    const pick = () =>
      this.entries.filter((entry) => Number(entry.cursor) > after).slice(0, options.count);
    const ready = pick();
    if (ready.length > 0 || options.blockMs <= 0 || options.signal?.aborted) return ready;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        options.signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, options.blockMs);
      this.waiters.add(done);
      options.signal?.addEventListener('abort', done, { once: true });
    });
    return pick();
  }

  tail(count: number): Promise<FeedEntry[]> {
    return Promise.resolve(this.entries.slice(-count));
  }

  close(): Promise<void> {
    for (const wake of this.waiters) wake();
    this.waiters.clear();
    return Promise.resolve();
  }
}
