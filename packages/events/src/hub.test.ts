import { describe, expect, it } from 'vitest';
import { LiveHub, SubscriberTooSlowError } from './hub.js';
import { sampleAttendanceCreated } from './testing/index.js';
import { eventSubject, type AppEvent } from './types.js';

async function take(iterator: AsyncGenerator<AppEvent>, count: number): Promise<AppEvent[]> {
  const taken: AppEvent[] = [];
  while (taken.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    taken.push(next.value);
  }
  return taken;
}

describe('LiveHub', () => {
  it('delivers each event id once, however many copies arrive', async () => {
    const hub = new LiveHub();
    const controller = new AbortController();
    const stream = hub.subscribe({ accepts: () => true, signal: controller.signal });
    const pending = take(stream, 2);
    const first = sampleAttendanceCreated(1);
    const second = sampleAttendanceCreated(2);
    expect(hub.publish(first)).toBe(true);
    expect(hub.publish(first)).toBe(false);
    expect(hub.publish(second)).toBe(true);
    expect((await pending).map((event) => event.id)).toEqual([first.id, second.id]);
    controller.abort();
  });

  it('gives each subscriber only what it may see', async () => {
    const hub = new LiveHub();
    const controller = new AbortController();
    const ownOnly = hub.subscribe({
      accepts: (event) => eventSubject(event) === 7,
      signal: controller.signal,
    });
    const pending = take(ownOnly, 1);
    hub.publish(sampleAttendanceCreated(8));
    const own = sampleAttendanceCreated(7);
    hub.publish(own);
    expect((await pending).map((event) => event.id)).toEqual([own.id]);
    controller.abort();
  });

  it('replays exactly what a subscriber missed after its last event id', async () => {
    const hub = new LiveHub();
    const events = [1, 2, 3, 4].map((user) => sampleAttendanceCreated(user));
    for (const event of events) hub.publish(event);
    const controller = new AbortController();
    const resumed = hub.subscribe({
      accepts: () => true,
      lastEventId: events[1]!.id,
      signal: controller.signal,
    });
    const pending = take(resumed, 3);
    const live = sampleAttendanceCreated(5);
    setTimeout(() => hub.publish(live), 5);
    expect((await pending).map((event) => event.id)).toEqual([
      events[2]!.id,
      events[3]!.id,
      live.id,
    ]);
    controller.abort();
  });

  it('replays by id order from an id it never saw: a ULID made from a time resumes from that time', () => {
    const hub = new LiveHub(100);
    const events = [1, 2, 3].map((user) => sampleAttendanceCreated(user));
    for (const event of events) hub.publish(event);
    // Ids sort as they were made (ULIDs): an id between the first and the second resumes after the first.
    const between = `${events[0]!.id}0`;
    expect(hub.missedSince('').map((event) => event.id)).toEqual(events.map((event) => event.id));
    expect(hub.missedSince(between).map((event) => event.id)).toEqual(
      events.slice(1).map((event) => event.id),
    );
    expect(hub.missedSince('ZZZZZZZZZZZZZZZZZZZZZZZZZZ')).toEqual([]);
  });

  it('forgets the oldest events beyond its capacity', () => {
    const hub = new LiveHub(2);
    const events = [1, 2, 3].map((user) => sampleAttendanceCreated(user));
    for (const event of events) hub.publish(event);
    expect(hub.missedSince('0').map((event) => event.id)).toEqual([events[1]!.id, events[2]!.id]);
  });

  it('drops a subscriber that falls too far behind, without holding back the others', async () => {
    const hub = new LiveHub(100, 3);
    const controller = new AbortController();
    const slow = hub.subscribe({ accepts: () => true, signal: controller.signal });
    const fast = hub.subscribe({ accepts: () => true, signal: controller.signal });
    const slowFirst = slow.next();
    const fastTaken = take(fast, 6);
    for (let user = 1; user <= 6; user += 1) {
      hub.publish(sampleAttendanceCreated(user));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await fastTaken).toHaveLength(6);
    expect((await slowFirst).done).toBe(false);
    await expect(slow.next()).rejects.toBeInstanceOf(SubscriberTooSlowError);
    expect(hub.subscriberCount).toBe(1);
    controller.abort();
  });

  it('ends a subscription when its signal aborts', async () => {
    const hub = new LiveHub();
    const controller = new AbortController();
    const stream = hub.subscribe({ accepts: () => true, signal: controller.signal });
    const next = stream.next();
    await Promise.resolve();
    controller.abort();
    expect(await next).toEqual({ done: true, value: undefined });
    expect(hub.subscriberCount).toBe(0);
  });

  it('pushes to an attached sink what it missed, then what follows, each once and in order', () => {
    const hub = new LiveHub();
    const events = [1, 2, 3].map((user) => sampleAttendanceCreated(user));
    for (const event of events) hub.publish(event);
    const got: string[] = [];
    const detach = hub.attach(
      { accepts: (event) => eventSubject(event) !== 2, deliver: (event) => got.push(event.id) },
      events[0]!.id,
    );
    const live = sampleAttendanceCreated(4);
    hub.publish(live);
    hub.publish(live);
    expect(got).toEqual([events[2]!.id, live.id]);
    detach();
    hub.publish(sampleAttendanceCreated(5));
    expect(got).toHaveLength(2);
    expect(hub.subscriberCount).toBe(0);
  });

  it('drops a sink that throws and still delivers to the others', () => {
    const hub = new LiveHub();
    const got: string[] = [];
    hub.attach({
      accepts: () => true,
      deliver: () => {
        throw new Error('socket gone');
      },
    });
    hub.attach({ accepts: () => true, deliver: (event) => got.push(event.id) });
    const event = sampleAttendanceCreated(1);
    expect(hub.publish(event)).toBe(true);
    expect(got).toEqual([event.id]);
    expect(hub.subscriberCount).toBe(1);
  });
});
