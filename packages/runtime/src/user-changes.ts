import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import type { UserChangeNotifier } from '@absensi/core';

/** Accounts that changed, or 'all' when announcements may have been missed and everyone is read again. */
export type UserChange = readonly number[] | 'all';

/**
 * Accounts changed in one process, announced to every process: API nodes read them again at once
 * (their caches), realtime checks the sockets of those users and closes the ones whose session has
 * ended. The announcement is a hint, not the record: the database holds the change, and a process
 * that missed a notice sees it within the user cache's TTL, or at once when its channel comes back
 * ('all').
 */
export interface UserChangeBus extends UserChangeNotifier {
  /** Calls `listener` for every announcement, this process's own included; returns the unsubscribe. */
  subscribe(listener: (change: UserChange) => void): () => void;
  close(): Promise<void>;
}

/** One process (the embedded mode): announcements go straight to the listeners. */
export class InProcessUserChanges implements UserChangeBus {
  private readonly emitter = new EventEmitter();

  announce(userIds: readonly number[]): void {
    if (userIds.length > 0) this.emitter.emit('change', [...userIds]);
  }

  subscribe(listener: (change: UserChange) => void): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }

  close(): Promise<void> {
    this.emitter.removeAllListeners();
    return Promise.resolve();
  }
}

function idsOf(message: string): number[] {
  try {
    const parsed = JSON.parse(message) as unknown;
    return Array.isArray(parsed)
      ? parsed.filter((id): id is number => Number.isSafeInteger(id) && (id as number) > 0)
      : [];
  } catch {
    return [];
  }
}

/**
 * The cluster: Redis pub/sub on `${prefix}users-changed`, a JSON array of user ids per message. A
 * subscriber connection that comes back after a loss tells its listeners 'all', since notices sent
 * meanwhile are gone.
 */
export class RedisUserChanges implements UserChangeBus {
  private readonly emitter = new EventEmitter();
  private readonly channel: string;
  private readonly subscriber: Redis;

  constructor(
    private readonly publisher: Redis,
    prefix: string,
    private readonly onError: (error: unknown) => void,
  ) {
    this.channel = `${prefix}users-changed`;
    // A connection in subscriber mode can do nothing else: one of its own, which keeps retrying
    // while Redis is away and has no command timeout (a subscription waits for messages).
    this.subscriber = publisher.duplicate({
      enableOfflineQueue: true,
      maxRetriesPerRequest: null,
      commandTimeout: undefined,
    });
    this.subscriber.on('error', () => undefined); // the publisher's connection logs Redis outages
    let connectedBefore = false;
    this.subscriber.on('ready', () => {
      // Subscribed on every (re)connection, whether or not an earlier attempt got through.
      this.subscriber.subscribe(this.channel).catch(onError);
      if (connectedBefore) this.emitter.emit('change', 'all');
      connectedBefore = true;
    });
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      const ids = idsOf(message);
      if (ids.length > 0) this.emitter.emit('change', ids);
    });
  }

  announce(userIds: readonly number[]): void {
    if (userIds.length === 0) return;
    this.publisher.publish(this.channel, JSON.stringify(userIds)).catch(this.onError);
  }

  subscribe(listener: (change: UserChange) => void): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
    this.subscriber.disconnect();
    return Promise.resolve();
  }
}
