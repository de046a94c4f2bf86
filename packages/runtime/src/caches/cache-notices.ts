import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ChainableCommander, Redis } from 'ioredis';

/** What a notice says changed: these people's days, everyone's days, or the dashboard. */
export type CacheNotice =
  { kind: 'days'; userIds: readonly number[] } | { kind: 'everyone' } | { kind: 'dashboard' };

/** How often this process checks its subscription with a ping to itself, ms. */
export const NOTICE_PING_MS = 250;
/** How long after its last answered ping a process still trusts what it keeps, ms. */
export const NOTICE_TRUST_MS = 1_000;
/**
 * The longest a process serves a kept version or day without asking Redis again, ms, whatever the
 * notices say: the bound if a bump ever comes without its notice (a node of an older build during
 * a rollout bumps without announcing).
 */
export const KEPT_AT_MOST_MS = 5_000;

function encode(notice: CacheNotice): string {
  if (notice.kind === 'days') return `d:${notice.userIds.join(',')}`;
  return notice.kind === 'everyone' ? 'D' : 'S';
}

function decode(message: string): CacheNotice | null {
  if (message === 'D') return { kind: 'everyone' };
  if (message === 'S') return { kind: 'dashboard' };
  if (!message.startsWith('d:')) return null;
  const userIds = message
    .slice(2)
    .split(',')
    .map(Number)
    .filter((id) => Number.isSafeInteger(id) && id > 0);
  return { kind: 'days', userIds };
}

/**
 * Cache version bumps announced to every process over Redis pub/sub, so a process can keep a
 * version (or a value read under it) in memory and skip asking Redis on every read.
 *
 * A bump and its notice go in one MULTI (`publishIn`), so no process can read the new version
 * before the notice is out. A process trusts what it keeps only while its subscription is
 * confirmed and its last ping to itself (every NOTICE_PING_MS, on a channel of its own, through
 * the same Redis) came back less than NOTICE_TRUST_MS ago: Redis delivers a connection's messages
 * in the order it executed the PUBLISHes, so every notice sent before that ping has been heard.
 * A subscription lost, unconfirmed or silent therefore costs at most NOTICE_TRUST_MS of staleness
 * and then nothing is trusted (readers ask Redis, as without notices) until it is back; and every
 * such gap changes `epoch`, so nothing kept before it is trusted after it.
 *
 * Order with a caller's next request: Redis writes the notice to every subscriber when the bump
 * executes, before the writer has its answer, so on the node serving the caller's next request
 * the notice is in its socket before the reply to that request's session read. A reader serves
 * from memory only after `settled()`: by then every socket that was readable with that reply,
 * the notices' included, has been handled.
 */
export class CacheNotices {
  private readonly channel: string;
  private readonly pingChannel: string;
  private readonly subscriber: Redis;
  private readonly listeners = new Set<(notice: CacheNotice) => void>();
  private subscribed = false;
  /** When (performance.now() of this process) the last ping that came back was sent. */
  private lastEcho = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;
  private gap = 0;
  private sequence = 0;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly options: { pingMs?: number; trustMs?: number } = {},
  ) {
    this.channel = `${prefix}cache:notices`;
    this.pingChannel = `${prefix}cache:notices:ping:${randomBytes(9).toString('base64url')}`;
    // A connection in subscriber mode can do nothing else: one of its own, retrying while Redis
    // is away, no command timeout (a subscription waits for messages).
    this.subscriber = redis.duplicate({
      enableOfflineQueue: true,
      maxRetriesPerRequest: null,
      commandTimeout: undefined,
      autoResubscribe: false,
    });
    this.subscriber.on('error', () => undefined); // the main connection logs Redis outages
    this.subscriber.on('ready', () => {
      this.subscriber.subscribe(this.channel, this.pingChannel).then(
        () => {
          this.subscribed = true;
        },
        () => this.lose(),
      );
    });
    this.subscriber.on('close', () => this.lose());
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.pingChannel) {
        const sentAt = Number(message);
        // Pings came back too far apart: one was lost, and notices may have been with it.
        if (sentAt - this.lastEcho > this.trustMs) this.gap += 1;
        if (sentAt > this.lastEcho) this.lastEcho = sentAt;
        return;
      }
      if (channel !== this.channel) return;
      const notice = decode(message);
      if (notice) this.tell(notice);
    });
    this.timer = setInterval(() => this.ping(), options.pingMs ?? NOTICE_PING_MS);
    this.timer.unref();
    this.ping();
  }

  private get trustMs() {
    return this.options.trustMs ?? NOTICE_TRUST_MS;
  }

  private ping() {
    if (!this.subscribed) return;
    this.redis.publish(this.pingChannel, String(performance.now())).catch(() => undefined);
  }

  private lose() {
    this.subscribed = false;
    this.gap += 1;
  }

  private tell(notice: CacheNotice) {
    this.sequence += 1;
    for (const listener of this.listeners) listener(notice);
  }

  /**
   * Resolves after this turn of the event loop has handled all the input it had (setImmediate
   * runs after the poll phase): a notice that arrived with the reply a reader last waited for has
   * been heard by then. Call before serving anything kept.
   */
  settled(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
  }

  /** Whether notices are being heard: what was kept in this `epoch` may be served. */
  trusted(): boolean {
    if (!this.subscribed) return false;
    if (performance.now() - this.lastEcho < this.trustMs) return true;
    this.gap += 1;
    return false;
  }

  /**
   * Changes whenever notices may have been missed (a lost or silent subscription): keep the epoch
   * a value was read in, and serve it only while the epoch is the same and `trusted()`.
   */
  epoch(): number {
    return this.gap;
  }

  /** How many notices this process has heard (its own included); grows with each. */
  heard(): number {
    return this.sequence;
  }

  /** Calls `listener` for every notice, this process's own included; returns the unsubscribe. */
  listen(listener: (notice: CacheNotice) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Adds the notice to `batch` (the MULTI that bumps the version), and tells this process's
   * listeners at once: its own next read must not wait for the notice to come back.
   */
  publishIn(batch: ChainableCommander, notice: CacheNotice): ChainableCommander {
    this.tell(notice);
    return batch.publish(this.channel, encode(notice));
  }

  /** Tells this process's listeners again once the MULTI has run (a read may have begun meanwhile). */
  heardOwn(notice: CacheNotice): void {
    this.tell(notice);
  }

  close(): void {
    clearInterval(this.timer);
    this.listeners.clear();
    this.subscribed = false;
    this.subscriber.disconnect();
  }
}
