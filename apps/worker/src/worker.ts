import type { Config } from '@absensi/config';
import {
  closeForgottenShifts,
  republishUnsent,
  settleRecentDays,
  reportJobFailure,
  runExportJob,
  type CoreDeps,
  type ExportJobData,
} from '@absensi/core';
import { createQueue, EXPORT_QUEUE, MAINTENANCE_QUEUE, type MaintenanceTask } from '@absensi/jobs';
import {
  connectInfrastructure,
  coreDeps,
  pushServiceOf,
  redisPushCursor,
  runPushSender,
} from '@absensi/runtime';

export interface WorkerTiming {
  /** How often to look for shifts past their auto clock-out hour. */
  autoClockOutEveryMs: number;
  /** How often to bring the last days' daily statuses up to date. */
  settleStatusesEveryMs: number;
  /** How often to re-publish events whose append to the feed failed, and how old they must be. */
  republishEveryMs: number;
  republishOlderThanMs: number;
}

const DEFAULT_TIMING: WorkerTiming = {
  autoClockOutEveryMs: 60_000,
  settleStatusesEveryMs: 60_000,
  republishEveryMs: 2_000,
  republishOlderThanMs: 2_000,
};

const STALL_CHECK_MS = 5_000;

export interface RunningWorker {
  deps: CoreDeps;
  close(): Promise<void>;
}

/**
 * The worker: bee-queue processors for exports and for maintenance (auto clock-out of forgotten
 * shifts, re-publishing unsent events), and the Web Push sender (when VAPID keys are set). Maintenance jobs are enqueued on a timer by every worker
 * with a shared id per period, so several workers do each period's work about once, and a job whose
 * worker died is handed to another after the stall interval.
 */
export async function startWorker(
  config: Config,
  timing: Partial<WorkerTiming> = {},
): Promise<RunningWorker> {
  if (!config.REDIS_URL)
    throw new Error('REDIS_URL is required: the worker takes its jobs from Redis');
  const every = { ...DEFAULT_TIMING, ...timing };
  const infra = await connectInfrastructure(config, { migrate: false });
  const deps = coreDeps(infra, config.APP_NODE_ID, { push: pushServiceOf(config) });
  // Notifications to phones (Web Push): the one worker follows the feed and sends them, and after a
  // restart resumes where it stopped.
  const pushStop = new AbortController();
  const pushing = runPushSender(deps, infra.feed, pushStop.signal, {
    cursor: infra.redis
      ? redisPushCursor(infra.redis, `${config.REDIS_PREFIX}push:cursor`)
      : undefined,
  });
  const redis = { url: config.REDIS_URL, prefix: config.REDIS_PREFIX };

  const exports = createQueue<ExportJobData>(EXPORT_QUEUE, redis, 'worker');
  exports.process(1, (job) => runExportJob(deps, job.data));
  exports.on('retrying', (job, error) => void reportJobFailure(deps, job.data, error, false));
  exports.on('failed', (job, error) => void reportJobFailure(deps, job.data, error, true));

  const maintenance = createQueue<MaintenanceTask>(MAINTENANCE_QUEUE, redis, 'worker');
  maintenance.process(1, async (job) => {
    if (job.data.task === 'auto-clock-out') return { closed: await closeForgottenShifts(deps) };
    if (job.data.task === 'settle-statuses') return settleRecentDays(deps);
    return {
      republished: await republishUnsent(deps, {
        olderThanMs: every.republishOlderThanMs,
        batchSize: 500,
      }),
    };
  });

  // A job whose worker died (no heartbeat for the stall interval) goes back to the queue.
  void exports.checkStalledJobs(STALL_CHECK_MS);
  void maintenance.checkStalledJobs(STALL_CHECK_MS);

  const enqueue = (task: MaintenanceTask, periodMs: number) => {
    const period = Math.floor(Date.now() / periodMs);
    maintenance
      .createJob(task)
      .setId(`${task.task}-${period}`)
      .retries(3)
      .backoff('exponential', 1_000)
      .timeout(5 * 60_000)
      .save()
      .catch((error: unknown) =>
        infra.logger.warn({ err: error, task: task.task }, 'could not enqueue maintenance'),
      );
  };
  const timers = [
    setInterval(
      () => enqueue({ task: 'auto-clock-out' }, every.autoClockOutEveryMs),
      every.autoClockOutEveryMs,
    ),
    setInterval(
      () => enqueue({ task: 'republish' }, every.republishEveryMs),
      every.republishEveryMs,
    ),
    setInterval(
      () => enqueue({ task: 'settle-statuses' }, every.settleStatusesEveryMs),
      every.settleStatusesEveryMs,
    ),
  ];
  enqueue({ task: 'auto-clock-out' }, every.autoClockOutEveryMs);
  infra.logger.info({ queues: [EXPORT_QUEUE, MAINTENANCE_QUEUE] }, 'worker started');

  return {
    deps,
    async close() {
      for (const timer of timers) clearInterval(timer);
      pushStop.abort();
      await pushing;
      // bee-queue waits for the jobs in progress (up to the timeout) before closing.
      await Promise.all([exports.close(30_000), maintenance.close(30_000)]);
      await infra.close();
    },
  };
}
