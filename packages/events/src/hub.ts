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

interface Subscriber {
  readonly accepts: (event: AppEvent) => boolean;
  readonly queue: AppEvent[];
  wake: (() => void) | null;
  failed: Error | null;
}

/**
 * Where events meet live subscriptions: keeps the first copy of each event id, remembers the last
 * `capacity` events in arrival order for replay, and hands each subscriber its own bounded queue
 * so that one slow reader cannot hold back the others.
 */
export class LiveHub {
  private readonly buffer: AppEvent[] = [];
  private readonly seen = new Set<string>();
  private readonly subscribers = new Set<Subscriber>();

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
    for (const subscriber of this.subscribers) this.offer(subscriber, event);
    return true;
  }

  /** Buffered events after `lastEventId`, oldest first; by id order when that id is no longer buffered. */
  missedSince(lastEventId: string): AppEvent[] {
    const index = this.buffer.findIndex((event) => event.id === lastEventId);
    if (index >= 0) return this.buffer.slice(index + 1);
    return this.buffer.filter((event) => event.id > lastEventId);
  }

  async *subscribe(options: HubSubscription): AsyncGenerator<AppEvent, void, undefined> {
    const subscriber: Subscriber = {
      accepts: options.accepts,
      queue: [],
      wake: null,
      failed: null,
    };
    // Registered before the replay is read, so nothing published in between is lost; the replay's ids
    // are then skipped if they also arrive live.
    this.subscribers.add(subscriber);
    const onAbort = () => subscriber.wake?.();
    options.signal?.addEventListener('abort', onAbort);
    try {
      const replayed = new Set<string>();
      if (options.lastEventId !== undefined) {
        for (const event of this.missedSince(options.lastEventId)) {
          if (!subscriber.accepts(event)) continue;
          replayed.add(event.id);
          yield event;
        }
      }
      while (!options.signal?.aborted) {
        if (subscriber.failed) throw subscriber.failed;
        const next = subscriber.queue.shift();
        if (next) {
          if (!replayed.has(next.id)) yield next;
          continue;
        }
        await new Promise<void>((resolve) => {
          subscriber.wake = resolve;
        });
        subscriber.wake = null;
      }
    } finally {
      this.subscribers.delete(subscriber);
      options.signal?.removeEventListener('abort', onAbort);
    }
  }

  private offer(subscriber: Subscriber, event: AppEvent) {
    if (subscriber.failed || !subscriber.accepts(event)) return;
    if (subscriber.queue.length >= this.maxQueue) {
      subscriber.failed = new SubscriberTooSlowError(this.maxQueue);
      subscriber.queue.length = 0;
    } else {
      subscriber.queue.push(event);
    }
    subscriber.wake?.();
  }
}
