import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { Redis } from 'ioredis';
import type { Config } from '@absensi/config';
import {
  closeForgottenShifts,
  createLiveSocket,
  DatabaseSessionStore,
  LoginLimiter,
  RedisSessionStore,
  SettingsCache,
  type AppDeps,
  type LiveSocket,
  type SessionStore,
} from '@absensi/api';
import { openDatabase, prepareDatabase, type Database, type FirstAdmin } from '@absensi/db';
import { LiveHub, MemoryFeed, RedisFeed, type EventFeed } from '@absensi/events';
import { createMetrics } from './metrics.js';
import { buildServer } from './server.js';
import { resolveSessionSecret } from './session-secret.js';

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface RunningNode {
  url: string;
  mode: 'embedded' | 'cluster';
  admin: FirstAdmin | null;
  app: Awaited<ReturnType<typeof buildServer>>;
  close(): Promise<void>;
}

/** Reads the in-process feed into the hub: what the subscribers and realtime do in the cluster. */
function relay(feed: EventFeed, hub: LiveHub, signal: AbortSignal) {
  void (async () => {
    let cursor = '0';
    while (!signal.aborted) {
      const entries = await feed.read(cursor, { count: 500, blockMs: 1_000, signal });
      for (const entry of entries) {
        hub.publish(entry.event);
        cursor = entry.cursor;
      }
    }
  })();
}

function every(ms: number, task: () => Promise<unknown>, onError: (error: unknown) => void) {
  const timer = setInterval(() => void task().catch(onError), ms);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Starts one node. Without REDIS_URL it is the whole system in one process (the embedded mode of
 * `npm start`): it migrates, makes the first admin, relays events to its own WebSocket at /ws,
 * runs the periodic jobs and serves the PWA. With REDIS_URL it is one API node of the cluster.
 */
export async function startNode(config: Config): Promise<RunningNode> {
  const embedded = config.REDIS_URL === undefined;
  const sessionSecret = resolveSessionSecret(config);
  let db: Database;
  let admin: FirstAdmin | null = null;
  if (embedded) {
    const prepared = await prepareDatabase(config);
    db = prepared.db;
    admin = prepared.admin;
  } else {
    db = await openDatabase(config);
  }

  const metrics = createMetrics(config.APP_NODE_ID);
  const stops: (() => Promise<void> | void)[] = [];
  let feed: EventFeed;
  let sessions: SessionStore;
  let loginLimiter: LoginLimiter;
  let live: LiveHub | undefined;
  if (config.REDIS_URL) {
    const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
    redis.on('error', () => undefined);
    stops.push(() => void redis.disconnect());
    feed = new RedisFeed(config.REDIS_URL, config.REDIS_PREFIX);
    sessions = new RedisSessionStore(redis, config.REDIS_PREFIX, config.SESSION_TTL_HOURS * 3600);
    loginLimiter = LoginLimiter.redis(
      redis,
      config.REDIS_PREFIX,
      config.LOGIN_MAX_ATTEMPTS,
      config.LOGIN_WINDOW_SECONDS,
    );
  } else {
    feed = new MemoryFeed();
    const store = new DatabaseSessionStore(db, config.SESSION_TTL_HOURS * 3600);
    sessions = store;
    loginLimiter = LoginLimiter.inMemory(config.LOGIN_MAX_ATTEMPTS, config.LOGIN_WINDOW_SECONDS);
    live = new LiveHub();
    stops.push(
      every(
        3_600_000,
        () => store.sweep(),
        () => undefined,
      ),
    );
  }

  const logger = pino({ level: config.LOG_LEVEL, base: { node: config.APP_NODE_ID } });
  const deps: AppDeps = {
    nodeId: config.APP_NODE_ID,
    db,
    feed,
    settings: new SettingsCache(db, config.COMPANY_TZ),
    loginLimiter,
    clock: () => new Date(),
    live,
    observe: (sample) => metrics.observeProcedure(sample),
    log: logger,
  };

  let liveSocket: LiveSocket | undefined;
  if (live) {
    liveSocket = createLiveSocket({ deps, sessions, sessionSecret });
    const relayStop = new AbortController();
    relay(feed, live, relayStop.signal);
    stops.push(() => relayStop.abort());
    stops.push(
      every(
        60_000,
        () => closeForgottenShifts(deps),
        (error) => deps.log.error({ err: error }, 'auto clock-out failed'),
      ),
    );
  }

  const app = await buildServer({
    deps,
    metrics,
    sessions,
    sessionSecret,
    sessionTtlHours: config.SESSION_TTL_HOURS,
    cookieSecure: config.COOKIE_SECURE,
    trustProxy: config.TRUST_PROXY,
    logger,
    webRoot: embedded ? (config.WEB_DIST ?? DEFAULT_WEB_ROOT) : config.WEB_DIST,
    liveSocket,
  });
  const url = await app.listen({ host: config.HOST, port: config.PORT });

  return {
    url,
    mode: embedded ? 'embedded' : 'cluster',
    admin,
    app,
    async close() {
      await liveSocket?.close();
      await app.close();
      for (const stop of stops.reverse()) await stop();
      await feed.close();
      await db.close();
    },
  };
}
