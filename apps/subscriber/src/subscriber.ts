import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { EventFeed } from '@absensi/events';
import { backoffMs, Forwarder } from './forward.js';

export interface SubscriberOptions {
  feed: EventFeed;
  /** Where the position in the feed is kept, so a restarted subscriber resumes where it stopped. */
  redis: Redis;
  cursorKey: string;
  ingestUrl: string;
  secret: string;
  logger: Logger;
  batchSize?: number;
  blockMs?: number;
  /** On a subscriber's very first start, how many recent events to forward (realtime drops copies). */
  initialBacklog?: number;
  /** How often the position is saved while events flow (always on stop). */
  saveCursorEveryMs?: number;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/**
 * One subscriber node: reads every event of the feed in order and forwards it to realtime, moving
 * its saved cursor only after realtime has taken the batch. Every subscriber forwards everything;
 * realtime keeps the first copy, so any one running subscriber keeps the dashboards live.
 */
export function runSubscriber(options: SubscriberOptions, signal: AbortSignal): Promise<void> {
  const batchSize = options.batchSize ?? 200;
  const blockMs = options.blockMs ?? 2_000;
  const { logger } = options;

  async function startingCursor(): Promise<string> {
    const saved = await options.redis.get(options.cursorKey);
    if (saved) return saved;
    const recent = await options.feed.tail(options.initialBacklog ?? 1_000);
    const first = recent[0];
    // Start just before the oldest of the recent entries: "<ms>-<seq>" minus one in the sequence.
    if (!first) return '0';
    const [ms, seq] = first.cursor.split('-').map(Number) as [number, number];
    return seq > 0 ? `${ms}-${seq - 1}` : `${ms - 1}-99999999`;
  }

  return (async () => {
    let cursor = '';
    for (let attempt = 0; !signal.aborted && cursor === ''; attempt += 1) {
      try {
        cursor = await startingCursor();
      } catch (error) {
        logger.warn({ err: error }, 'feed unreachable; retrying');
        await sleep(backoffMs(attempt), signal);
      }
    }
    logger.info({ cursor }, 'subscriber reading the feed');
    const forwarder = new Forwarder(options.ingestUrl, options.secret);
    // The position is saved at most every saveCursorEveryMs and on stop: one Redis write per event
    // would cost more than the forwarding. A subscriber killed outright resumes a little earlier and
    // forwards those events again; realtime keeps only the first copy of each.
    const saveEveryMs = options.saveCursorEveryMs ?? 250;
    let savedCursor = cursor;
    let savedAt = Date.now();
    const saveCursor = async () => {
      if (cursor === savedCursor) return;
      const saving = cursor;
      await options.redis.set(options.cursorKey, saving);
      savedCursor = saving;
      savedAt = Date.now();
    };
    let failures = 0;
    while (!signal.aborted) {
      try {
        const entries = await options.feed.read(cursor, { count: batchSize, blockMs, signal });
        if (entries.length === 0) {
          await saveCursor(); // quiet: the position catches up
          continue;
        }
        const events = entries.flatMap((entry) => (entry.event ? [entry.event] : []));
        const skipped = entries.filter((entry) => !entry.event).map((entry) => entry.cursor);
        if (skipped.length > 0)
          logger.warn({ skipped }, 'skipped feed entries this version cannot read');
        if (events.length > 0) await forwarder.forward(events);
        cursor = entries[entries.length - 1]!.cursor;
        if (Date.now() - savedAt >= saveEveryMs) await saveCursor();
        failures = 0;
      } catch (error) {
        if (signal.aborted) break;
        failures += 1;
        if (failures === 1 || failures % 20 === 0)
          logger.warn({ err: error, failures }, 'forwarding failed; will retry the same events');
        await sleep(backoffMs(failures), signal);
      }
    }
    forwarder.close();
    await saveCursor().catch((error: unknown) =>
      logger.warn({ err: error }, 'could not save the feed position on stop'),
    );
  })();
}
