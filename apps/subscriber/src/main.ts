// A subscriber node's entry: forward the absensi-events feed to realtime until SIGTERM.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { ConfigError, loadConfig } from '@absensi/config';
import { runEntry } from '@absensi/runtime';
import { RedisFeed } from '@absensi/events';
import { runSubscriber } from './subscriber.js';

await runEntry(
  () => {
    const config = loadConfig({ APP_NODE_ID: 'subscriber-1' });
    if (!config.REDIS_URL)
      throw new ConfigError(['REDIS_URL is required: subscribers read the feed from Redis']);
    if (!config.REALTIME_INTERNAL_URL)
      throw new ConfigError(['REALTIME_INTERNAL_URL is required: where realtime takes events']);
    if (!config.REALTIME_SECRET)
      throw new ConfigError(['REALTIME_SECRET (or REALTIME_SECRET_FILE) is required']);
    const logger = pino({ level: config.LOG_LEVEL, base: { node: config.APP_NODE_ID } });
    const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
    redis.on('error', () => undefined);
    const feed = new RedisFeed(config.REDIS_URL, config.REDIS_PREFIX);
    const stop = new AbortController();
    const done = runSubscriber(
      {
        feed,
        redis,
        cursorKey: `${config.REDIS_PREFIX}subscriber:cursor`,
        // Unique per process: during a rolling update an old and a new task share a slot's node id.
        lease: {
          key: `${config.REDIS_PREFIX}subscriber:lease`,
          holder: `${config.APP_NODE_ID}:${process.pid}:${randomBytes(4).toString('hex')}`,
        },
        ingestUrl: config.REALTIME_INTERNAL_URL,
        secret: config.REALTIME_SECRET,
        logger,
      },
      stop.signal,
    );
    return {
      // Saves the cursor and hands the lease over before letting go of Redis.
      async close() {
        stop.abort();
        await done;
        await feed.close();
        redis.disconnect();
      },
    };
  },
  { graceMs: 10_000 }, // Swarm's stop_grace_period for subscribers is 15 s
);
