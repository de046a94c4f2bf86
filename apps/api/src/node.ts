import { resolve } from 'node:path';
import type { Config } from '@absensi/config';
import { createLiveSocket, type AppDeps, type LiveSocket } from '@absensi/api';
import {
  closeForgottenShifts,
  recentEvents,
  settleRecentDays,
  type JobStarter,
} from '@absensi/core';
import type { FirstAdmin } from '@absensi/db';
import { createQueue, EXPORT_QUEUE, InProcessJobStarter, QueueJobStarter } from '@absensi/jobs';
import type { ExportJobData } from '@absensi/core';
import { LiveHub, type EventFeed } from '@absensi/events';
import {
  connectInfrastructure,
  coreDeps,
  DatabaseSessionStore,
  liveSocketSettings,
  proxyTrust,
  pushServiceOf,
  runPushSender,
  watchConnectionWait,
  type Infrastructure,
} from '@absensi/runtime';
import { buildApp, type App } from './app.js';
import type { AdmissionOptions } from './plugins/admission.js';
import { createMetrics } from './metrics.js';

export interface RunningNode {
  url: string;
  mode: 'embedded' | 'cluster';
  admin: FirstAdmin | null;
  deps: AppDeps;
  app: App;
  close(): Promise<void>;
}

type Stop = () => Promise<void> | void;

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

function every(ms: number, task: () => Promise<unknown>, onError: (error: unknown) => void): Stop {
  const timer = setInterval(() => void task().catch(onError), ms);
  timer.unref();
  return () => clearInterval(timer);
}

/** Exports run on the worker through the queue in the cluster, in this process when embedded. */
function jobStarter(config: Config, deps: AppDeps, stops: Stop[]): JobStarter {
  if (config.REDIS_URL) {
    const queue = new QueueJobStarter(
      createQueue<ExportJobData>(
        EXPORT_QUEUE,
        { url: config.REDIS_URL, prefix: config.REDIS_PREFIX },
        'producer',
      ),
      deps,
    );
    stops.push(() => queue.close());
    return queue;
  }
  const runner = new InProcessJobStarter(deps);
  stops.push(() => runner.drain());
  return runner;
}

/** Events reloaded from the outbox at start: what realtime reloads from the stream in the cluster. */
const REPLAY_DEPTH = 10_000;

/**
 * The embedded mode's share of the cluster's services: live updates on /ws (with the recent events
 * reloaded from the database, so a client resuming after a restart gets exactly what it missed)
 * and the periodic jobs.
 */
async function embeddedServices(
  config: Config,
  infra: Infrastructure,
  deps: AppDeps,
  hub: LiveHub,
  stops: Stop[],
) {
  for (const event of await recentEvents(deps, REPLAY_DEPTH)) hub.publish(event);
  const liveSocket = createLiveSocket({ deps, ...liveSocketSettings(config, infra) });
  const relayStop = new AbortController();
  relay(infra.feed, hub, relayStop.signal);
  // Notifications to phones (Web Push), as the worker sends them in the cluster.
  void runPushSender(deps, infra.feed, relayStop.signal);
  stops.push(() => relayStop.abort());
  const onError = (error: unknown) => infra.logger.error({ err: error }, 'periodic job failed');
  stops.push(every(60_000, () => closeForgottenShifts(deps), onError));
  stops.push(every(60_000, () => settleRecentDays(deps), onError));
  if (infra.sessions instanceof DatabaseSessionStore) {
    const store = infra.sessions;
    stops.push(every(3_600_000, () => store.sweep(), onError));
  }
  return liveSocket;
}

/** Admission control's budgets from the configuration, on the wait for this process's database pool. */
function admissionOf(config: Config, infra: Infrastructure): AdmissionOptions {
  const wait = watchConnectionWait(infra.db);
  return {
    writeWaitMs: config.ADMISSION_WRITE_WAIT_MS,
    readWaitMs: config.ADMISSION_READ_WAIT_MS,
    maxWritesInFlight: config.ADMISSION_MAX_WRITES_IN_FLIGHT,
    maxReadsInFlight: config.ADMISSION_MAX_READS_IN_FLIGHT,
    maxEventLoopDelayMs: config.ADMISSION_MAX_EVENT_LOOP_DELAY_MS,
    retryAfterSeconds: config.ADMISSION_RETRY_AFTER_SECONDS,
    maxRetryAfterSeconds: config.ADMISSION_MAX_RETRY_AFTER_SECONDS,
    connectionWaitMs: () => wait.oldestMs(),
  };
}

/**
 * Starts one node. Without REDIS_URL it is the whole system in one process (the embedded mode of
 * `npm start`): it migrates, makes the first admin, relays events to its own WebSocket at /ws,
 * runs the periodic jobs and serves the PWA. With REDIS_URL it is one API node of the cluster.
 */
export async function startNode(config: Config): Promise<RunningNode> {
  const infra = await connectInfrastructure(config);
  const metrics = createMetrics(config.APP_NODE_ID);
  const stops: Stop[] = [];
  const live = infra.embedded ? new LiveHub(REPLAY_DEPTH) : undefined;
  const baseDeps: AppDeps = {
    ...coreDeps(infra, config.APP_NODE_ID, { push: pushServiceOf(config) }),
    live,
    observe: (sample) => metrics.observeProcedure(sample),
  };
  const deps: AppDeps = { ...baseDeps, jobs: jobStarter(config, baseDeps, stops) };
  const liveSocket: LiveSocket | undefined = live
    ? await embeddedServices(config, infra, deps, live, stops)
    : undefined;

  const app = await buildApp({
    deps,
    metrics,
    sessions: infra.sessions,
    sessionSecret: infra.sessionSecret,
    sessionTtlHours: config.SESSION_TTL_HOURS,
    cookieSecure: config.COOKIE_SECURE,
    trustProxy: config.TRUST_PROXY === false ? false : proxyTrust(config.TRUST_PROXY),
    metricsToken: config.METRICS_TOKEN,
    logger: infra.logger,
    webRoot: infra.embedded ? resolve(config.WEB_DIST) : undefined,
    liveSocket,
    admission: admissionOf(config, infra),
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

/** The CSP every answer carries; nginx.conf repeats it (the cluster test compares them). */
export { CONTENT_SECURITY_POLICY } from './plugins/security-headers.js';
