import { Redis } from 'ioredis';
import type { Logger as PinoLogger } from 'pino';
import type { Config } from '@absensi/config';
import { openDatabase, prepareDatabase, repos, type Database, type FirstAdmin } from '@absensi/db';
import {
  MemorySnapshotCache,
  PlanningCache,
  SentMarks,
  SettingsCache,
  UserCache,
  type CoreDeps,
  type LoginLimiter,
  type SnapshotCache,
} from '@absensi/core';
import { MemoryFeed, RedisFeed, type EventFeed } from '@absensi/events';
import { RedisSnapshotCache } from './caches/redis-snapshot-cache.js';
import { createLogger } from './logger.js';
import { RateLimitedLogins } from './login-limiter.js';
import { resolveSessionSecret } from './session/secret.js';
import {
  DatabaseSessionStore,
  RedisSessionStore,
  ResilientSessionStore,
} from './session/stores.js';
import type { SessionStore } from './session/types.js';

const DASHBOARD_TTL_MS = 5_000;

/** The connections one process needs, chosen by the configuration: Redis when REDIS_URL is set, else in-process. */
export interface Infrastructure {
  readonly embedded: boolean;
  readonly db: Database;
  readonly feed: EventFeed;
  readonly sessions: SessionStore;
  readonly sessionSecret: string;
  readonly loginLimiter: LoginLimiter;
  readonly settings: SettingsCache;
  readonly logger: PinoLogger;
  /** A general-purpose Redis connection (cluster only). */
  readonly redis: Redis | null;
  /** The first admin, when this process applied the migrations (embedded mode). */
  readonly admin: FirstAdmin | null;
  readonly dashboardCache: SnapshotCache;
  readonly sentMarks: SentMarks;
  close(): Promise<void>;
}

/**
 * Opens the database, the event feed, the session store and the login limiter. Without REDIS_URL
 * (the embedded mode) it also applies the migrations and makes the first admin; in the cluster the
 * migration job does that and nodes wait, not ready, until the schema is current.
 */
export async function connectInfrastructure(
  config: Config,
  options: { migrate?: boolean } = {},
): Promise<Infrastructure> {
  const embedded = config.REDIS_URL === undefined;
  const sessionSecret = resolveSessionSecret(config);
  const logger = createLogger(config);
  let db: Database;
  let admin: FirstAdmin | null = null;
  if (options.migrate ?? embedded) {
    const prepared = await prepareDatabase(config);
    db = prepared.db;
    admin = prepared.admin;
  } else {
    db = await openDatabase(config);
  }
  const ttlSeconds = config.SESSION_TTL_HOURS * 3600;
  const sentMarks = new SentMarks((ids, sentAt) => repos.outbox.markSent(db, ids, sentAt), logger);

  if (config.REDIS_URL === undefined) {
    const feed = new MemoryFeed();
    return {
      embedded,
      db,
      feed,
      sessions: new DatabaseSessionStore(db, ttlSeconds),
      sessionSecret,
      loginLimiter: RateLimitedLogins.inMemory(
        config.LOGIN_MAX_ATTEMPTS,
        config.LOGIN_WINDOW_SECONDS,
      ),
      settings: new SettingsCache(db, config.COMPANY_TZ),
      logger,
      redis: null,
      admin,
      dashboardCache: new MemorySnapshotCache(DASHBOARD_TTL_MS),
      sentMarks,
      async close() {
        await sentMarks.flush();
        await feed.close();
        await db.close();
      },
    };
  }

  // No offline queue: while Redis is away, sessions come from the database and the limiter counts
  // in memory at once, instead of requests waiting for a reconnect.
  const redis = new Redis(config.REDIS_URL, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    commandTimeout: 2_000,
  });
  // One line when Redis goes away and one when it is back, not one per reconnection attempt.
  let redisDown = false;
  redis.on('error', (error) => {
    if (redisDown) return;
    redisDown = true;
    logger.warn(
      { err: error },
      'Redis unreachable; sessions from the database, events kept in the outbox',
    );
  });
  redis.on('ready', () => {
    if (!redisDown) return;
    redisDown = false;
    logger.info('Redis reachable again');
  });
  const feed = new RedisFeed(config.REDIS_URL, config.REDIS_PREFIX);
  return {
    embedded,
    db,
    feed,
    sessions: new ResilientSessionStore(
      new RedisSessionStore(redis, config.REDIS_PREFIX, ttlSeconds),
      new DatabaseSessionStore(db, ttlSeconds),
      (error) =>
        logger.debug({ err: error }, 'session read from the database: Redis did not answer'),
    ),
    sessionSecret,
    loginLimiter: RateLimitedLogins.redis(
      redis,
      config.REDIS_PREFIX,
      config.LOGIN_MAX_ATTEMPTS,
      config.LOGIN_WINDOW_SECONDS,
    ),
    settings: new SettingsCache(db, config.COMPANY_TZ),
    logger,
    redis,
    admin,
    dashboardCache: new RedisSnapshotCache(
      redis,
      `${config.REDIS_PREFIX}cache:dashboard`,
      DASHBOARD_TTL_MS,
    ),
    sentMarks,
    async close() {
      await sentMarks.flush();
      await feed.close();
      redis.disconnect();
      await db.close();
    },
  };
}

/** What use cases need, built from a process's connections; `extra` adds the job starter. */
export function coreDeps(
  infra: Infrastructure,
  nodeId: string,
  extra: Partial<Pick<CoreDeps, 'jobs'>> = {},
): CoreDeps {
  return {
    nodeId,
    db: infra.db,
    feed: infra.feed,
    settings: infra.settings,
    planning: new PlanningCache(infra.db),
    loginLimiter: infra.loginLimiter,
    clock: () => new Date(),
    log: infra.logger,
    dashboardCache: infra.dashboardCache,
    sentMarks: infra.sentMarks,
    users: new UserCache(),
    ...extra,
  };
}
