import type { Redis } from 'ioredis';
import { repos, type Database } from '@absensi/db';
import type { SessionData, SessionStore } from './types.js';

function expiryOf(session: SessionData, ttlSeconds: number): Date {
  const expires = (session.cookie as { expires?: string | Date } | undefined)?.expires;
  return expires ? new Date(expires) : new Date(Date.now() + ttlSeconds * 1000);
}

function settle<T>(promise: Promise<T>, callback: (error: Error | null, value?: T) => void) {
  promise.then(
    (value) => callback(null, value),
    (error: unknown) =>
      callback(
        error instanceof Error ? error : new Error('session store failed', { cause: error }),
      ),
  );
}

/** Sessions in Redis, shared by every node, expiring with their cookie. */
export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {}

  private key(sessionId: string) {
    return `${this.prefix}sess:${sessionId}`;
  }

  set(sessionId: string, session: SessionData, callback: (error?: Error) => void) {
    const ttl = Math.max(
      1,
      Math.ceil((expiryOf(session, this.ttlSeconds).getTime() - Date.now()) / 1000),
    );
    settle(this.redis.set(this.key(sessionId), JSON.stringify(session), 'EX', ttl), (error) =>
      callback(error ?? undefined),
    );
  }

  get(sessionId: string, callback: (error: Error | null, session?: SessionData | null) => void) {
    settle(
      this.redis
        .get(this.key(sessionId))
        .then((raw) => (raw === null ? null : (JSON.parse(raw) as SessionData))),
      callback,
    );
  }

  destroy(sessionId: string, callback: (error?: Error) => void) {
    settle(this.redis.del(this.key(sessionId)), (error) => callback(error ?? undefined));
  }
}

/**
 * Redis first, the database behind it: logins are written to both (they are rare), reads come from
 * Redis and fall back to the database when Redis cannot answer, so that a Redis outage or restart
 * signs nobody out and clock-ins keep working.
 */
export class ResilientSessionStore implements SessionStore {
  constructor(
    private readonly primary: SessionStore,
    private readonly durable: SessionStore,
    private readonly onFallback: (error: Error) => void = () => undefined,
  ) {}

  set(sessionId: string, session: SessionData, callback: (error?: Error) => void) {
    this.durable.set(sessionId, session, (durableError) => {
      if (durableError) return callback(durableError);
      this.primary.set(sessionId, session, (error) => {
        if (error) this.onFallback(error);
        callback();
      });
    });
  }

  get(sessionId: string, callback: (error: Error | null, session?: SessionData | null) => void) {
    this.primary.get(sessionId, (error, session) => {
      if (!error && session) return callback(null, session);
      if (error) this.onFallback(error);
      // Not in Redis (evicted, or Redis restarted empty) or Redis away: the database decides.
      this.durable.get(sessionId, callback);
    });
  }

  destroy(sessionId: string, callback: (error?: Error) => void) {
    this.durable.destroy(sessionId, (durableError) => {
      if (durableError) return callback(durableError);
      this.primary.destroy(sessionId, (error) => {
        if (error) this.onFallback(error);
        callback();
      });
    });
  }
}

/** Sessions in the database: the embedded mode's store, so a restart keeps everyone signed in. */
export class DatabaseSessionStore implements SessionStore {
  constructor(
    private readonly db: Database,
    private readonly ttlSeconds: number,
  ) {}

  set(sessionId: string, session: SessionData, callback: (error?: Error) => void) {
    const row = {
      id: sessionId,
      data: JSON.stringify(session),
      expiresAt: expiryOf(session, this.ttlSeconds),
    };
    settle(repos.sessions.save(this.db, row), (error) => callback(error ?? undefined));
  }

  get(sessionId: string, callback: (error: Error | null, session?: SessionData | null) => void) {
    settle(
      repos.sessions
        .dataOf(this.db, sessionId)
        .then((data) => (data === null ? null : (JSON.parse(data) as SessionData))),
      callback,
    );
  }

  destroy(sessionId: string, callback: (error?: Error) => void) {
    settle(repos.sessions.remove(this.db, sessionId), (error) => callback(error ?? undefined));
  }

  /** Removes expired sessions; run now and then. */
  async sweep(now = new Date()): Promise<number> {
    return repos.sessions.sweep(this.db, now);
  }
}

/** The store's get as a promise. */
export function readSession(store: SessionStore, sessionId: string): Promise<SessionData | null> {
  return new Promise((resolve, reject) =>
    store.get(sessionId, (error, session) =>
      error
        ? reject(error instanceof Error ? error : new Error(String(error)))
        : resolve(session ?? null),
    ),
  );
}
