import { tracked, type TrackedEnvelope } from '@trpc/server';
import type { AppEvent, LiveHub } from '@absensi/events';

export interface LiveStreamOptions<E extends AppEvent, T> {
  /** Which events this subscriber may see. */
  accepts: (event: AppEvent) => event is E;
  /**
   * What the client receives for an event. It must return the same object for every subscriber of
   * one event (the event itself or a part of it), so the socket layer serialises it once per event.
   */
  project: (event: E) => T;
  lastEventId?: string | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * A subscription procedure's result: the hub's events for one subscriber, each as tRPC's
 * `tracked(event.id, data)` so a client resumes after the last one it saw.
 *
 * Any tRPC adapter can iterate it. The WebSocket endpoint instead `attach`es a sink, which the hub
 * calls synchronously per event: no async iterator, promise or queue per subscriber per event,
 * which is what lets one realtime process keep ten thousand sockets current.
 */
export class LiveStream<E extends AppEvent, T extends object> implements AsyncIterable<
  TrackedEnvelope<T>
> {
  constructor(
    private readonly hub: LiveHub,
    private readonly options: LiveStreamOptions<E, T>,
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<TrackedEnvelope<T>, void, undefined> {
    for await (const event of this.hub.subscribe(this.options))
      yield tracked(event.id, this.options.project(event as E));
  }

  /** Delivers what was missed after `lastEventId`, then each new event, until detached. */
  attach(deliver: (eventId: string, data: T) => void): () => void {
    const { accepts, project, lastEventId } = this.options;
    return this.hub.attach(
      // The hub delivers only what `accepts` took, and `accepts` is the guard for E.
      { accepts, deliver: (event) => deliver(event.id, project(event as E)) },
      lastEventId,
    );
  }
}

export function isLiveStream(value: unknown): value is LiveStream<AppEvent, object> {
  return value instanceof LiveStream;
}
