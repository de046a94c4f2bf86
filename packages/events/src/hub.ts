import type { AppEvent } from './types.js';

export interface HubSubscription {
  /** Which events this subscriber may see. */
  accepts: (event: AppEvent) => boolean;
  /** Resume after this event id: what the subscriber missed is delivered first. */
  lastEventId?: string | undefined;
  signal?: AbortSignal | undefined;
}

export class SubscriberTooSlowError extends Error {
  constructor(limit: number) {
    super(
      `Subscriber fell more than ${limit} events behind and was dropped; reconnect with the last event id`,
    );
    this.name = 'SubscriberTooSlowError';
  }
}

/** A subscriber the hub pushes to, synchronously, as each event is published. */
export interface HubSink {
  readonly accepts: (event: AppEvent) => boolean;
  readonly deliver: (event: AppEvent) => void;
}

/**
 * Where events meet live subscriptions: keeps the first copy of each event id, remembers the last
 * `capacity` events in arrival order for replay, and hands each event to every subscriber that
 * accepts it. A sink (`attach`) gets it synchronously, which is how realtime writes one frame per
 * socket; a pull subscriber (`subscribe`) gets its own bounded queue so that one slow reader
 * cannot hold back the others.
 */
export class LiveHub {
  private readonly buffer: AppEvent[] = [];
  private readonly seen = new Set<string>();
  private readonly subscribers = new Set<HubSink>();

  constructor(
    private readonly capacity = 10_000,
    private readonly maxQueue = 1_000,
  ) {}

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** True when an event with this id was already published (and is still remembered). */
  has(eventId: string): boolean {
    return this.seen.has(eventId);
  }

  /** Adds an event; returns false for a copy already seen. */
  publish(event: AppEvent): boolean {
    if (this.seen.has(event.id)) return false;
    this.seen.add(event.id);
    this.buffer.push(event);
    if (this.buffer.length > this.capacity) {
      const dropped = this.buffer.shift();
      if (dropped) this.seen.delete(dropped.id);
    }
    for (const sink of this.subscribers) {
      if (!sink.accepts(event)) continue;
      try {
        sink.deliver(event);
      } catch {
        // A sink that cannot take an event is broken (its socket is gone): it must not stop the others.
        this.subscribers.delete(sink);
      }
    }
    return true;
  }

  /**
   * Pushes what the sink missed after `lastEventId` (when given), then every new event it accepts,
   * until the returned detach is called. Replay and registration happen in one synchronous step, so
   * nothing is lost or doubled in between.
   */
  attach(sink: HubSink, lastEventId?: string): () => void {
    if (lastEventId !== undefined) {
      for (const event of this.missedSince(lastEventId))
        if (sink.accepts(event)) sink.deliver(event);
    }
    this.subscribers.add(sink);
    return () => void this.subscribers.delete(sink);
  }

  /** Buffered events after `lastEventId`, oldest first; by id order when that id is no longer buffered. */
  missedSince(lastEventId: string): AppEvent[] {
    const index = this.buffer.findIndex((event) => event.id === lastEventId);
    if (index >= 0) return this.buffer.slice(index + 1);
    return this.buffer.filter((event) => event.id > lastEventId);
  }

  async *subscribe(options: HubSubscription): AsyncGenerator<AppEvent, void, undefined> {
    const queue: AppEvent[] = [];
    const state: { wake: (() => void) | null; failed: Error | null } = { wake: null, failed: null };
    // Attached before the replay is read, so nothing published in between is lost; the replay's ids
    // are then skipped if they also arrive live. The replay is yielded directly, not queued, so a
    // long one does not count against the queue's bound.
    const detach = this.attach({
      accepts: options.accepts,
      deliver: (event) => {
        if (state.failed) return;
        if (queue.length >= this.maxQueue) {
          state.failed = new SubscriberTooSlowError(this.maxQueue);
          queue.length = 0;
        } else {
          queue.push(event);
        }
        state.wake?.();
      },
    });
    const onAbort = () => state.wake?.();
    options.signal?.addEventListener('abort', onAbort);
    try {
      const replayed = new Set<string>();
      if (options.lastEventId !== undefined) {
        for (const event of this.missedSince(options.lastEventId)) {
          if (!options.accepts(event)) continue;
          replayed.add(event.id);
          yield event;
        }
      }
      while (!options.signal?.aborted) {
        if (state.failed) throw state.failed;
        const next = queue.shift();
        if (next) {
          if (!replayed.has(next.id)) yield next;
          continue;
        }
        await new Promise<void>((resolve) => {
          state.wake = resolve;
        });
        state.wake = null;
      }
    } finally {
      detach();
      options.signal?.removeEventListener('abort', onAbort);
    }
  }
}
