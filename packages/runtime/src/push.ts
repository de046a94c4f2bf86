/**
 * Web Push in a process: the push service from the configuration (null when VAPID keys are not
 * set), and the loop that sends each new notification in the event feed to the person's phones.
 * The worker runs the loop in the cluster (one replica), the embedded node in `npm start`.
 */
import type { Redis } from 'ioredis';
import { pushSettings, type Config } from '@absensi/config';
import {
  PUSH_TTL_SECONDS,
  sendPushes,
  webPushService,
  type CoreDeps,
  type PushService,
} from '@absensi/core';
import type { AppEvent, EventFeed } from '@absensi/events';

/** The push service when VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT are set. */
export function pushServiceOf(config: Config): PushService | undefined {
  const settings = pushSettings(config);
  return settings ? webPushService(settings) : undefined;
}

/** Where the sender keeps the feed position it has pushed up to, so a restart resumes there. */
export interface PushCursorStore {
  /** The last position pushed, or null when none was saved (start from now). */
  load(): Promise<string | null>;
  save(cursor: string): Promise<void>;
}

/** The sender's position in Redis, under `key` (e.g. `${REDIS_PREFIX}push:cursor`). */
export function redisPushCursor(redis: Redis, key: string): PushCursorStore {
  return {
    load: () => redis.get(key),
    save: async (cursor) => {
      await redis.set(key, cursor);
    },
  };
}

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * Whether a notification is still worth a push at `now`: no older than the push service would keep
 * it for a phone that is off (PUSH_TTL_SECONDS, a day). A sender resuming after a long stop skips
 * the older ones; the person still finds them in their notifications.
 */
export function stillWorthPushing(event: AppEvent, now: Date): boolean {
  return now.getTime() - Date.parse(event.occurredAt) <= PUSH_TTL_SECONDS * 1_000;
}

/**
 * Follows the feed and pushes each NotificationCreated to its person's phones, until `signal`
 * aborts. With a cursor store it starts after the last position it saved (so notifications made
 * while it was stopped, a deploy or a crash, are pushed when it is back) and saves its position
 * after each batch is pushed: at least once, and a phone shows a repeated push once (the same tag).
 * Without one, or with nothing saved, it starts from the newest entry. A feed that fails is read
 * again after a second; a push that fails is logged (and noted on its subscription), never fatal.
 * Does nothing when push is off.
 */
export function runPushSender(
  deps: Pick<CoreDeps, 'db' | 'clock' | 'log' | 'push'>,
  feed: EventFeed,
  signal: AbortSignal,
  options: { cursor?: PushCursorStore | undefined; blockMs?: number } = {},
): Promise<void> {
  if (!deps.push) return Promise.resolve();
  const store = options.cursor;
  return (async () => {
    // From a saved or the newest position (not '$' on every read: what came between two reads
    // would be lost).
    let cursor: string | null = null;
    while (!signal.aborted) {
      try {
        cursor ??= (await store?.load()) ?? (await feed.tail(1))[0]?.cursor ?? '0';
        const entries = await feed.read(cursor, {
          count: 200,
          blockMs: options.blockMs ?? 1_000,
          signal,
        });
        const last = entries.at(-1);
        if (!last) continue;
        const now = deps.clock();
        const events = entries.flatMap((entry) =>
          entry.event && stillWorthPushing(entry.event, now) ? [entry.event] : [],
        );
        if (events.some((event) => event.type === 'NotificationCreated'))
          await sendPushes(deps, events);
        cursor = last.cursor;
        await store?.save(cursor);
      } catch (error) {
        if (signal.aborted) break;
        deps.log.warn({ err: error }, 'push sender: reading the feed failed; trying again');
        await pause(1_000, signal);
      }
    }
  })();
}
