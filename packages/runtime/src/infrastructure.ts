import { Redis } from 'ioredis';
import type { Logger as PinoLogger } from 'pino';
import { proxyTrust } from './client-address.js';
import type { Config } from '@absensi/config';
import { openDatabase, prepareDatabase, repos, type Database, type FirstAdmin } from '@absensi/db';
import {
  MemoryDayCache,
  MemorySnapshotCache,
  PlanningCache,
  SentMarks,
  SettingsCache,
  UserCache,
  USER_CACHE_TTL_MS,
  type CoreDeps,
  type DayCache,
  type LoginLimiter,
  type SnapshotCache,
} from '@absensi/core';
import { MemoryFeed, RedisFeed, type EventFeed } from '@absensi/events';
import { CacheNotices } from './caches/cache-notices.js';
import { RedisDayCache } from './caches/redis-day-cache.js';
import { RedisSnapshotCache } from './caches/redis-snapshot-cache.js';
import { createLogger } from './logger.js';
import { InProcessUserChanges, RedisUserChanges, type UserChangeBus } from './user-changes.js';
import { RateLimitedLogins, type LoginLimits } from './login-limiter.js';
import { resolveSessionSecret } from './session/secret.js';
import {
  DatabaseSessionStore,
  RedisSessionStore,
  ResilientSessionStore,
} from './session/stores.js';
import type { SessionStore } from './session/types.js';

const DASHBOARD_TTL_MS = 5_000;

function loginLimits(config: Config): LoginLimits {
  return {
    perPair: config.LOGIN_MAX_ATTEMPTS,
    perAddress: config.LOGIN_MAX_ATTEMPTS_PER_ADDRESS,
    windowSeconds: config.LOGIN_WINDOW_SECONDS,
  };
}

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
  /** Employees' days (`attendance.today`). */
  readonly dayCache: DayCache;
  readonly sentMarks: SentMarks;
  /** Account changes announced to every process (user caches, realtime's sockets). */
  readonly userChanges: UserChangeBus;
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
    const userChanges = new InProcessUserChanges();
    return {
      embedded,
      db,
      feed,
      sessions: new DatabaseSessionStore(db, ttlSeconds),
      sessionSecret,
      loginLimiter: RateLimitedLogins.inMemory(loginLimits(config)),
      settings: new SettingsCache(db, config.COMPANY_TZ, undefined, logger),
      logger,
      redis: null,
      admin,
      dashboardCache: new MemorySnapshotCache(DASHBOARD_TTL_MS),
      dayCache: new MemoryDayCache(),
      sentMarks,
      userChanges,
      async close() {
        await sentMarks.flush();
        await userChanges.close();
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
  // Cache version bumps announced to every process, so reads can skip asking Redis for them.
  const notices = new CacheNotices(redis, config.REDIS_PREFIX);
  const userChanges = new RedisUserChanges(redis, config.REDIS_PREFIX, (error) =>
    logger.debug({ err: error }, 'account change notice not sent; others see it within 5 s'),
  );
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
    loginLimiter: RateLimitedLogins.redis(redis, config.REDIS_PREFIX, loginLimits(config)),
    settings: new SettingsCache(db, config.COMPANY_TZ, undefined, logger),
    logger,
    redis,
    admin,
    dashboardCache: new RedisSnapshotCache(
      redis,
      `${config.REDIS_PREFIX}cache:dashboard`,
      DASHBOARD_TTL_MS,
      notices,
    ),
    dayCache: new RedisDayCache(redis, config.REDIS_PREFIX, undefined, notices),
    sentMarks,
    userChanges,
    async close() {
      await sentMarks.flush();
      await userChanges.close();
      notices.close();
      await feed.close();
      redis.disconnect();
      await db.close();
    },
  };
}

/** What use cases need, built from a process's connections; `extra` adds the job starter, push. */
export function coreDeps(
  infra: Infrastructure,
  nodeId: string,
  extra: Partial<Pick<CoreDeps, 'jobs' | 'push'>> = {},
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
    dayCache: infra.dayCache,
    sentMarks: infra.sentMarks,
    users: userCacheOf(infra),
    ...extra,
  };
}

/** The process's cache of signed-in users, announcing its changes and hearing everyone else's. */
function userCacheOf(infra: Infrastructure): UserCache {
  const cache = new UserCache(USER_CACHE_TTL_MS, undefined, infra.userChanges);
  infra.userChanges.subscribe((change) => {
    if (change === 'all') cache.clear();
    else for (const id of change) cache.forgetHere(id);
  });
  return cache;
}

/**
 * What a process's live socket needs from its connections and configuration: the session store
 * and secret, the origins and proxies to trust, the per-address limit and the account changes.
 */
export function liveSocketSettings(
  config: Pick<Config, 'PUBLIC_ORIGINS' | 'TRUST_PROXY' | 'WS_MAX_CONNECTIONS_PER_ADDRESS'>,
  infra: Pick<Infrastructure, 'sessions' | 'sessionSecret' | 'userChanges'>,
) {
  return {
    sessions: infra.sessions,
    sessionSecret: infra.sessionSecret,
    publicOrigins: config.PUBLIC_ORIGINS,
    trustProxy: proxyTrust(config.TRUST_PROXY),
    maxConnectionsPerAddress: config.WS_MAX_CONNECTIONS_PER_ADDRESS,
    userChanges: infra.userChanges,
  };
}
