import { fileURLToPath } from 'node:url';
import type { Config } from '@absensi/config';
import {
  closeForgottenShifts,
  appDeps,
  connectInfrastructure,
  createLiveSocket,
  DatabaseSessionStore,
  type AppDeps,
  type JobStarter,
  type LiveSocket,
} from '@absensi/api';
import type { FirstAdmin } from '@absensi/db';
import {
  createQueue,
  EXPORT_QUEUE,
  InProcessJobStarter,
  QueueJobStarter,
  type ExportJobData,
} from '@absensi/jobs';
import { LiveHub, type EventFeed } from '@absensi/events';
import { createMetrics } from './metrics.js';
import { buildServer } from './server.js';

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface RunningNode {
  url: string;
  mode: 'embedded' | 'cluster';
  admin: FirstAdmin | null;
  deps: AppDeps;
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
        if (entry.event) hub.publish(entry.event);
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
  const infra = await connectInfrastructure(config);
  const metrics = createMetrics(config.APP_NODE_ID);
  const stops: (() => Promise<void> | void)[] = [];
  const live = infra.embedded ? new LiveHub() : undefined;

  const baseDeps = appDeps(infra, config.APP_NODE_ID, {
    live,
    observe: (sample) => metrics.observeProcedure(sample),
  });
  // Exports run in this process when embedded, else on the worker through the queue.
  let jobs: JobStarter;
  if (config.REDIS_URL) {
    const queue = new QueueJobStarter(
      createQueue<ExportJobData>(
        EXPORT_QUEUE,
        { url: config.REDIS_URL, prefix: config.REDIS_PREFIX },
        'producer',
      ),
      baseDeps,
    );
    stops.push(() => queue.close());
    jobs = queue;
  } else {
    const runner = new InProcessJobStarter(baseDeps);
    stops.push(() => runner.drain());
    jobs = runner;
  }
  const deps: AppDeps = { ...baseDeps, jobs };

  let liveSocket: LiveSocket | undefined;
  if (live) {
    liveSocket = createLiveSocket({
      deps,
      sessions: infra.sessions,
      sessionSecret: infra.sessionSecret,
    });
    const relayStop = new AbortController();
    relay(infra.feed, live, relayStop.signal);
    stops.push(() => relayStop.abort());
    const onError = (error: unknown) => infra.logger.error({ err: error }, 'periodic job failed');
    stops.push(every(60_000, () => closeForgottenShifts(deps), onError));
    if (infra.sessions instanceof DatabaseSessionStore) {
      const store = infra.sessions;
      stops.push(every(3_600_000, () => store.sweep(), onError));
    }
  }

  const app = await buildServer({
    deps,
    metrics,
    sessions: infra.sessions,
    sessionSecret: infra.sessionSecret,
    sessionTtlHours: config.SESSION_TTL_HOURS,
    cookieSecure: config.COOKIE_SECURE,
    trustProxy: config.TRUST_PROXY,
    logger: infra.logger,
    webRoot: infra.embedded ? (config.WEB_DIST ?? DEFAULT_WEB_ROOT) : config.WEB_DIST,
    liveSocket,
  });
  const url = await app.listen({ host: config.HOST, port: config.PORT });

  return {
    url,
    mode: infra.embedded ? 'embedded' : 'cluster',
    admin: infra.admin,
    deps,
    app,
    async close() {
      await liveSocket?.close();
      await app.close();
      for (const stop of stops.reverse()) await stop();
      await infra.close();
    },
  };
}
