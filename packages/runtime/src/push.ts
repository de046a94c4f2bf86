/**
 * Web Push in a process: the push service from the configuration (null when VAPID keys are not
 * set), and the loop that sends each new notification in the event feed to the person's phones.
 * The worker runs the loop in the cluster (one replica), the embedded node in `npm start`.
 */
import { pushSettings, type Config } from '@absensi/config';
import { sendPushes, webPushService, type CoreDeps, type PushService } from '@absensi/core';
import type { EventFeed } from '@absensi/events';

/** The push service when VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT are set. */
export function pushServiceOf(config: Config): PushService | undefined {
  const settings = pushSettings(config);
  return settings ? webPushService(settings) : undefined;
}

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * Follows the feed from now on and pushes each NotificationCreated to its person's phones, until
 * `signal` aborts. A feed that fails is read again after a second; a push that fails is logged
 * (and noted on its subscription), never fatal. Does nothing when push is off.
 */
export function runPushSender(
  deps: Pick<CoreDeps, 'db' | 'clock' | 'log' | 'push'>,
  feed: EventFeed,
  signal: AbortSignal,
): Promise<void> {
  if (!deps.push) return Promise.resolve();
  return (async () => {
    // From the newest entry now (not '$' on every read: what came between two reads would be lost).
    let cursor: string | null = null;
    while (!signal.aborted) {
      try {
        cursor ??= (await feed.tail(1))[0]?.cursor ?? '0';
        const entries = await feed.read(cursor, { count: 200, blockMs: 1_000, signal });
        const last = entries.at(-1);
        if (last) cursor = last.cursor;
        const events = entries.flatMap((entry) => (entry.event ? [entry.event] : []));
        if (events.some((event) => event.type === 'NotificationCreated'))
          await sendPushes(deps, events);
      } catch (error) {
        if (signal.aborted) break;
        deps.log.warn({ err: error }, 'push sender: reading the feed failed; trying again');
        await pause(1_000, signal);
      }
    }
  })();
}
