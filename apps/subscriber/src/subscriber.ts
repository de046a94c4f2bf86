import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { EventFeed } from '@absensi/events';
import { backoffMs, Forwarder } from './forward.js';
import { Lease } from './lease.js';

export interface SubscriberOptions {
  feed: EventFeed;
  /** Where the lease and the position in the feed are kept. */
  redis: Redis;
  /** The position in the feed, shared by the subscribers: whoever takes the lease goes on from it. */
  cursorKey: string;
  /** Which subscriber forwards: the holder of this lease; the others stand by. */
  lease: { key: string; holder: string; ttlMs?: number };
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
 * One subscriber node. The one holding the lease reads the feed in order and forwards each event to
 * realtime, moving the shared cursor only after realtime has taken the batch; the others stand by,
 * trying for the lease every fifth of its life, and the first to get it goes on from the cursor.
 * So any one running subscriber keeps the dashboards live, as when all four forwarded everything,
 * at a quarter of the work. Two forwarding at once (a holder paused past its lease) is harmless:
 * realtime keeps the first copy of each event.
 */
export function runSubscriber(options: SubscriberOptions, signal: AbortSignal): Promise<void> {
  const batchSize = options.batchSize ?? 200;
  const blockMs = options.blockMs ?? 2_000;
  const { logger } = options;
  const lease = new Lease(
    options.redis,
    options.lease.key,
    options.lease.holder,
    options.lease.ttlMs ?? 1_000,
  );
  const renewEveryMs = Math.max(20, Math.floor(lease.ttlMs / 5));

  async function startingCursor(): Promise<string> {
    const saved = await options.redis.get(options.cursorKey);
    if (saved) return saved;
    const backlog = options.initialBacklog ?? 1_000;
    if (backlog === 0) return (await options.feed.tail(1))[0]?.cursor ?? '0'; // only what comes next
    const recent = await options.feed.tail(backlog);
    const first = recent[0];
    // Start just before the oldest of the recent entries: "<ms>-<seq>" minus one in the sequence.
    if (!first) return '0';
    const [ms, seq] = first.cursor.split('-').map(Number) as [number, number];
    return seq > 0 ? `${ms}-${seq - 1}` : `${ms - 1}-99999999`;
  }

  return (async () => {
    let leading = false;
    const holdLease = async () => {
      const was = leading;
      leading = await lease.hold().catch((error: unknown) => {
        if (was) logger.warn({ err: error }, 'could not renew the lease; standing by');
        return false;
      });
      if (leading !== was)
        logger.info({ holder: lease.holder }, leading ? 'took the lease' : 'lost the lease');
    };
    // The lease is kept on a timer, apart from the blocking read, so a long read cannot let it lapse.
    const renewal = setInterval(() => void holdLease(), renewEveryMs);
    await holdLease();

    const forwarder = new Forwarder(options.ingestUrl, options.secret);
    // The position is saved at most every saveCursorEveryMs and on stop: one Redis write per event
    // would cost more than the forwarding. A holder killed outright leaves it a little behind, and
    // whoever takes over forwards those events again; realtime keeps only the first copy of each.
    const saveEveryMs = options.saveCursorEveryMs ?? 250;
    let cursor = '';
    let savedCursor = '';
    let savedAt = Date.now();
    const saveCursor = async () => {
      if (cursor === '' || cursor === savedCursor) return;
      const saving = cursor;
      await options.redis.set(options.cursorKey, saving);
      savedCursor = saving;
      savedAt = Date.now();
    };
    let failures = 0;
    while (!signal.aborted) {
      if (!leading) {
        if (cursor !== '') {
          await saveCursor().catch(() => undefined);
          cursor = ''; // the next holder moves it on; read it again when the lease comes back
        }
        await sleep(renewEveryMs, signal);
        continue;
      }
      try {
        if (cursor === '') {
          cursor = savedCursor = await startingCursor();
          logger.info({ cursor }, 'forwarding the feed');
        }
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
    clearInterval(renewal);
    forwarder.close();
    await saveCursor().catch((error: unknown) =>
      logger.warn({ err: error }, 'could not save the feed position on stop'),
    );
    // Handed over at once: a standby takes the lease on its next try instead of when it lapses.
    await lease
      .release()
      .catch((error: unknown) => logger.warn({ err: error }, 'could not release the lease'));
  })();
}
